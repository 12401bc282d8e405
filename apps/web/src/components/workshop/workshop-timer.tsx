import { Bell, BellOff, Pause, Play, Plus, Square, Timer as TimerIcon } from 'lucide-react';
import { useId, useState, type FormEvent } from 'react';
import { errorMessage } from '../../api/client.ts';
import { useCan } from '../../capabilities/capabilities.tsx';
import { describeRemaining, formatRemaining } from '../../workshop/timer-clock.ts';
import { setTimerMuted, useTimerMuted } from '../../workshop/timer-sound.ts';
import { useTimerActions } from '../../workshop/timer-queries.ts';
import { useTimer } from '../../workshop/use-timer.ts';
import './workshop-timer.css';

const PRESET_MINUTES = [1, 3, 5, 10];

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
  if (!timer) return null;
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
          {timer.status === 'paused' ? (
            <button
              type="button"
              className="icon-button"
              aria-label="Resume timer"
              title="Resume timer"
              onClick={() => run('resume')}
            >
              <Play size={16} aria-hidden="true" />
            </button>
          ) : (
            <button
              type="button"
              className="icon-button"
              aria-label="Pause timer"
              title="Pause timer"
              disabled={timer.status !== 'running'}
              onClick={() => run('pause')}
            >
              <Pause size={16} aria-hidden="true" />
            </button>
          )}
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

/** A facilitator's "Timer" button: minutes (or a preset), then start. */
function StartTimer({ onStart }: { onStart: (seconds: number) => void }) {
  const [open, setOpen] = useState(false);
  const [minutes, setMinutes] = useState('5');
  const fieldId = useId();
  const start = (value: number) => {
    setOpen(false);
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
        type="button"
        className="button button--ghost"
        aria-expanded={open}
        onClick={() => setOpen((value) => !value)}
      >
        <TimerIcon size={16} aria-hidden="true" />
        Timer
      </button>
      {open ? (
        <form
          className="workshop-timer__panel"
          aria-label="Start a timer"
          onSubmit={submit}
          onKeyDown={(event) => {
            if (event.key === 'Escape') setOpen(false);
          }}
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
      ) : null}
    </div>
  );
}
