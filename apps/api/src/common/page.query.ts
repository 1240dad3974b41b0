import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsOptional, ValidateBy } from 'class-validator';

/**
 * A whole number from `min` to `max`, one problem whatever is wrong with it. Only digits become a
 * number: Number() would read `?offset=` or `?offset= ` as 0 and `0x10` as 16, none of them a page.
 */
const WholeNumber = (min: number, max: number) =>
  applyDecorators(
    Transform(({ value }) => (typeof value === 'string' && /^-?\d+$/.test(value) ? Number(value) : value)),
    ValidateBy({
      name: 'isWholeNumberInRange',
      validator: {
        validate: (value: unknown) => Number.isInteger(value) && (value as number) >= min && (value as number) <= max,
        defaultMessage: () => `must be a whole number from ${min} to ${max}`,
      },
    }),
  );

/** `limit`: a whole number from 1 to `max`, `size` when left out; validated and documented as one. */
const Limit = (max: number, size: number) =>
  applyDecorators(ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: max, default: size }), IsOptional(), WholeNumber(1, max));

/** The furthest any list pages: more rows than any list holds, and far inside Postgres' bigint. */
export const MAX_OFFSET = 10_000_000;

/** `offset`: how many to skip, from 0 to MAX_OFFSET. */
const Offset = () =>
  applyDecorators(
    ApiPropertyOptional({ type: 'integer', minimum: 0, maximum: MAX_OFFSET, default: 0 }),
    IsOptional(),
    WholeNumber(0, MAX_OFFSET),
  );

export const DEFAULT_PAGE_SIZE = 100;

/** `?limit=&offset=` for lists: 100 by default, at most 500 a page. */
export class PageQuery {
  @Limit(500, DEFAULT_PAGE_SIZE)
  limit?: number;

  @Offset()
  offset?: number;
}

export const LIST_PAGE_SIZE = 50;

/**
 * `?limit=&offset=` for the lists added for the web app, which answer `{ items, total }`: 50 by
 * default, at most 200 a page (the contract's additions). The older lists keep PageQuery's bounds.
 */
export class ListQuery {
  @Limit(200, LIST_PAGE_SIZE)
  limit?: number;

  @Offset()
  offset?: number;
}

/** A ListQuery's page with its defaults filled in. */
export const listPage = (query: ListQuery) => ({ limit: query.limit ?? LIST_PAGE_SIZE, offset: query.offset ?? 0 });
