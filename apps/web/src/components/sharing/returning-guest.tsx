import { useId } from 'react';

/**
 * The join page for a device that is already in the map's workshop (its
 * guest session): one press goes back in as before — same name, same votes
 * and raised hand — rather than asking for a name that session holds.
 * Joining under another name is still one step away.
 */
export function ReturningGuest({
  mapTitle,
  name,
  onContinue,
  onJoinAsSomeoneElse,
}: {
  mapTitle: string;
  name: string;
  onContinue: () => void;
  onJoinAsSomeoneElse: () => void;
}) {
  const titleId = useId();
  return (
    <section className="panel auth-form" aria-labelledby={titleId}>
      <h1 className="panel__title" id={titleId}>
        Back to the workshop
      </h1>
      <p className="auth-form__intro">
        You joined <strong>{mapTitle}</strong> as <strong>{name}</strong> on this device.
      </p>
      {/* The page is this choice: Enter takes the person back in. */}
      <button type="button" className="button button--primary" autoFocus onClick={onContinue}>
        Continue as {name}
      </button>
      <button type="button" className="button button--ghost" onClick={onJoinAsSomeoneElse}>
        Join under another name
      </button>
    </section>
  );
}
