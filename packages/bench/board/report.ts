import { readFileSync, writeFileSync } from 'node:fs';
import { format, resolveConfig } from 'prettier';
import { cpus, totalmem } from 'node:os';
import type { BoardMeasurement } from './measure.ts';
import { LANES, STAGES } from './fill-map.ts';

const START = '<!-- bench:board:start -->';
const END = '<!-- bench:board:end -->';

const ms = (value: number) => `${Math.round(value)} ms`;
const mark = (ok: boolean) => (ok ? '✅' : '❌');

/** The markdown that goes between the board markers of docs/benchmarks.md. */
export function renderReport(results: readonly BoardMeasurement[], chromium: string): string {
  const rows = results.map((r) => {
    const target = r.cards === 1000;
    return (
      `| ${r.cards.toLocaleString('en')} | ${ms(r.firstRenderMs)}${target ? ` ${mark(r.firstRenderMs <= 500)}` : ''} ` +
      `| ${ms(r.afterSyncMs)} | ${r.cardsInDomAtFirstRender.toLocaleString('en')} ` +
      `| ${r.dragP95Ms.toFixed(1)} ms${target ? ` ${mark(r.dragP95Ms <= 16)}` : ''} (${r.dragFrames} frames) ` +
      `| ${r.heapMb.toFixed(1)} MB | ${r.cardRendersForOneChange} ${mark(r.cardRendersForOneChange === 1)} ` +
      `| ${r.zoomP95Ms.toFixed(1)} ms${target ? ` ${mark(r.zoomP95Ms <= 16)}` : ''} (${r.zoomFrames} frames) ` +
      `| ${ms(r.zoomSettleMs)} ` +
      `| ${r.panP95Ms.toFixed(1)} ms${target ? ` ${mark(r.panP95Ms <= 16)}` : ''} (${r.panFrames} frames) |`
    );
  });
  const date = new Date().toISOString().slice(0, 16).replace('T', ' ');
  return [
    START,
    '',
    `Run ${date} UTC on ${cpus().length} cores (${cpus()[0]?.model.trim() ?? 'unknown CPU'}), ` +
      `${Math.round(totalmem() / 1024 ** 3)} GiB, ${chromium} headless, viewport 1600×1000. ` +
      `Maps of ${STAGES} stages × ${LANES} lanes (one per kind of card, filled with that kind's samples: text, fields, chips), ` +
      'created with `POST /api/maps` and filled over the sync socket.',
    '',
    '| cards | first render | of which after sync | cards in DOM then | drag p95 frame | JS heap | card renders for one change | zoom p95 frame | zoom settles | pan p95 frame |',
    '| ----: | -----------: | ------------------: | ----------------: | -------------: | ------: | --------------------------: | -------------: | -----------: | ------------: |',
    ...rows,
    '',
    'Targets at 1,000 cards: first render ≤ 500 ms, drag, zoom and pan p95 ≤ 16 ms; one changed card re-renders one card component.',
    '',
    '- **first render**: navigation start → every card on screen rendered → the first task after that frame was',
    '  painted (median of 3 reloads, warm HTTP cache; the first reload leaves a page with every card drawn). Boards',
    '  over 300 cards draw the cards in view first and the rest when the browser is idle; the drag and change',
    '  measurements run after every card is in the DOM. A reload draws the board from this device: from the',
    '  preview kept with its copy when one is up to date (the script prints when the document was decoded after',
    '  it), else from the decoded copy. **of which after sync** is the time from the server’s first sync message',
    '  to that frame, 0 when the board was on screen before it.',
    '- **drag p95 frame**: a card dragged from the first cell to the far corner in 60 pointer moves; for each frame',
    '  that handled a move, main-thread time from the move event until that frame’s style, layout and paint were done.',
    '- **JS heap**: used size after a forced garbage collection, board open.',
    '- **card renders**: `CardItem` renders (render probe) after another client changed one card’s text.',
    '- **zoom / pan p95 frame**: 60 wheel events about a frame apart over the middle of the board — with Ctrl',
    '  (zoom out and back in around the pointer, as a trackpad pinch sends them), and without (scroll down and',
    '  back up); for each frame that handled one, main-thread time from the event until that frame’s style,',
    '  layout and paint were done. A zoom gesture is drawn as a transform and laid out at its zoom once it rests:',
    '  **zoom settles** is the longest task in the 800 ms after the last event.',
    END,
  ].join('\n');
}

/** Replaces only the board section of docs/benchmarks.md, formatted as the repository's Prettier would. */
export async function writeReport(file: string, section: string): Promise<void> {
  const options = (await resolveConfig(file)) ?? {};
  const formatted = (await format(section, { ...options, parser: 'markdown' })).trimEnd();
  const text = readFileSync(file, 'utf8');
  const start = text.indexOf(START);
  const end = text.indexOf(END);
  if (start === -1 || end === -1 || end < start) throw new Error(`markers not found in ${file}`);
  writeFileSync(file, text.slice(0, start) + formatted + text.slice(end + END.length));
}
