import { SYNC_AUTH_MESSAGE, readWritesRefusedMessage } from '@journeyboard/shared';
import type { WebsocketProvider } from 'y-websocket';

/**
 * Calls `onRefused` when the sync server says it dropped changes this
 * connection sent because it may not edit the board
 * (packages/shared/src/capabilities/sync-message.ts): someone made a viewer or
 * commenter while offline reconnected with their offline edits. Called after
 * the provider has handled the frame, so the session may be replaced from it.
 * Returns the function that stops listening.
 */
export function hearRefusedWrites(provider: WebsocketProvider, onRefused: () => void): () => void {
  let listening = true;
  const next = provider.messageHandlers[SYNC_AUTH_MESSAGE];
  provider.messageHandlers[SYNC_AUTH_MESSAGE] = (encoder, decoder, ...rest) => {
    if (!readWritesRefusedMessage(decoder)) {
      next?.(encoder, decoder, ...rest);
      return;
    }
    queueMicrotask(() => listening && onRefused());
  };
  return () => {
    listening = false;
  };
}
