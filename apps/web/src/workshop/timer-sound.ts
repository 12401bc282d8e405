import { deviceChoice } from '../state/device-choice.ts';

/** A person's own choice, on this device: whether the timer chimes at zero. */
const muted = deviceChoice('journeyboard.timer.muted');

export const isTimerMuted = muted.isOn;
export const setTimerMuted = muted.set;
/** Whether this person muted the chime (every tab of theirs follows). */
export const useTimerMuted = muted.useIsOn;
