/**
 * Presence for one open board, over the provider's y-protocols awareness.
 *
 * Costs grow with people²: every cursor move of each of N people reaches the
 * N−1 others. So, on the way out, cursor and viewport changes are throttled
 * (at most one awareness update per `throttleMs`, trailing edge kept: the
 * last position always goes out); on the way in, any number of remote
 * changes within one animation frame notify subscribers once. Subscribers
 * are the presence layer and the avatars, never the board's components.
 */
import {
  DISCREET_ACTIVITY,
  presenceCallerKind,
  type CallerKind,
  parseReaction,
  presenceColor,
  REACTION_MIN_INTERVAL_MS,
  REACTION_SHOW_MS,
  type PresenceActivity,
  type PresenceReaction,
  type PresenceUser,
  type ReactionKind,
} from '@journeyboard/shared';
import type { Awareness } from 'y-protocols/awareness';
import { ValueStore, type ReadableStore } from '../board/value-store.ts';
import { localDisplayName, setLocalDisplayName, type PresenceIdentity } from './local-identity.ts';

export interface Peer extends PresenceActivity {
  readonly clientId: number;
  /** Who this is (the server's `user.id`): one person's tabs share it (people.ts). */
  readonly userId: string;
  readonly name: string;
  readonly color: string;
  /** What the server stamped them as (`presenceCallerKind`), for "how many here may vote"; null if unknown. */
  readonly callerKind: CallerKind | null;
}

export interface PresenceStoreOptions {
  /** Minimum time between two outgoing cursor/viewport updates. Default 50 ms (20/s). */
  throttleMs?: number;
  /** Coalesces incoming changes; default requestAnimationFrame (setTimeout 16 where absent). */
  scheduleFrame?: (callback: () => void) => void;
  /**
   * Who is signed in (local-identity.ts `signedInIdentity`): the server stamps
   * that identity for everyone else, so this person's own avatar shows it too.
   * Without one, a name picked on this device, which the person may change.
   */
  identity?: PresenceIdentity | null;
}

const NO_PEERS: readonly Peer[] = Object.freeze([]);
const EMPTY_ACTIVITY: PresenceActivity = {
  cursor: null,
  cardId: null,
  editing: false,
  viewport: null,
  reaction: null,
  following: null,
};

export class PresenceStore {
  /** Everyone else on the map, in a stable order (by client id). */
  readonly peers: ReadableStore<readonly Peer[]>;
  /** Whose viewport this person follows (a client id), null when nobody's. */
  readonly following: ReadableStore<number | null>;
  /** Signed in: the server names this person; there is no name to pick. */
  readonly signedIn: boolean;
  /** This person's own reaction while it shows (their avatar shows it too). */
  readonly ownReaction: ReadableStore<PresenceReaction | null>;

  private readonly awareness: Awareness;
  private readonly peerStore = new ValueStore<readonly Peer[]>(NO_PEERS);
  private readonly followStore = new ValueStore<number | null>(null);
  private readonly reactionStore = new ValueStore<PresenceReaction | null>(null);
  private reactionSeq = 0;
  private lastReactionAt = -Infinity;
  private reactionTimer: ReturnType<typeof setTimeout> | null = null;
  private readonly throttleMs: number;
  private readonly scheduleFrame: (callback: () => void) => void;
  private activity: PresenceActivity = EMPTY_ACTIVITY;
  private discreet = false;
  private lastSentAt = -Infinity;
  private trailing: ReturnType<typeof setTimeout> | null = null;
  private framePending = false;
  private destroyed = false;

  constructor(awareness: Awareness, options: PresenceStoreOptions = {}) {
    this.awareness = awareness;
    this.throttleMs = options.throttleMs ?? 50;
    this.scheduleFrame =
      options.scheduleFrame ??
      (typeof requestAnimationFrame === 'function'
        ? (callback) => void requestAnimationFrame(callback)
        : (callback) => void setTimeout(callback, 16));
    this.peers = this.peerStore;
    this.following = this.followStore;
    this.ownReaction = this.reactionStore;
    // The signed-in identity the server will stamp, else a name picked on this device.
    this.signedIn = Boolean(options.identity);
    const name = localDisplayName();
    const user: PresenceIdentity = options.identity ?? {
      id: `device:${awareness.clientID}`,
      name,
      color: presenceColor(name),
    };
    awareness.setLocalState({ ...(awareness.getLocalState() ?? {}), user, ...EMPTY_ACTIVITY });
    awareness.on('change', this.onChange);
    this.refresh();
  }

  /** The pointer moved over the board (board coordinates), or left it (null). Throttled. */
  setCursor(cursor: { x: number; y: number } | null): void {
    this.activity = { ...this.activity, cursor };
    this.sendThrottled();
  }

  /** The visible part of the board changed (scroll, resize, zoom). Throttled. */
  setViewport(viewport: PresenceActivity['viewport']): void {
    this.activity = { ...this.activity, viewport };
    this.sendThrottled();
  }

  /** The card this person selected or is editing: sent at once (rare, and others wait for it). */
  setCard(cardId: string | null, editing: boolean): void {
    if (this.activity.cardId === cardId && this.activity.editing === editing) return;
    this.activity = { ...this.activity, cardId, editing };
    this.sendNow();
  }

  /** Following "Bring everyone to me" (its `startedAt`) or not (null): sent at once, and rare. */
  setFollowing(following: string | null): void {
    if (this.activity.following === following) return;
    this.activity = { ...this.activity, following };
    this.sendNow();
  }

  /**
   * While true (a secret round runs, secret-round.ts), this person's pointer
   * and selected or edited card are not sent: others see them vanish at once
   * and nothing of them until it ends. What happens meanwhile is kept and
   * goes out when it ends, as if it had just happened.
   */
  setDiscreet(discreet: boolean): void {
    if (this.discreet === discreet) return;
    this.discreet = discreet;
    this.sendNow();
  }

  /**
   * Sends a short reaction: shown beside this person's cursor and avatar for
   * REACTION_SHOW_MS, then taken back. At most one per
   * REACTION_MIN_INTERVAL_MS (the server drops faster ones); returns whether
   * this one went out.
   */
  react(kind: ReactionKind): boolean {
    const now = Date.now();
    if (now - this.lastReactionAt < REACTION_MIN_INTERVAL_MS) return false;
    this.lastReactionAt = now;
    // Seq from the clock: a reload never reuses one the server already judged.
    this.reactionSeq = Math.max(this.reactionSeq + 1, now);
    const reaction: PresenceReaction = { kind, seq: this.reactionSeq };
    this.activity = { ...this.activity, reaction };
    this.reactionStore.set(reaction);
    this.sendNow();
    if (this.reactionTimer) clearTimeout(this.reactionTimer);
    this.reactionTimer = setTimeout(() => {
      this.reactionTimer = null;
      this.activity = { ...this.activity, reaction: null };
      this.reactionStore.set(null);
      this.sendNow();
    }, REACTION_SHOW_MS);
    return true;
  }

  /** The name others see (until the server stamps the signed-in one over it). */
  rename(name: string): void {
    const trimmed = name.trim();
    if (!trimmed) return;
    setLocalDisplayName(trimmed);
    const current = this.awareness.getLocalState() ?? {};
    const user = { ...(current.user as object), name: trimmed, color: presenceColor(trimmed) };
    this.awareness.setLocalState({ ...current, user });
  }

  /**
   * The colour the server gave this person on this map (the server stamps
   * it into what others see; this makes the person's own avatar match).
   */
  adoptColor(color: string): void {
    const current = this.awareness.getLocalState() ?? {};
    const user = current.user as Partial<PresenceUser> | undefined;
    if (user?.color === color) return;
    this.awareness.setLocalState({ ...current, user: { ...user, color } });
  }

  /** The local name and colour, as this person appears to others, and who they are (`id`). */
  get self(): { id: string | null; name: string; color: string } {
    const user = this.awareness.getLocalState()?.user as Partial<PresenceUser> | undefined;
    return { id: user?.id ?? null, name: user?.name ?? 'You', color: user?.color ?? '#64748b' };
  }

  follow(clientId: number | null): void {
    this.followStore.set(clientId);
  }

  destroy(): void {
    this.destroyed = true;
    if (this.trailing) clearTimeout(this.trailing);
    if (this.reactionTimer) clearTimeout(this.reactionTimer);
    this.awareness.off('change', this.onChange);
  }

  private sendThrottled(): void {
    if (this.trailing) return; // the trailing send will carry the latest activity
    const wait = this.lastSentAt + this.throttleMs - Date.now();
    if (wait <= 0) {
      this.sendNow();
      return;
    }
    this.trailing = setTimeout(() => {
      this.trailing = null;
      this.sendNow();
    }, wait);
  }

  private sendNow(): void {
    if (this.destroyed) return;
    if (this.trailing) clearTimeout(this.trailing);
    this.trailing = null;
    this.lastSentAt = Date.now();
    const current = this.awareness.getLocalState() ?? {};
    const shared = this.discreet ? { ...this.activity, ...DISCREET_ACTIVITY } : this.activity;
    this.awareness.setLocalState({ ...current, ...shared });
  }

  private readonly onChange = (_changes: unknown, origin: unknown): void => {
    // Our own changes don't change what we show about others.
    if (origin === 'local') return;
    if (this.framePending || this.destroyed) return;
    this.framePending = true;
    this.scheduleFrame(() => {
      this.framePending = false;
      if (!this.destroyed) this.refresh();
    });
  };

  private refresh(): void {
    const peers: Peer[] = [];
    for (const [clientId, state] of this.awareness.getStates()) {
      if (clientId === this.awareness.clientID) continue;
      const peer = toPeer(clientId, state);
      if (peer) peers.push(peer);
    }
    peers.sort((a, b) => a.clientId - b.clientId);
    this.peerStore.set(peers.length === 0 ? NO_PEERS : peers);
    const followed = this.followStore.getSnapshot();
    if (followed !== null && !peers.some((peer) => peer.clientId === followed)) {
      this.followStore.set(null); // they left
    }
  }
}

/** Reads a remote state defensively: it is whatever another client sent. */
function toPeer(clientId: number, state: Record<string, unknown>): Peer | null {
  const user = state.user as Partial<PresenceUser> | undefined;
  if (!user || typeof user.name !== 'string') return null;
  const point = (value: unknown) =>
    isRecord(value) && typeof value.x === 'number' && typeof value.y === 'number'
      ? { x: value.x, y: value.y }
      : null;
  const viewport = state.viewport;
  return {
    clientId,
    // A state without an id (an older client) is a person of its own.
    userId: typeof user.id === 'string' ? user.id : `client:${clientId}`,
    name: user.name.slice(0, 60),
    color: typeof user.color === 'string' ? user.color : presenceColor(user.name),
    callerKind: presenceCallerKind(user),
    cursor: point(state.cursor),
    cardId: typeof state.cardId === 'string' ? state.cardId : null,
    editing: state.editing === true,
    viewport:
      isRecord(viewport) &&
      typeof viewport.width === 'number' &&
      typeof viewport.height === 'number' &&
      point(viewport)
        ? { ...point(viewport)!, width: viewport.width, height: viewport.height }
        : null,
    reaction: parseReaction(state.reaction),
    following: typeof state.following === 'string' ? state.following.slice(0, 40) : null,
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}
