import {
  ZErrorResponse,
  ZJourneyMap,
  ZListMapsResponse,
  type TCreateMapRequest,
  type TJourneyMap,
  type TUpdateMapRequest,
} from '@journeyboard/shared';
import { ApiError } from './api-error.ts';

export { ApiError, errorMessage, type ApiErrorCode, type ApiIssue } from './api-error.ts';

/** The part of a zod schema the client needs; keeps zod itself out of this package's deps. */
interface ResponseSchema<T> {
  safeParse(data: unknown): { success: true; data: T } | { success: false };
}

interface RequestOptions {
  body?: unknown;
  signal?: AbortSignal;
}

const NETWORK_MESSAGE = 'Could not reach the server. Check your connection and try again.';

async function send(method: string, path: string, options: RequestOptions): Promise<Response> {
  const init: RequestInit = { method, headers: { accept: 'application/json' } };
  // Only send a content type with a body: Fastify rejects an empty JSON body.
  if (options.body !== undefined) {
    init.headers = { accept: 'application/json', 'content-type': 'application/json' };
    init.body = JSON.stringify(options.body);
  }
  if (options.signal) init.signal = options.signal;
  let response: Response;
  try {
    response = await fetch(path, init);
  } catch (error) {
    if (options.signal?.aborted) throw error;
    throw new ApiError('NETWORK_ERROR', NETWORK_MESSAGE, 0);
  }
  if (!response.ok) throw await toApiError(response);
  return response;
}

async function readJson(response: Response): Promise<unknown> {
  try {
    return await response.json();
  } catch {
    return undefined;
  }
}

async function toApiError(response: Response): Promise<ApiError> {
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

async function requestJson<T>(
  method: string,
  path: string,
  schema: ResponseSchema<T>,
  options: RequestOptions = {},
): Promise<T> {
  const response = await send(method, path, options);
  const parsed = schema.safeParse(await readJson(response));
  if (!parsed.success) {
    throw new ApiError(
      'UNEXPECTED_RESPONSE',
      'The server sent a response this app does not understand. Reload the page.',
      response.status,
    );
  }
  return parsed.data;
}

const mapPath = (id: string) => `/api/maps/${encodeURIComponent(id)}`;

/** Typed calls to the Journeyboard REST API. Every failure rejects with an ApiError. */
export const api = {
  async listMaps(signal?: AbortSignal): Promise<TJourneyMap[]> {
    const body = await requestJson('GET', '/api/maps', ZListMapsResponse, signal ? { signal } : {});
    return body.maps;
  },

  getMap(id: string, signal?: AbortSignal): Promise<TJourneyMap> {
    return requestJson('GET', mapPath(id), ZJourneyMap, signal ? { signal } : {});
  },

  createMap(input: TCreateMapRequest): Promise<TJourneyMap> {
    return requestJson('POST', '/api/maps', ZJourneyMap, { body: input });
  },

  updateMap(id: string, patch: TUpdateMapRequest): Promise<TJourneyMap> {
    return requestJson('PATCH', mapPath(id), ZJourneyMap, { body: patch });
  },

  async deleteMap(id: string): Promise<void> {
    await send('DELETE', mapPath(id), {});
  },
};
