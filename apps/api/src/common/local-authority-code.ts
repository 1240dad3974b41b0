import { Matches } from 'class-validator';

const GSS_CODE = /^E\d{8}$/;

/** How many English LAs there are: no list of distinct LA codes can be longer. */
export const LOCAL_AUTHORITY_COUNT = 153;

/** An English LA's ONS GSS code (E06…, E08…, E09…, E10…), or with `each`, a list of them. */
export const IsLocalAuthorityCode = (options: { each?: boolean } = {}) =>
  Matches(GSS_CODE, {
    each: options.each,
    message: options.each ? 'must be LA GSS codes such as E09000009' : 'must be an LA GSS code such as E09000009',
  });

/** The OpenAPI description of a GSS code, for `@ApiProperty({ ...LA_CODE })` (`items` of a list). */
export const LA_CODE = { type: 'string' as const, pattern: GSS_CODE.source, example: 'E09000009' };
