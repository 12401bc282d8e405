import type { z } from 'zod';
import { ZErrorResponse } from '../errors.ts';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
type Schema = z.ZodType;

/**
 * One REST route, defined once: the server registers it (validation, OpenAPI)
 * and the web calls it (URL, typed input, response validation) from this.
 * `path` uses Fastify's `:param` syntax; `responses` has exactly one 2xx.
 */
export interface RouteDefinition {
  readonly method: HttpMethod;
  readonly path: `/api/${string}`;
  readonly summary: string;
  readonly params?: Schema;
  readonly query?: Schema;
  readonly body?: Schema;
  readonly responses: Readonly<Record<number, Schema>>;
  /**
   * Callable without credentials (signing up and in, opening a link, the
   * health check). Every other route answers a caller who brings none with
   * 401 before it reads the request, so a stranger learns nothing of its shape.
   */
  readonly public?: true;
  /**
   * Server-sent events: the 2xx answer is a `text/event-stream` whose `data:`
   * lines are each one value of the 2xx schema, not one JSON body.
   */
  readonly stream?: true;
}

export const defineRoute = <const R extends RouteDefinition>(route: R): R => route;

type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 410 | 413 | 429;
/** The error statuses a route may answer, all in the catalogue's shape. */
export function errors<const S extends readonly ErrorStatus[]>(
  ...statuses: S
): { readonly [K in S[number]]: typeof ZErrorResponse } {
  return Object.fromEntries(statuses.map((status) => [status, ZErrorResponse])) as {
    readonly [K in S[number]]: typeof ZErrorResponse;
  };
}

type SuccessStatus = 200 | 201 | 204;
type Responses<R extends RouteDefinition> = R['responses'];
/** The one 2xx status of a route. */
export type RouteSuccessStatus<R extends RouteDefinition> = Extract<
  keyof Responses<R>,
  SuccessStatus
>;
/** What a route answers on success, as validated (after transforms). */
export type RouteResponse<R extends RouteDefinition> = z.output<
  Responses<R>[RouteSuccessStatus<R>] & Schema
>;

type Part<R, K extends 'params' | 'query' | 'body', Mode extends 'input' | 'output'> = R extends {
  readonly [P in K]: infer S extends Schema;
}
  ? Mode extends 'input'
    ? z.input<S>
    : z.output<S>
  : undefined;

/** What a caller sends: path params, query and body as the schemas accept them. */
export type RouteInput<R extends RouteDefinition> = (R extends { params: Schema }
  ? { readonly params: Part<R, 'params', 'input'> }
  : { readonly params?: undefined }) &
  (R extends { query: Schema }
    ? { readonly query?: Part<R, 'query', 'input'> }
    : { readonly query?: undefined }) &
  (R extends { body: Schema }
    ? { readonly body: Part<R, 'body', 'input'> }
    : { readonly body?: undefined });

/** What a handler receives once the route's schemas have validated and normalised it. */
export interface RouteRequestData<R extends RouteDefinition> {
  readonly params: Part<R, 'params', 'output'>;
  readonly query: Part<R, 'query', 'output'>;
  readonly body: Part<R, 'body', 'output'>;
}

/** `/api/maps/:id` + `{ id: 'a b' }` → `/api/maps/a%20b`. */
export function routePath(route: RouteDefinition, params?: Readonly<Record<string, unknown>>) {
  return route.path.replace(/:(\w+)/g, (_, name: string) => {
    const value = params?.[name];
    if (typeof value !== 'string') throw new Error(`${route.path}: missing param ${name}`);
    return encodeURIComponent(value);
  });
}
