import {
  ZListMapPersonasResponse,
  ZListPersonasResponse,
  ZPersona,
  type TCreatePersonaRequest,
  type TMapPersona,
  type TPersona,
  type TUpdatePersonaRequest,
} from '@journeyboard/shared';
import { requestJson, send } from '../api/client.ts';

const enc = encodeURIComponent;

export const personasApi = {
  async list(workspaceId: string): Promise<TPersona[]> {
    return (
      await requestJson(
        'GET',
        `/api/workspaces/${enc(workspaceId)}/personas`,
        ZListPersonasResponse,
      )
    ).personas;
  },
  create(workspaceId: string, input: TCreatePersonaRequest): Promise<TPersona> {
    return requestJson('POST', `/api/workspaces/${enc(workspaceId)}/personas`, ZPersona, {
      body: input,
    });
  },
  update(id: string, input: TUpdatePersonaRequest): Promise<TPersona> {
    return requestJson('PATCH', `/api/personas/${enc(id)}`, ZPersona, { body: input });
  },
  async remove(id: string): Promise<void> {
    await send('DELETE', `/api/personas/${enc(id)}`, {});
  },
  async forMap(mapId: string): Promise<TMapPersona[]> {
    return (await requestJson('GET', `/api/maps/${enc(mapId)}/personas`, ZListMapPersonasResponse))
      .personas;
  },
  async setForMap(
    mapId: string,
    personaIds: string[],
    primaryId: string | null,
  ): Promise<TMapPersona[]> {
    return (
      await requestJson('PUT', `/api/maps/${enc(mapId)}/personas`, ZListMapPersonasResponse, {
        body: { personaIds, primaryId },
      })
    ).personas;
  },
};
