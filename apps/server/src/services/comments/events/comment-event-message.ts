import { ZCommentEvent, type TCommentEvent } from '@journeyboard/shared';
import { z } from 'zod';

/**
 * What travels on a map's comment channel. `origin` is the publishing
 * instance: it has already delivered the event to its own watchers, so it
 * drops its own echo (exactly once, and local delivery survives Redis).
 */
const ZCommentEventMessage = z.object({ origin: z.string().min(1), event: ZCommentEvent });

export type CommentEventMessage = z.infer<typeof ZCommentEventMessage>;

const SUFFIX = '/comments';

/** `<prefix>:map:<mapId>/comments`, beside the relay's `…/awareness` channel. */
export function commentChannel(keyPrefix: string, mapId: string): string {
  return `${keyPrefix}:map:${mapId}${SUFFIX}`;
}

/** The map a channel belongs to; null for a channel that isn't ours. */
export function mapIdFromChannel(keyPrefix: string, channel: string): string | null {
  const start = `${keyPrefix}:map:`;
  if (!channel.startsWith(start) || !channel.endsWith(SUFFIX)) return null;
  const mapId = channel.slice(start.length, -SUFFIX.length);
  return mapId.length > 0 && !mapId.includes('/') ? mapId : null;
}

export function encodeCommentMessage(origin: string, event: TCommentEvent): string {
  return JSON.stringify({ origin, event } satisfies CommentEventMessage);
}

export type ParsedCommentMessage =
  | { readonly ok: true; readonly message: CommentEventMessage }
  | { readonly ok: false; readonly reason: string };

/** Redis messages are input like any request body: JSON, then the shared schema. */
export function parseCommentMessage(raw: string): ParsedCommentMessage {
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    return { ok: false, reason: 'not JSON' };
  }
  const result = ZCommentEventMessage.safeParse(json);
  return result.success
    ? { ok: true, message: result.data }
    : { ok: false, reason: z.prettifyError(result.error) };
}
