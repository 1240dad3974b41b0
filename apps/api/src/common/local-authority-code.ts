import { Matches } from 'class-validator';

/** An English LA's ONS GSS code (E06…, E08…, E09…, E10…), or with `each`, a list of them. */
export const IsLocalAuthorityCode = (options: { each?: boolean } = {}) =>
  Matches(/^E\d{8}$/, {
    each: options.each,
    message: options.each ? 'must be LA GSS codes such as E09000009' : 'must be an LA GSS code such as E09000009',
  });
