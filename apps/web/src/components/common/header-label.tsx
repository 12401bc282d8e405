/**
 * A header button's words, and its count: at laptop widths only the count
 * shows beside the button's icon (the words stay its accessible name and
 * its tooltip says them), so a facilitator's full header fits (board/board-header.css).
 */
export function HeaderLabel({ children, count = 0 }: { children: string; count?: number }) {
  return (
    <>
      <span className="header-label">{children}</span>
      {count > 0 ? (
        <span className="header-count">
          <span className="header-label"> (</span>
          {count}
          <span className="header-label">)</span>
        </span>
      ) : null}
    </>
  );
}
