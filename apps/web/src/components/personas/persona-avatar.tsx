import type { TPersona } from '@journeyboard/shared';
import { avatarInk } from './avatar-ink.ts';

/** Initials on the persona's colour; the name is announced by the surrounding text. */
export function PersonaAvatar({
  persona,
  size = 32,
}: {
  persona: Pick<TPersona, 'initials' | 'color'>;
  size?: number;
}) {
  return (
    <span
      className="persona-avatar"
      aria-hidden="true"
      style={{
        background: persona.color,
        color: avatarInk(persona.color),
        width: size,
        height: size,
        fontSize: size * 0.4,
      }}
    >
      {persona.initials}
    </span>
  );
}
