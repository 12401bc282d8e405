/** How this person's keyboard names the modifier for shortcuts: ⌘ on Apple devices, Ctrl elsewhere. */
export const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

/** The shortcut modifier as shown in labels ("⌘" or "Ctrl"); join with "+". */
export const MOD_KEY = isMac ? '⌘' : 'Ctrl';
