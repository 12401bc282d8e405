import { useUnsavedChanges } from '../../board/use-board.ts';
import { unsavedChangesText } from '../../board/unsaved-changes.ts';
import { useCan } from '../../capabilities/capabilities.tsx';
import { CopyButton } from '../common/copy-button.tsx';
import { Notice } from '../common/notice.tsx';
import './unsaved-changes-notice.css';

/** Lines shown at most; "Copy as text" copies them all. */
const SHOWN = 8;

/**
 * "Your changes made offline were not saved: you can only view this map
 * now", with what they were — "Added “…” to Purchase · Pain points",
 * "Removed “…” from Awareness" — and "Copy as text". Someone made a viewer or
 * commenter while offline reconnected: the server dropped their changes and
 * said so (unsaved-changes.ts), and their board has been put back to the
 * server's, so this list is the only trace of that work.
 */
export function UnsavedChangesNotice() {
  const { lines, dismiss } = useUnsavedChanges();
  const canEdit = useCan('board.edit');
  const canComment = useCan('comment.write');
  if (lines.length === 0) return null;
  // Made an editor again since: "you can only view" would now be untrue; why they were refused is not.
  const why = canEdit
    ? 'you could not edit this map when you came back online'
    : `you can only ${canComment ? 'view and comment on' : 'view'} this map now`;
  const more = lines.length - SHOWN;
  return (
    <Notice
      className="unsaved-changes"
      actions={<CopyButton text={unsavedChangesText(lines)} label="Copy as text" />}
      dismiss={{ label: 'Dismiss: changes not saved', onClick: dismiss }}
    >
      Your changes made offline were not saved: {why}. The board shows it as it is saved. What you
      had done:
      <span className="unsaved-changes__list" role="list">
        {lines.slice(0, SHOWN).map((line, index) => (
          <span key={index} className="unsaved-changes__item" role="listitem">
            {line}
          </span>
        ))}
        {more > 0 ? (
          <span className="unsaved-changes__item" role="listitem">
            and {more} more {more === 1 ? 'change' : 'changes'}
          </span>
        ) : null}
      </span>
    </Notice>
  );
}
