import {
  routePath,
  ZErrorResponse,
  type RouteDefinition,
  type RouteInput,
  type RouteResponse,
} from '@journeyboard/shared';
import { ApiError } from './api-error.ts';

export { ApiError, errorMessage, type ApiErrorCode, type ApiIssue } from './api-error.ts';

export interface CallOptions {
  /** Extra headers, e.g. a share link's `authorization: Bearer jbsh_…`. */
  readonly headers?: Readonly<Record<string, string>>;
  readonly signal?: AbortSignal;
}

type CallArgs<R extends RouteDefinition> =
  // Routes with nothing required (no params, no body) may be called without input.
  object extends RouteInput<R>
    ? [input?: RouteInput<R> & CallOptions]
    : [input: RouteInput<R> & CallOptions];

const NETWORK_MESSAGE = 'Could not reach the server. Check your connection and try again.';

/** The URL of a contract route: path params filled in, the query appended. */
export function routeUrl<R extends RouteDefinition>(
  route: R,
  input?: Pick<RouteInput<R>, 'params' | 'query'>,
): string {
  const path = routePath(route, input?.params);
  const query = new URLSearchParams();
  // Query schemas are flat: strings, numbers, booleans, enums.
  const entries: [string, unknown][] = Object.entries(input?.query ?? {});
  for (const [name, value] of entries) {
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
      query.set(name, String(value));
    }
  }
  const search = query.toString();
  return search ? `${path}?${search}` : path;
}

/**
 * Calls a route of the shared contract (`call(routes.maps.get, { params: { id } })`):
 * the URL, the method and the types come from the route's definition, and the
 * answer is validated against the route's schema for the status that came
 * back. Every failure rejects with an ApiError — status 0 when the request
 * never reached the server (the offline boot relies on that).
 */
export async function call<R extends RouteDefinition>(
  route: R,
  ...[input]: CallArgs<R>
): Promise<RouteResponse<R>> {
  const headers: Record<string, string> = { accept: 'application/json', ...input?.headers };
  const init: RequestInit = { method: route.method, headers };
  // Only send a content type with a body: Fastify rejects an empty JSON body.
  if (input?.body !== undefined) {
    headers['content-type'] = 'application/json';
    init.body = JSON.stringify(input.body);
  }
  if (input?.signal) init.signal = input.signal;
  let response: Response;
  try {
    response = await fetch(routeUrl(route, input), init);
  } catch (error) {
    if (input?.signal?.aborted) throw error;
    throw new ApiError('NETWORK_ERROR', NETWORK_MESSAGE, 0);
  }
  if (!response.ok) throw await toApiError(response);
  const schema = route.responses[response.status];
  const body = response.status === 204 ? null : await readJson(response);
  const parsed = schema?.safeParse(body);
  if (!parsed?.success) {
    throw new ApiError(
      'UNEXPECTED_RESPONSE',
      'The server sent a response this app does not understand. Reload the page.',
      response.status,
    );
  }
  return parsed.data as RouteResponse<R>;
}

/**
 * Reads a server-sent event route of the contract (`stream: true`, e.g.
 * `routes.mapEvents.events`): yields each `data:` line, validated against the
 * route's 2xx schema (lines that don't match are skipped), until the server
 * ends the stream or `signal` aborts. A refusal rejects with an ApiError, as
 * `call` does. Unlike EventSource it can send headers (a share link's
 * `authorization`).
 */
export async function* stream<R extends RouteDefinition & { readonly stream: true }>(
  route: R,
  ...[input]: CallArgs<R>
): AsyncGenerator<RouteResponse<R>, void, undefined> {
  const init: RequestInit = {
    method: route.method,
    headers: { accept: 'text/event-stream', ...input?.headers },
  };
  if (input?.signal) init.signal = input.signal;
  let response: Response;
  try {
    response = await fetch(routeUrl(route, input), init);
  } catch (error) {
    if (input?.signal?.aborted) throw error;
    throw new ApiError('NETWORK_ERROR', NETWORK_MESSAGE, 0);
  }
  if (!response.ok) throw await toApiError(response);
  const schema = route.responses[response.status];
  if (!schema || !response.body) {
    throw new ApiError(
      'UNEXPECTED_RESPONSE',
      'The server sent a response this app does not understand. Reload the page.',
      response.status,
    );
  }
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buffer += value;
    let end: number;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const frame = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      for (const line of frame.split('\n')) {
        if (!line.startsWith('data: ')) continue;
        const parsed = schema.safeParse(parseJson(line.slice(6)));
        if (parsed.success) yield parsed.data as RouteResponse<R>;
      }
    }
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

async function readJson(response: Response): Promise<unknown> {
  try {
    return await response.json();
  } catch {
    return undefined;
  }
}

export async function toApiError(response: Response): Promise<ApiError> {
  const parsed = ZErrorResponse.safeParse(await readJson(response));
  if (parsed.success) {
    const { code, message, issues } = parsed.data.error;
    return new ApiError(code, message, response.status, issues ?? []);
  }
  // A proxy or crashed server answered instead of the API (502 page, HTML…).
  return new ApiError(
    'UNEXPECTED_RESPONSE',
    `The server answered with an unexpected error (${response.status}). Try again.`,
    response.status,
  );
}

/** The typed client: `client.call(routes.maps.get, { params: { id } })`. */
export const client = { call, stream, routeUrl };
