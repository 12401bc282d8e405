import type { ReactNode } from 'react';
import './banner-stack.css';

/**
 * Where the workshop's banners sit, above the board: a running vote, everyone
 * rating, a silent brainstorm, a board lock, following someone. They often
 * run together, and on a laptop four full banners left the board half the
 * screen; so when more than one is up, each keeps to its essentials (the
 * question, the counts, the buttons) and drops its `BannerDetail`.
 */
export function BannerStack({ children }: { children: ReactNode }) {
  return <div className="banner-stack">{children}</div>;
}

/**
 * The part of a banner that explains — what stays hidden until the reveal,
 * how to take part. Shown while its banner is the only one; with others up,
 * screen readers still read it (banner-stack.css), and the person read it
 * when that banner came up on its own.
 */
export function BannerDetail({ children, className }: { children: ReactNode; className?: string }) {
  return (
    <span className={className ? `banner-detail ${className}` : 'banner-detail'}>{children}</span>
  );
}
