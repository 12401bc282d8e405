import { memo, useRef } from 'react';
import { useBoardHealth } from '../../board/use-board-health.ts';
import { useStages } from '../../board/use-board.ts';
import { Notice } from '../common/notice.tsx';
import { PresenceLayer } from '../presence/presence-layer.tsx';
import { SummonFollower } from '../workshop/summon-follower.tsx';
import { AddLaneButton } from './add-lane-button.tsx';
import { BoardDragAndDrop } from './board-drag-and-drop.tsx';
import { BoardGrid } from './board-grid.tsx';
import { BoardModeContext } from './board-mode.ts';
import { BoardProblem } from './board-problem.tsx';
import { EvidenceToolbar } from '../evidence/evidence-toolbar.tsx';
import { BoardFind } from './board-find.tsx';
import { CardPalette } from './card-palette.tsx';
import { KeyboardHelp } from './keyboard-help.tsx';
import { SelectionBar } from './selection-bar.tsx';
import { useBoardKeyboard } from './use-board-keyboard.ts';
import { useCanvasPointer } from './use-canvas-pointer.ts';
import { useCanvasZoom } from './use-canvas-zoom.ts';
import { useQuietWhileMoving } from './use-quiet-while-moving.ts';
import { ZoomControls } from './zoom-controls.tsx';
import { DeleteWhileWritingDialog } from './delete-while-writing-dialog.tsx';
import './board-view.css';

interface BoardViewProps {
  mode: 'edit' | 'read-only';
  /**
   * Read-only, whether the people on the map are drawn (cursors, who is
   * editing which card, following) and this person's own pointer shown to
   * them: on a team member's read-only board (a viewer, a commenter, a
   * participant while the facilitator has locked the board — who most need
   * to see where the facilitator points), not on a share link's or a
   * version's. The editing board always has them.
   */
  people?: boolean;
  /**
   * Where this person's view of the map is kept on this device (zoom,
   * scroll, column widths): `<person>:<map>` (state/canvas-scope.ts). Without
   * one nothing is remembered.
   */
  storageScope?: string | null;
}

/**
 * The journey board on a page: the grid (BoardGrid) on a zoomable, pannable
 * canvas. `edit` adds the toolbar (palette, selection, shortcuts), drag and
 * drop, keyboard editing and live cursors; `read-only` only zoom and pan.
 *
 * Memoised: the page around it re-renders for its header and panels (a query
 * answering, the connection's status); each such render reaching the board
 * re-rendered drag and drop's context and every card's and cell's drag hook
 * with it (~80 ms at 1,000 cards, right after the first paint). The board
 * follows the board's own stores and contexts.
 */
export const BoardView = memo(function BoardView({
  mode,
  people = false,
  storageScope = null,
}: BoardViewProps) {
  const editable = mode === 'edit';
  const health = useBoardHealth({ repair: editable });
  if (health.status === 'fatal') return <BoardProblem message={health.message} />;
  return (
    <BoardModeContext value={mode}>
      {editable ? (
        <EditorCanvas repaired={health.repaired} storageScope={storageScope} />
      ) : (
        <ReadOnlyCanvas people={people} storageScope={storageScope} />
      )}
    </BoardModeContext>
  );
});

function useCanvas(selectable: boolean, storageScope: string | null) {
  const scrollerRef = useRef<HTMLDivElement>(null);
  const boardRef = useRef<HTMLDivElement>(null);
  const frameRef = useRef<HTMLDivElement>(null);
  const canvas = useCanvasZoom(scrollerRef, boardRef, frameRef, { storageScope });
  const pointer = useCanvasPointer(scrollerRef, { selectable });
  const shieldRef = useRef<HTMLDivElement>(null);
  useQuietWhileMoving(scrollerRef, shieldRef);
  const scrollerClass = [
    'board-scroll',
    pointer.spaceHeld ? 'board-scroll--pan-ready' : '',
    pointer.panning ? 'board-scroll--panning' : '',
  ].join(' ');
  // Over the board while it moves (use-quiet-while-moving.ts).
  const shield = <div ref={shieldRef} className="board-shield" hidden aria-hidden="true" />;
  return { scrollerRef, boardRef, frameRef, canvas, pointer, scrollerClass, shield };
}

function EditorCanvas({
  repaired,
  storageScope,
}: {
  repaired: readonly string[];
  storageScope: string | null;
}) {
  const stages = useStages();
  const rootRef = useRef<HTMLDivElement>(null);
  const { scrollerRef, boardRef, frameRef, canvas, pointer, scrollerClass, shield } = useCanvas(
    true,
    storageScope,
  );
  useBoardKeyboard(rootRef);

  return (
    <div className="board-view" ref={rootRef}>
      <BoardDragAndDrop>
        <div className="board-toolbar">
          <CardPalette />
          <SelectionBar />
          <DeleteWhileWritingDialog />
          <div className="board-toolbar__end">
            <BoardFind />
            <EvidenceToolbar />
            <KeyboardHelp />
            <ZoomControls canvas={canvas} />
          </div>
        </div>
        {repaired.length > 0 ? (
          <Notice>This board was repaired when it opened: {repaired.join(' ')}</Notice>
        ) : null}
        <div ref={scrollerRef} className={scrollerClass} {...pointer.handlers}>
          <div ref={frameRef} className="board-zoom-frame">
            <BoardGrid stages={stages} boardRef={boardRef} storageScope={storageScope}>
              <AddLaneButton />
              <PresenceLayer
                scrollerRef={scrollerRef}
                boardRef={boardRef}
                showArea={canvas.showArea}
              />
              <SummonFollower scrollerRef={scrollerRef} boardRef={boardRef} canvas={canvas} />
              {shield}
            </BoardGrid>
          </div>
        </div>
        {pointer.box ? (
          <div
            className="selection-box"
            style={{
              left: pointer.box.left,
              top: pointer.box.top,
              width: pointer.box.width,
              height: pointer.box.height,
            }}
            aria-hidden="true"
          />
        ) : null}
      </BoardDragAndDrop>
    </div>
  );
}

function ReadOnlyCanvas({
  people,
  storageScope,
}: {
  people: boolean;
  storageScope: string | null;
}) {
  const stages = useStages();
  const { scrollerRef, boardRef, frameRef, canvas, pointer, scrollerClass, shield } = useCanvas(
    false,
    storageScope,
  );
  return (
    <div className="board-view board-view--read-only" data-testid="read-only-board">
      <div className="board-toolbar board-toolbar--read-only">
        <div className="board-toolbar__end">
          <BoardFind />
          <EvidenceToolbar />
          <ZoomControls canvas={canvas} />
        </div>
      </div>
      {/* Nothing inside is focusable when reading (but the column edges): the canvas itself
          takes focus, so the arrow keys scroll it. */}
      <div
        ref={scrollerRef}
        className={scrollerClass}
        tabIndex={0}
        role="region"
        aria-label="Board canvas: scroll with the arrow keys"
        {...pointer.handlers}
      >
        <div ref={frameRef} className="board-zoom-frame">
          <BoardGrid stages={stages} boardRef={boardRef} storageScope={storageScope}>
            {people ? (
              <PresenceLayer
                scrollerRef={scrollerRef}
                boardRef={boardRef}
                showArea={canvas.showArea}
              />
            ) : null}
            <SummonFollower scrollerRef={scrollerRef} boardRef={boardRef} canvas={canvas} />
            {shield}
          </BoardGrid>
        </div>
      </div>
    </div>
  );
}
