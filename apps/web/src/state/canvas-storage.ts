/**
 * What a person's canvas remembers on this device, per map and person
 * (`scope` = `<account id or "guest">:<map id>`): zoom and scroll position,
 * and the stage columns they resized. localStorage; a full or blocked
 * storage only means nothing is remembered.
 */

export interface SavedView {
  readonly zoom: number;
  /** Scroll position in board pixels (zoom 1), so it survives a zoom change. */
  readonly x: number;
  readonly y: number;
  /** The compact overview "fit" chose (compact cards above the readable zoom). */
  readonly overview?: boolean;
}

const PREFIX = 'journeyboard.canvas.';

const storage = (): Storage | null => {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
};

function read(key: string): unknown {
  try {
    const raw = storage()?.getItem(key);
    return raw ? (JSON.parse(raw) as unknown) : null;
  } catch {
    return null;
  }
}

function write(key: string, value: unknown): void {
  try {
    storage()?.setItem(key, JSON.stringify(value));
  } catch {
    // Full or blocked: nothing is remembered.
  }
}

const isFiniteNumber = (value: unknown): value is number =>
  typeof value === 'number' && Number.isFinite(value);

export const viewKey = (scope: string): string => `${PREFIX}view.${scope}`;
export const stageWidthsKey = (scope: string): string => `${PREFIX}stage-widths.${scope}`;

export function loadView(scope: string): SavedView | null {
  const value = read(viewKey(scope));
  if (typeof value !== 'object' || value === null) return null;
  const { zoom, x, y, overview } = value as Record<string, unknown>;
  if (!isFiniteNumber(zoom) || !isFiniteNumber(x) || !isFiniteNumber(y)) return null;
  return { zoom, x, y, overview: overview === true };
}

export function saveView(scope: string, view: SavedView): void {
  write(viewKey(scope), {
    zoom: view.zoom,
    x: Math.round(view.x),
    y: Math.round(view.y),
    ...(view.overview ? { overview: true } : {}),
  });
}

export function loadStageWidths(scope: string): Readonly<Record<string, number>> {
  const value = read(stageWidthsKey(scope));
  if (typeof value !== 'object' || value === null) return {};
  const widths: Record<string, number> = {};
  for (const [id, width] of Object.entries(value as Record<string, unknown>)) {
    if (isFiniteNumber(width)) widths[id] = width;
  }
  return widths;
}

export function saveStageWidths(scope: string, widths: Readonly<Record<string, number>>): void {
  write(stageWidthsKey(scope), widths);
}

/** Sign-out forgets what this device kept (the offline copies go too). */
export function forgetCanvases(): void {
  const store = storage();
  if (!store) return;
  try {
    const keys: string[] = [];
    for (let index = 0; index < store.length; index++) {
      const key = store.key(index);
      if (key?.startsWith(PREFIX)) keys.push(key);
    }
    for (const key of keys) store.removeItem(key);
  } catch {
    // nothing to forget
  }
}
