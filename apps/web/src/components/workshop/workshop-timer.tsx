import { Bell, BellOff, Pause, Play, Plus, Square, Timer as TimerIcon } from 'lucide-react';
import { useEffect, useId, useLayoutEffect, useRef, useState, type FormEvent } from 'react';
import { errorMessage } from '../../api/client.ts';
import { useCan } from '../../capabilities/capabilities.tsx';
import { describeRemaining, formatRemaining } from '../../workshop/timer-clock.ts';
import { setTimerMuted, useTimerMuted } from '../../workshop/timer-sound.ts';
import { useTimerActions } from '../../workshop/timer-queries.ts';
import { useTimer } from '../../workshop/use-timer.ts';
import { useAnchoredPopup, type Anchoring } from '../common/use-anchored-popup.ts';
import './workshop-timer.css';

const PRESET_MINUTES = [1, 3, 5, 10];

/** The workshop tools sit at the foot of the board: the panel opens above its button. */
const ABOVE_THE_BUTTON: Anchoring = { placement: 'top-start', gap: 10 };

/** Starts, pauses, resumes, extends and stops the map's timer; remembers the server's refusal. */
function useTimerCommands(mapId: string) {
  const [problem, setProblem] = useState<string | null>(null);
  const actions = useTimerActions(mapId);
  const run = (change: Parameters<typeof actions.change>[0]) => {
    setProblem(null);
    actions.change(change).catch((error: unknown) => setProblem(errorMessage(error)));
  };
  return { run, problem };
}

function TimerProblem({ problem }: { problem: string | null }) {
  return problem ? (
    <span className="workshop-timer__problem" role="alert">
      {problem}
    </span>
  ) : null;
}

/**
 * The map's running workshop timer, for everyone on the map: the time left
 * (on the server's clock), a chime toggle of one's own, and — for
 * facilitators (`workshop.facilitate`) — pause/resume, add a minute and stop.
 * Read-only viewers see it without the controls. Nothing while no timer runs:
 * facilitators start one from the workshop tools.
 */
export function WorkshopTimer({ mapId }: { mapId: string }) {
  const canFacilitate = useCan('workshop.facilitate');
  const timer = useTimer();
  const { run, problem } = useTimerCommands(mapId);
  const pauseRef = useRef<HTMLButtonElement>(null);
  const shown = timer !== null;
  useEffect(() => {
    // "Timer" goes away once the timer runs; a keyboard user who started it would be left on
    // the page's body. Their next step is here.
    if (shown && (document.activeElement === document.body || !document.activeElement)) {
      pauseRef.current?.focus();
    }
  }, [shown]);
  if (!timer) return null;
  const paused = timer.status === 'paused';
  return (
    <div className="workshop-timer">
      <span
        className={`workshop-timer__time workshop-timer__time--${timer.status}`}
        role="timer"
        aria-label="Workshop timer"
        aria-live="off"
      >
        <TimerIcon size={15} aria-hidden="true" focusable="false" />
        <span aria-hidden="true">{formatRemaining(timer.remainingMs)}</span>
        <span className="visually-hidden">{describeRemaining(timer.remainingMs)}</span>
        {timer.status === 'paused' ? <span className="workshop-timer__note">Paused</span> : null}
        {timer.status === 'finished' ? (
          <span className="workshop-timer__note" role="status">
            Time’s up
          </span>
        ) : null}
      </span>
      <ChimeToggle />
      {canFacilitate ? (
        <span className="workshop-timer__controls">
          {/* One button that turns from pause into resume, so it keeps the focus. */}
          <button
            ref={pauseRef}
            type="button"
            className="icon-button"
            aria-label={paused ? 'Resume timer' : 'Pause timer'}
            title={paused ? 'Resume timer' : 'Pause timer'}
            disabled={!paused && timer.status !== 'running'}
            onClick={() => run(paused ? 'resume' : 'pause')}
          >
            {paused ? (
              <Play size={16} aria-hidden="true" />
            ) : (
              <Pause size={16} aria-hidden="true" />
            )}
          </button>
          <button
            type="button"
            className="icon-button"
            aria-label="Add 1 min"
            title="Add a minute"
            onClick={() => run('addMinute')}
          >
            <Plus size={16} aria-hidden="true" />
          </button>
          <button
            type="button"
            className="icon-button"
            aria-label="Stop timer"
            title="Stop timer"
            onClick={() => run('stop')}
          >
            <Square size={14} aria-hidden="true" />
          </button>
        </span>
      ) : null}
      <TimerProblem problem={problem} />
    </div>
  );
}

/** A facilitator's "Timer" in the workshop tools, while no timer runs (it then shows in the header). */
export function StartTimerButton({ mapId }: { mapId: string }) {
  const canFacilitate = useCan('workshop.facilitate');
  const timer = useTimer();
  const { run, problem } = useTimerCommands(mapId);
  if (!canFacilitate || timer) return null;
  return (
    <div className="workshop-timer">
      <StartTimer onStart={(seconds) => run({ startSeconds: seconds })} />
      <TimerProblem problem={problem} />
    </div>
  );
}

/** This person's own chime setting (kept on this device). */
function ChimeToggle() {
  const muted = useTimerMuted();
  return (
    <button
      type="button"
      className="icon-button"
      aria-label="Mute the timer’s chime"
      title={muted ? 'The chime is off for you' : 'Mute the timer’s chime'}
      aria-pressed={muted}
      onClick={() => setTimerMuted(!muted)}
    >
      {muted ? <BellOff size={16} aria-hidden="true" /> : <Bell size={16} aria-hidden="true" />}
    </button>
  );
}

/**
 * A facilitator's "Timer" button: minutes (or a preset), then start. The panel is a popover
 * (top layer, placed by useAnchoredPopup): Escape or a click elsewhere closes it and the
 * focus goes back to "Timer"; opened, the focus is in the minutes.
 */
function StartTimer({ onStart }: { onStart: (seconds: number) => void }) {
  const [minutes, setMinutes] = useState('5');
  const fieldId = useId();
  const panelId = useId();
  const buttonRef = useRef<HTMLButtonElement>(null);
  const panelRef = useRef<HTMLFormElement>(null);
  const minutesRef = useRef<HTMLInputElement>(null);
  useAnchoredPopup(panelRef, buttonRef, ABOVE_THE_BUTTON);
  useLayoutEffect(() => {
    const panel = panelRef.current;
    if (!panel) return;
    const onToggle = (event: Event) => {
      if ((event as ToggleEvent).newState === 'open') minutesRef.current?.select();
    };
    panel.addEventListener('toggle', onToggle);
    return () => panel.removeEventListener('toggle', onToggle);
  }, []);
  const start = (value: number) => {
    panelRef.current?.hidePopover?.();
    onStart(Math.round(value * 60));
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const value = Number(minutes);
    if (Number.isFinite(value) && value > 0 && value <= 24 * 60) start(value);
  };
  const valid = Number(minutes) > 0 && Number(minutes) <= 24 * 60;
  return (
    <div className="workshop-timer__start">
      <button
        ref={buttonRef}
        type="button"
        className="button button--ghost"
        popoverTarget={panelId}
      >
        <TimerIcon size={16} aria-hidden="true" />
        Timer
      </button>
      <form
        ref={panelRef}
        id={panelId}
        popover="auto"
        className="workshop-timer__panel"
        aria-label="Start a timer"
        onSubmit={submit}
      >
        <div className="workshop-timer__presets">
          {PRESET_MINUTES.map((preset) => (
            <button key={preset} type="button" className="button" onClick={() => start(preset)}>
              {preset} min
            </button>
          ))}
        </div>
        <label className="workshop-timer__field" htmlFor={fieldId}>
          Minutes
        </label>
        <div className="workshop-timer__row">
          <input
            ref={minutesRef}
            id={fieldId}
            className="input"
            type="number"
            min={0.5}
            max={24 * 60}
            step={0.5}
            value={minutes}
            onChange={(event) => setMinutes(event.target.value)}
          />
          <button type="submit" className="button button--primary" disabled={!valid}>
            Start timer
          </button>
        </div>
      </form>
    </div>
  );
}
