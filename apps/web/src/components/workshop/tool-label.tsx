import type { ReactNode } from 'react';

/**
 * A facilitator tool's word beside its icon, in the workshop tools (workshop-tools.css): icons
 * alone left a facilitator guessing which was the vote and which the brainstorm. Hidden on a
 * narrow screen, where the tools keep to one row; the button's own label names it there. The
 * word is part of that label, so what people see is what a voice command says.
 */
export function ToolLabel({ children }: { children: ReactNode }) {
  return <span className="workshop-tool__label">{children}</span>;
}
