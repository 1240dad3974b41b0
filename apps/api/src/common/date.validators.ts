import { registerDecorator, ValidationArguments, ValidationOptions } from 'class-validator';
import { todayInEngland } from '@app/domain';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

/** The longest text ISO_DATE accepts (`2026-11-20T12:00:00.123456789+01:00`), documented as maxLength. */
export const MAX_DATE_LENGTH = 35;

/** `2026-11-20` or a full ISO 8601 timestamp naming a real calendar day. */
export function isCalendarDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  const realDay = date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
  // A timestamp's time must be one too: 25:00, 12:60 or an offset of +25:00 name no instant.
  return realDay && (match[4] === undefined || !Number.isNaN(Date.parse(value)));
}

/** The calendar day a date or timestamp names (dates in this product are England's calendar days). */
export function calendarDay(value: string): string {
  return value.length === 10 ? value : todayInEngland(new Date(value));
}

function dateRule(name: string, message: string, test: (day: string) => boolean) {
  return (options?: ValidationOptions) => (object: object, propertyName: string) =>
    registerDecorator({
      name,
      target: object.constructor,
      propertyName,
      options: { message, ...options },
      validator: {
        validate: (value: unknown, _args: ValidationArguments) => isCalendarDate(value) && test(calendarDay(value)),
      },
    });
}

/** The OpenAPI description of a date these rules accept, after what the date is for. */
export function calendarDate(description?: string) {
  const accepts = 'A date such as 2026-11-20, or an ISO 8601 timestamp (the day it falls on in England).';
  return { type: String, maxLength: MAX_DATE_LENGTH, example: '2026-11-20', description: description ? `${description} ${accepts}` : accepts };
}

export const IsCalendarDate = dateRule('isCalendarDate', 'must be an ISO 8601 date such as 2026-11-20', () => true);
export const IsPastDate = dateRule('isPastDate', 'must be a date in the past', (day) => day < todayInEngland());
export const IsTodayOrLater = dateRule('isTodayOrLater', 'must not be in the past', (day) => day >= todayInEngland());
