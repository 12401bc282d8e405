import { deviceChoice } from '../state/device-choice.ts';

/**
 * A person's own choice, on this device: other people's cursors off the
 * board. Thirty moving names cover the cards a workshop is reading; the
 * avatars, who is editing which card and the person one follows stay.
 */
const hidden = deviceChoice('journeyboard.cursors.hidden');

export const setOthersCursorsHidden = hidden.set;
export const useOthersCursorsHidden = hidden.useIsOn;
