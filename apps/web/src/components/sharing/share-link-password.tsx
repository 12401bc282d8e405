import type { TShareLink } from '@journeyboard/shared';
import { useId, useState } from 'react';

/**
 * One read-only link's password: whether opening it asks for one (the list
 * says so), and setting, changing or removing it. Changing or removing it
 * ends the view of everyone who typed the old one: they are told, and type
 * the new one. The password itself is never shown again (only its hash is
 * kept), so there is nothing to reveal here.
 */
export function ShareLinkPassword({
  link,
  name,
  onChange,
}: {
  link: TShareLink;
  /** What the dialog calls the link ("Read-only link 2"). */
  name: string;
  /** Resolves once saved; rejects with the server's reason (shown by the dialog). */
  onChange: (linkId: string, password: string | null) => Promise<unknown>;
}) {
  const id = useId();
  const [editing, setEditing] = useState(false);
  const [password, setPassword] = useState('');
  const save = async (next: string | null) => {
    await onChange(link.id, next);
    setEditing(false);
    setPassword('');
  };
  const lowerName = name.toLowerCase();
  return (
    <span className="share-link-setting">
      {link.hasPassword ? `${name} asks for a password. ` : `${name} opens without a password. `}
      {editing ? (
        <form
          className="share-link-setting__form"
          onSubmit={(event) => {
            event.preventDefault();
            void save(password).catch(() => undefined);
          }}
        >
          <label htmlFor={id}>New password for {lowerName}</label>{' '}
          <input
            id={id}
            className="input input--small"
            type="password"
            autoComplete="new-password"
            value={password}
            onChange={(event) => setPassword(event.target.value)}
          />{' '}
          <button type="submit" className="button button--small">
            Save password
          </button>{' '}
          <button type="button" className="button button--ghost" onClick={() => setEditing(false)}>
            Cancel
          </button>
        </form>
      ) : (
        <>
          <button
            type="button"
            className="button button--ghost"
            aria-label={`${link.hasPassword ? 'Change' : 'Set'} the password of ${lowerName}`}
            onClick={() => setEditing(true)}
          >
            {link.hasPassword ? 'Change password' : 'Set a password'}
          </button>
          {link.hasPassword ? (
            <button
              type="button"
              className="button button--ghost"
              aria-label={`Remove the password of ${lowerName}`}
              onClick={() => void save(null).catch(() => undefined)}
            >
              Remove password
            </button>
          ) : null}
        </>
      )}
    </span>
  );
}
