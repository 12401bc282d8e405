import { useId } from 'react';
import { CopyButton } from '../common/copy-button.tsx';

/**
 * An invitation's link, just made (inviting, or "New link"): its only
 * showing — the server keeps its hash — in a field that fits the page
 * however long the link, with a copy button.
 */
export function InviteLink({ email, url }: { email: string; url: string }) {
  const id = useId();
  return (
    <div className="invite-link" role="status">
      <label className="field__label" htmlFor={id}>
        Invitation link for {email}
      </label>
      <div className="invite-link__row">
        <input
          id={id}
          className="input invite-link__url"
          readOnly
          value={url}
          onFocus={(event) => event.currentTarget.select()}
        />
        <CopyButton text={url} />
      </div>
      <p className="muted">
        They have no account yet: send them this link to sign up and join. Copy it now — it is shown
        only once (a pending invitation can get a new link below).
      </p>
    </div>
  );
}
