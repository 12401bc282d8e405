import { Hand, X } from 'lucide-react';
import { useId, useState } from 'react';
import { errorMessage } from '../../api/client.ts';
import { useCan } from '../../capabilities/capabilities.tsx';
import { useHandActions, useHands, useOwnHandRaised } from '../../workshop/hand-queries.ts';
import { FormProblem } from '../common/form-problem.tsx';
import { ChevronIcon } from '../common/icons.tsx';
import './room.css';

const ORDINAL = new Intl.PluralRules('en', { type: 'ordinal' });
const SUFFIX: Record<Intl.LDMLPluralRule, string> = {
  one: 'st',
  two: 'nd',
  few: 'rd',
  other: 'th',
  zero: 'th',
  many: 'th',
};
const ordinal = (n: number) => `${n}${SUFFIX[ORDINAL.select(n)]}`;

/**
 * "Raise hand" / "Lower hand" for people who take part (`workshop.participate`), and while it
 * is up, their place in the queue: only facilitators see the list of names, and in a room of
 * thirty a raised hand with no sign of being seen is a hand lowered again.
 */
export function RaiseHandButton() {
  const canRaise = useCan('workshop.participate');
  const raised = useOwnHandRaised();
  const hands = useHands();
  const place = raised && hands ? hands.hands.findIndex((hand) => hand.who === hands.you) + 1 : 0;
  const { change } = useHandActions();
  const [problem, setProblem] = useState<string | null>(null);
  if (!canRaise || !hands) return null;
  const toggle = () => {
    setProblem(null);
    change(raised ? 'lowerOwn' : 'raise').catch((error: unknown) =>
      setProblem(errorMessage(error)),
    );
  };
  return (
    <>
      <button
        type="button"
        className={`button${raised ? ' button--primary' : ' button--ghost'} raise-hand`}
        aria-pressed={raised}
        onClick={toggle}
      >
        <Hand size={16} aria-hidden="true" />
        {raised ? 'Lower hand' : 'Raise hand'}
      </button>
      <span role="status" className="raise-hand__place">
        {place === 1 ? 'First in line' : place > 1 ? `${ordinal(place)} in line` : null}
      </span>
      <FormProblem as="span">{problem}</FormProblem>
    </>
  );
}

/**
 * For facilitators, while any hand is up: the raised hands in the order they
 * went up, each with "Lower", and "Lower all" beside the title (the names
 * scroll under it, so it stays in reach however many hands are up). The
 * names fold away to the title and its count, which keeps counting: with
 * thirty hands up the list covered a corner of the board the room was
 * reading. Folded until the last hand goes down; the next one opens it.
 */
export function RaisedHandsList() {
  const canFacilitate = useCan('workshop.facilitate');
  const hands = useHands()?.hands ?? [];
  const { change } = useHandActions();
  const [problem, setProblem] = useState<string | null>(null);
  const [folded, setFolded] = useState(false);
  const listId = useId();
  if (!canFacilitate || hands.length === 0) {
    if (folded) setFolded(false);
    return null;
  }
  const run = (what: Parameters<typeof change>[0]) => {
    setProblem(null);
    change(what).catch((error: unknown) => setProblem(errorMessage(error)));
  };
  return (
    <section className="raised-hands" aria-label="Raised hands">
      <div className="raised-hands__head">
        <h2 className="raised-hands__title">
          <button
            type="button"
            className="raised-hands__fold"
            aria-expanded={!folded}
            aria-controls={listId}
            title={folded ? 'Show the names' : 'Hide the names'}
            onClick={() => setFolded(!folded)}
          >
            <ChevronIcon direction={folded ? 'right' : 'down'} />
            <Hand size={16} aria-hidden="true" /> Raised hands ({hands.length})
          </button>
        </h2>
        <button type="button" className="button button--ghost" onClick={() => run('lowerAll')}>
          Lower all
        </button>
      </div>
      <ol id={listId} className="raised-hands__list" data-testid="raised-hands" hidden={folded}>
        {hands.map((hand) => (
          <li key={hand.id} className="raised-hands__item">
            <span className="raised-hands__name">{hand.name}</span>
            <button
              type="button"
              className="icon-button"
              aria-label={`Lower ${hand.name}'s hand`}
              title="Lower this hand"
              onClick={() => run({ lower: hand.id })}
            >
              <X size={14} aria-hidden="true" />
            </button>
          </li>
        ))}
      </ol>
      <FormProblem as="span">{problem}</FormProblem>
    </section>
  );
}
