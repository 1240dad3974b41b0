import { registerDecorator, ValidationOptions } from 'class-validator';

/** Room for 11 digits with a separator between each, brackets and +44: far past any real number. */
export const MAX_PHONE_LENGTH = 30;

/**
 * A UK phone number as people write it: `020 7946 0000`, `01632 960000`, `+44 20 7946 0000`,
 * `+44 (0)20 7946 0000`. Digits with spaces, hyphens or brackets between them; 10 or 11 digits
 * from the leading 0, or 9 or 10 after +44.
 */
export function isUkPhoneNumber(value: unknown): boolean {
  if (typeof value !== 'string' || !/^\+?\d[\d ()-]*$/.test(value)) return false;
  const digits = value.replace(/^\+44\s*\(0\)/, '+44').replace(/[ ()-]/g, '');
  return /^(0\d{9,10}|\+44[1-9]\d{8,9})$/.test(digits);
}

export const IsUkPhoneNumber = (options?: ValidationOptions) => (object: object, propertyName: string) =>
  registerDecorator({
    name: 'isUkPhoneNumber',
    target: object.constructor,
    propertyName,
    options: { message: 'must be a UK phone number such as 020 7946 0000', ...options },
    validator: { validate: (value: unknown) => isUkPhoneNumber(value) },
  });

/**
 * Its OpenAPI description, for `@ApiPropertyOptional({ ...UK_PHONE_NUMBER })`: the characters
 * allowed (the digit count, 10 or 11 from the leading 0, is checked by the api).
 */
export const UK_PHONE_NUMBER = {
  type: 'string' as const,
  pattern: '^\\+?\\d[\\d ()-]*$',
  maxLength: MAX_PHONE_LENGTH,
  example: '020 7946 0000',
};
