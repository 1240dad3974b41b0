import type { paths } from './schema';

type JsonOf<R> = R extends { content: { 'application/json': infer T } } ? T : never;
type Responses<P extends keyof paths, M extends keyof paths[P]> = paths[P][M] extends { responses: infer R } ? R : never;

/** The JSON body of a route's 2xx answer, as the api's OpenAPI document describes it. */
export type Ok<P extends keyof paths, M extends keyof paths[P] = 'get' & keyof paths[P]> = JsonOf<
  Responses<P, M>[200 & keyof Responses<P, M>] | Responses<P, M>[201 & keyof Responses<P, M>] | Responses<P, M>[202 & keyof Responses<P, M>]
>;

type BodyOf<R> = R extends { content: { 'application/json': infer T } } ? T : never;
/** The JSON body a route takes, as the api's OpenAPI document describes it. */
export type Body<P extends keyof paths, M extends keyof paths[P]> = paths[P][M] extends { requestBody?: infer B } ? BodyOf<NonNullable<B>> : never;
