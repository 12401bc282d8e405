/** What the board profilers read from a Chromium trace. */

export interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: {
    name?: string;
    data?: { nodeName?: string; reason?: string };
    client?: string;
    reason?: string;
  };
}

/** Main-thread work we split by: the rendering pipeline's steps and script. */
export const KINDS: Record<string, string> = {
  UpdateLayoutTree: 'style',
  ScheduleStyleRecalculation: 'style (scheduled)',
  Layout: 'layout',
  PrePaint: 'pre-paint',
  Paint: 'paint',
  'LocalFrameView::RunPaintLifecyclePhase': 'paint lifecycle',
  Layerize: 'layerize',
  'PaintArtifactCompositor::Update': 'layerize',
  UpdateLayer: 'update layer',
  Commit: 'commit',
  'ProxyMain::BeginMainFrame::commit': 'commit',
  'ProxyMain::BeginMainFrame': 'begin main frame',
  HitTest: 'hit test',
  EventDispatch: 'event dispatch',
  FunctionCall: 'script',
  FireAnimationFrame: 'rAF',
  TimerFire: 'timer',
  'v8.execute': 'v8 execute',
  MajorGC: 'GC',
  MinorGC: 'GC',
  'V8.GC_SCAVENGER': 'GC',
  ScrollLayer: 'scroll',
  'IntersectionObserverController::computeIntersections': 'intersection observers',
  ResizeObserverEntry: 'resize observers',
  CompositeLayers: 'composite',
  'LocalFrameView::UpdateStyleAndLayoutIfNeededRecursive': 'style+layout',
  'LocalFrameView::UpdateAllLifecyclePhases': 'all lifecycle',
};
