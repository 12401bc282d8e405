import {
  addGhosts,
  readBoardState,
  type EmotionPoint,
  type Ghosts,
} from '@journeyboard/shared/board';
import * as Y from 'yjs';
import { createBoardSession, type BoardSession } from './board-session.ts';

export interface PreviewSession {
  readonly session: BoardSession;
  /** What the earlier board had and this one lost, put back to be drawn as ghosts. */
  readonly ghosts: Ghosts;
  /** The earlier board's emotion scores (drawn dashed under the curve); null without one. */
  readonly earlierEmotions: ReadonlyMap<string, EmotionPoint> | null;
}

const NO_GHOSTS: Ghosts = { stageIds: new Set(), laneIds: new Set(), cardIds: new Set() };

/**
 * A board from stored bytes (a version, or the live board's state at a
 * moment), in a document of its own with no socket: shown read-only by the
 * one renderer, never sent anywhere. With `earlier`, what that board had and
 * this one lost is added back (shared `addGhosts`) so "what changed" can
 * draw removed cards where they were.
 */
export function createPreviewSession(
  state: Uint8Array,
  earlier: Uint8Array | null = null,
): PreviewSession {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, state);
  const earlierBoard = earlier ? readBoardState(earlier) : null;
  const ghosts = earlierBoard ? addGhosts(doc, earlierBoard) : NO_GHOSTS;
  const session = createBoardSession(doc);
  return {
    session: {
      ...session,
      destroy: () => {
        session.destroy();
        doc.destroy();
      },
    },
    ghosts,
    earlierEmotions: earlierBoard?.emotions ?? null,
  };
}

/** Base64 (as the API sends a version's state) → bytes. */
export function decodeState(base64: string): Uint8Array {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
