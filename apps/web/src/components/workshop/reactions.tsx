import { REACTION_KINDS, type ReactionKind } from '@journeyboard/shared';
import { CircleHelp, Heart, Sparkles, ThumbsUp, type LucideIcon } from 'lucide-react';
import { useState } from 'react';
import { useCan } from '../../capabilities/capabilities.tsx';
import { usePresenceStore } from '../../presence/use-presence.ts';
import './room.css';

/** The four reactions: SVG icons (never emoji glyphs) with the words a screen reader says. */
export const REACTIONS: Record<ReactionKind, { Icon: LucideIcon; label: string }> = {
  'thumbs-up': { Icon: ThumbsUp, label: 'Thumbs up' },
  heart: { Icon: Heart, label: 'Love it' },
  surprised: { Icon: Sparkles, label: 'Wow' },
  question: { Icon: CircleHelp, label: 'Question' },
};

/** One reaction's icon in a bubble, as it shows beside someone's cursor or avatar. */
export function ReactionBubble({ kind, size = 16 }: { kind: ReactionKind; size?: number }) {
  const { Icon, label } = REACTIONS[kind];
  return (
    <span
      className={`reaction-bubble reaction-bubble--${kind}`}
      data-testid="reaction-bubble"
      data-kind={kind}
      role="img"
      aria-label={label}
    >
      <Icon size={size} aria-hidden="true" />
    </span>
  );
}

/**
 * The four reaction buttons (people who take part: `workshop.participate`).
 * A reaction rides on presence (awareness): it shows beside this person's
 * cursor and avatar for everyone for a few seconds, and is never stored.
 */
export function ReactionBar() {
  const presence = usePresenceStore();
  const canReact = useCan('workshop.participate');
  const [wait, setWait] = useState(false);
  if (!presence || !canReact) return null;
  const send = (kind: ReactionKind) => {
    if (!presence.react(kind)) return;
    // One a second (the server drops faster ones): say so by resting the buttons.
    setWait(true);
    setTimeout(() => setWait(false), 1000);
  };
  return (
    <div className="reaction-bar" role="group" aria-label="React">
      {REACTION_KINDS.map((kind) => {
        const { Icon, label } = REACTIONS[kind];
        return (
          <button
            key={kind}
            type="button"
            className="icon-button reaction-bar__button"
            aria-label={`React: ${label}`}
            title={label}
            disabled={wait}
            onClick={() => send(kind)}
          >
            <Icon size={16} aria-hidden="true" />
          </button>
        );
      })}
    </div>
  );
}
