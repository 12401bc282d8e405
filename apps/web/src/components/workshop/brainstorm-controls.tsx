import type { TPrivateModeProgress } from '@journeyboard/shared';
import { useEffect, useRef, useState } from 'react';
import { errorMessage } from '../../api/client.ts';
import { useCan } from '../../capabilities/capabilities.tsx';
import {
  usePrivateMode,
  usePrivateModeActions,
  usePrivateProgress,
} from '../../workshop/private-mode-queries.ts';
import { PrivateIcon } from '../common/icons.tsx';
import './lock-controls.css';
import './private-cards.css';
import { BannerDetail } from './banner-stack.tsx';
import { ToolLabel } from './tool-label.tsx';

/** The facilitator's header button: start a silent brainstorm (nothing for anyone else). */
export function StartBrainstormButton({ mapId }: { mapId: string }) {
  const facilitates = useCan('workshop.facilitate');
  const running = usePrivateMode()?.running === true;
  const { change, pending } = usePrivateModeActions(mapId);
  const [problem, setProblem] = useState<string | null>(null);
  if (!facilitates || running) return null;
  return (
    <button
      type="button"
      className="icon-button"
      aria-label="Start a silent brainstorm"
      title={
        problem ??
        'Start a silent brainstorm: everyone writes cards only they see, until you reveal them'
      }
      disabled={pending}
      onClick={() => {
        setProblem(null);
        change('start').catch((error: unknown) => setProblem(errorMessage(error)));
      }}
    >
      <PrivateIcon />
      <ToolLabel>Brainstorm</ToolLabel>
    </button>
  );
}

/**
 * Below the header while a silent brainstorm runs: what it means for this
 * person, and for a facilitator the reveal (optionally without names).
 */
export function BrainstormBanner({ mapId }: { mapId: string }) {
  const running = usePrivateMode()?.running === true;
  const facilitates = useCan('workshop.facilitate');
  const progress = usePrivateProgress(running);
  const writes = useCan('board.edit');
  const { change, pending } = usePrivateModeActions(mapId);
  const [anonymous, setAnonymous] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const revealRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    // The start button goes away once the brainstorm runs; a keyboard user
    // who pressed it would be left on the page's body. Their next step is here.
    if (running && (document.activeElement === document.body || !document.activeElement)) {
      revealRef.current?.focus();
    }
  }, [running]);
  if (!running) return null;
  return (
    <section className="banner lock-banner" aria-label="Silent brainstorm">
      <PrivateIcon />
      {facilitates ? (
        <>
          <span>
            Silent brainstorm
            <BannerDetail>
              : participants’ new cards are private until you reveal them.
            </BannerDetail>
          </span>
          {progress ? (
            <span className="brainstorm-banner__progress" role="status">
              {progressText(progress)}
            </span>
          ) : null}
          <span className="brainstorm-banner__reveal">
            {problem ? <span role="alert">{problem}</span> : null}
            <label>
              <input
                type="checkbox"
                checked={anonymous}
                onChange={(event) => setAnonymous(event.target.checked)}
              />{' '}
              Without names
            </label>
            <button
              ref={revealRef}
              type="button"
              className="button button--primary"
              disabled={pending}
              onClick={() => {
                setProblem(null);
                change({ anonymous }).catch((error: unknown) => setProblem(errorMessage(error)));
              }}
            >
              Reveal everyone’s cards
            </button>
          </span>
        </>
      ) : writes ? (
        <span>
          Silent brainstorm: the shared board is read-only; only you see the cards you add until the
          facilitator reveals everyone’s
          <BannerDetail> (“Add private card” in each cell).</BannerDetail>
        </span>
      ) : (
        <span>
          Silent brainstorm in progress: everyone’s cards appear when the facilitator reveals them.
        </span>
      )}
    </section>
  );
}

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** "5 cards from 3 people so far": enough to tell when the room is done, nothing of whose. */
function progressText({ cards, writers }: TPrivateModeProgress): string {
  if (cards === 0) return 'No cards written yet.';
  return `${count(cards, 'card', 'cards')} from ${count(writers, 'person', 'people')} so far.`;
}
