import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

/** `limit`: a whole number from 1 to `max`. */
const Limit = (max: number) => applyDecorators(IsOptional(), Type(() => Number), IsInt(), Min(1), Max(max));
/** `offset`: how many to skip, from 0. */
const Offset = () => applyDecorators(IsOptional(), Type(() => Number), IsInt(), Min(0));

/** `?limit=&offset=` for lists: 100 by default, at most 500 a page. */
export class PageQuery {
  @Limit(500)
  limit?: number;

  @Offset()
  offset?: number;
}

export const DEFAULT_PAGE_SIZE = 100;

/**
 * `?limit=&offset=` for the lists added for the web app, which answer `{ items, total }`: 50 by
 * default, at most 200 a page (the contract's additions). The older lists keep PageQuery's bounds.
 */
export class ListQuery {
  @ApiPropertyOptional({ minimum: 1, maximum: 200, default: 50 })
  @Limit(200)
  limit?: number;

  @ApiPropertyOptional({ minimum: 0, default: 0 })
  @Offset()
  offset?: number;
}

export const LIST_PAGE_SIZE = 50;

/** A ListQuery's page with its defaults filled in. */
export const listPage = (query: ListQuery) => ({ limit: query.limit ?? LIST_PAGE_SIZE, offset: query.offset ?? 0 });
