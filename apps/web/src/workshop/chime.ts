/**
 * The timer's soft chime at zero: two sine tones (E5 then A5) with a gentle
 * attack and a long decay, made with Web Audio — no audio file to load or
 * cache. Browsers only let a page make sound after the person has interacted
 * with it; before that the chime is silently skipped.
 */
type AudioContextClass = typeof AudioContext;

let context: AudioContext | null = null;

function audio(): AudioContext | null {
  if (context) return context;
  const Context: AudioContextClass | undefined =
    typeof window === 'undefined'
      ? undefined
      : (window.AudioContext ??
        (window as unknown as { webkitAudioContext?: AudioContextClass }).webkitAudioContext);
  if (!Context) return null;
  context = new Context();
  return context;
}

const NOTES = [
  { frequency: 659.25, at: 0 },
  { frequency: 880, at: 0.28 },
];

export function playChime(volume = 0.18): void {
  const ctx = audio();
  if (!ctx) return;
  if (ctx.state === 'suspended') void ctx.resume().catch(() => undefined);
  const start = ctx.currentTime + 0.02;
  for (const note of NOTES) {
    const oscillator = ctx.createOscillator();
    const gain = ctx.createGain();
    oscillator.type = 'sine';
    oscillator.frequency.value = note.frequency;
    const t = start + note.at;
    gain.gain.setValueAtTime(0.0001, t);
    gain.gain.exponentialRampToValueAtTime(volume, t + 0.03);
    gain.gain.exponentialRampToValueAtTime(0.0001, t + 1.4);
    oscillator.connect(gain).connect(ctx.destination);
    oscillator.start(t);
    oscillator.stop(t + 1.5);
  }
}
