import {
  ZAddMemberResponse,
  ZAuthResponse,
  ZCreateShareLinkResponse,
  ZCreateWorkshopLinkResponse,
  ZJoinWorkshopResponse,
  ZListMembersResponse,
  ZListShareLinksResponse,
  ZListWorkshopLinksResponse,
  ZMeResponse,
  ZMember,
  ZOpenShareLinkResponse,
  ZShareLink,
  ZWorkspace,
  ZErrorResponse,
  ZJourneyMap,
  ZListMapsResponse,
  type TAddMemberRequest,
  type TAddMemberResponse,
  type TAuthResponse,
  type TCreateShareLinkRequest,
  type TCreateShareLinkResponse,
  type TCreateWorkshopLinkRequest,
  type TCreateWorkshopLinkResponse,
  type TJoinWorkshopResponse,
  type TListMembersResponse,
  type TLoginRequest,
  type TMeResponse,
  type TMember,
  type TOpenShareLinkResponse,
  type TShareLink,
  type TUpdateShareLinkRequest,
  type TSignupRequest,
  type TWorkshopLink,
  type TWorkspace,
  type TWorkspaceRole,
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

export interface RequestOptions {
  body?: unknown;
  /** Extra headers, e.g. a share link's `authorization: Bearer jbsh_…`. */
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

const NETWORK_MESSAGE = 'Could not reach the server. Check your connection and try again.';

/** Exported for feature API modules (comments, personas) that keep their calls beside them. */
export async function send(
  method: string,
  path: string,
  options: RequestOptions,
): Promise<Response> {
  const init: RequestInit = {
    method,
    headers: { accept: 'application/json', ...options.headers },
  };
  // Only send a content type with a body: Fastify rejects an empty JSON body.
  if (options.body !== undefined) {
    init.headers = {
      accept: 'application/json',
      'content-type': 'application/json',
      ...options.headers,
    };
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

export async function requestJson<T>(
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
const workspacePath = (id: string) => `/api/workspaces/${encodeURIComponent(id)}`;

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

  // ── Accounts ──
  me(signal?: AbortSignal): Promise<TMeResponse> {
    return requestJson('GET', '/api/me', ZMeResponse, signal ? { signal } : {});
  },
  signUp(input: TSignupRequest): Promise<TAuthResponse> {
    return requestJson('POST', '/api/auth/signup', ZAuthResponse, { body: input });
  },
  logIn(input: TLoginRequest): Promise<TAuthResponse> {
    return requestJson('POST', '/api/auth/login', ZAuthResponse, { body: input });
  },
  async logOut(): Promise<void> {
    await send('POST', '/api/auth/logout', {});
  },

  // ── Workspaces ──
  createWorkspace(name: string): Promise<TWorkspace> {
    return requestJson('POST', '/api/workspaces', ZWorkspace, { body: { name } });
  },
  listMembers(workspaceId: string): Promise<TListMembersResponse> {
    return requestJson('GET', `${workspacePath(workspaceId)}/members`, ZListMembersResponse);
  },
  addMember(workspaceId: string, input: TAddMemberRequest): Promise<TAddMemberResponse> {
    return requestJson('POST', `${workspacePath(workspaceId)}/members`, ZAddMemberResponse, {
      body: input,
    });
  },
  changeRole(workspaceId: string, userId: string, role: TWorkspaceRole): Promise<TMember> {
    const path = `${workspacePath(workspaceId)}/members/${encodeURIComponent(userId)}`;
    return requestJson('PATCH', path, ZMember, { body: { role } });
  },
  async removeMember(workspaceId: string, userId: string): Promise<void> {
    await send('DELETE', `${workspacePath(workspaceId)}/members/${encodeURIComponent(userId)}`, {});
  },
  acceptInvite(token: string): Promise<TWorkspace> {
    return requestJson('POST', '/api/invites/accept', ZWorkspace, { body: { token } });
  },
  async revokeInvite(inviteId: string): Promise<void> {
    await send('DELETE', `/api/invites/${encodeURIComponent(inviteId)}`, {});
  },

  // ── Sharing ──
  async listShareLinks(mapId: string): Promise<TShareLink[]> {
    return (await requestJson('GET', `${mapPath(mapId)}/share-links`, ZListShareLinksResponse))
      .links;
  },
  createShareLink(
    mapId: string,
    input: TCreateShareLinkRequest,
  ): Promise<TCreateShareLinkResponse> {
    return requestJson('POST', `${mapPath(mapId)}/share-links`, ZCreateShareLinkResponse, {
      body: input,
    });
  },
  updateShareLink(id: string, input: TUpdateShareLinkRequest): Promise<TShareLink> {
    return requestJson('PATCH', `/api/share-links/${encodeURIComponent(id)}`, ZShareLink, {
      body: input,
    });
  },
  async revokeShareLink(id: string): Promise<void> {
    await send('DELETE', `/api/share-links/${encodeURIComponent(id)}`, {});
  },
  openShareLink(token: string): Promise<TOpenShareLinkResponse> {
    return requestJson('POST', '/api/share-links/open', ZOpenShareLinkResponse, {
      body: { token },
    });
  },
  async listWorkshopLinks(mapId: string): Promise<TWorkshopLink[]> {
    return (
      await requestJson('GET', `${mapPath(mapId)}/workshop-links`, ZListWorkshopLinksResponse)
    ).links;
  },
  createWorkshopLink(
    mapId: string,
    input: TCreateWorkshopLinkRequest,
  ): Promise<TCreateWorkshopLinkResponse> {
    return requestJson('POST', `${mapPath(mapId)}/workshop-links`, ZCreateWorkshopLinkResponse, {
      body: input,
    });
  },
  async revokeWorkshopLink(id: string): Promise<void> {
    await send('DELETE', `/api/workshop-links/${encodeURIComponent(id)}`, {});
  },
  joinWorkshop(token: string, name: string): Promise<TJoinWorkshopResponse> {
    return requestJson('POST', '/api/workshop-links/join', ZJoinWorkshopResponse, {
      body: { token, name },
    });
  },
};
