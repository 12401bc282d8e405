import { ZMapCapability, ZMapEvent } from '@journeyboard/shared';
import { z } from 'zod';
import type { MapEventAudience } from './map-event-bus.ts';

/**
 * What travels on a map's event channel. `origin` is the publishing
 * instance: it has already delivered the event to its own watchers, so it
 * drops its own echo (exactly once, and local delivery survives Redis).
 * `audience` travels with the event: every instance filters for its own
 * watchers (Redis is inside the deployment; a caller's wire only ever
 * carries what they may see).
 */
const ZMapEventMessage = z.object({
  origin: z.string().min(1),
  audience: z.object({
    action: ZMapCapability,
    participant: z.string().min(1).optional(),
  }),
  event: ZMapEvent,
});

export interface MapEventMessage {
  readonly origin: string;
  readonly audience: MapEventAudience;
  readonly event: z.infer<typeof ZMapEvent>;
}

const SUFFIX = '/events';

/** `<prefix>:map:<mapId>/events`, beside the relay's `…/awareness` channel. */
export function mapEventChannel(keyPrefix: string, mapId: string): string {
  return `${keyPrefix}:map:${mapId}${SUFFIX}`;
}

/** The map a channel belongs to; null for a channel that isn't ours. */
export function mapIdFromChannel(keyPrefix: string, channel: string): string | null {
  const start = `${keyPrefix}:map:`;
  if (!channel.startsWith(start) || !channel.endsWith(SUFFIX)) return null;
  const mapId = channel.slice(start.length, -SUFFIX.length);
  return mapId.length > 0 && !mapId.includes('/') ? mapId : null;
}

export function encodeMapEventMessage(message: MapEventMessage): string {
  const { origin, audience, event } = message;
  const plain = audience.participant
    ? { action: audience.action, participant: audience.participant }
    : { action: audience.action };
  return JSON.stringify({ origin, audience: plain, event });
}

export type ParsedMapEventMessage =
  | { readonly ok: true; readonly message: MapEventMessage }
  | { readonly ok: false; readonly reason: string };

/** Redis messages are input like any request body: JSON, then the shared schema. */
export function parseMapEventMessage(raw: string): ParsedMapEventMessage {
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    return { ok: false, reason: 'not JSON' };
  }
  const result = ZMapEventMessage.safeParse(json);
  if (!result.success) return { ok: false, reason: z.prettifyError(result.error) };
  const { origin, audience, event } = result.data;
  return {
    ok: true,
    message: {
      origin,
      audience: audience.participant
        ? { action: audience.action, participant: audience.participant }
        : { action: audience.action },
      event,
    },
  };
}
