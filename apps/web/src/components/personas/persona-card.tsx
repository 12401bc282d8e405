import type { TPersona } from '@journeyboard/shared';
import { PersonaAvatar } from './persona-avatar.tsx';

function Section({ title, items }: { title: string; items: readonly string[] }) {
  if (items.length === 0) return null;
  return (
    <div className="persona-card__section">
      <h4>{title}</h4>
      <ul>
        {items.map((item, index) => (
          <li key={index}>{item}</li>
        ))}
      </ul>
    </div>
  );
}

/** A persona's details, as text nodes only. */
export function PersonaCard({ persona, badge }: { persona: TPersona; badge?: string }) {
  return (
    <article
      className="persona-card"
      data-testid="persona-card"
      aria-label={`Persona ${persona.name}`}
    >
      <header className="persona-card__header">
        <PersonaAvatar persona={persona} />
        <div>
          <h3 className="persona-card__name">
            {persona.name}
            {badge ? <span className="persona-card__badge">{badge}</span> : null}
          </h3>
          <p className="persona-card__sub">
            {[persona.title, persona.segment].filter(Boolean).join(' · ')}
          </p>
        </div>
      </header>
      {persona.quote ? (
        <blockquote className="persona-card__quote">“{persona.quote}”</blockquote>
      ) : null}
      <Section title="Goals" items={persona.goals} />
      <Section title="Needs and frustrations" items={persona.needs} />
      <Section title="Behaviours" items={persona.behaviours} />
      <Section title="Preferred channels" items={persona.channels} />
    </article>
  );
}
