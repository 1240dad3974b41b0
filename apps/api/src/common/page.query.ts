import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

/** `limit`: a whole number from 1 to `max`, `size` when left out; validated and documented as one. */
const Limit = (max: number, size: number) =>
  applyDecorators(
    ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: max, default: size }),
    IsOptional(),
    Type(() => Number),
    IsInt(),
    Min(1),
    Max(max),
  );
/** The furthest any list pages: more rows than any list holds, and far inside Postgres' bigint. */
export const MAX_OFFSET = 10_000_000;

/** `offset`: how many to skip, from 0 to MAX_OFFSET. */
const Offset = () =>
  applyDecorators(
    ApiPropertyOptional({ type: 'integer', minimum: 0, maximum: MAX_OFFSET, default: 0 }),
    IsOptional(),
    Type(() => Number),
    IsInt(),
    Min(0),
    Max(MAX_OFFSET),
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
