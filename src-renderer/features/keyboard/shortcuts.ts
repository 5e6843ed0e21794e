/**
 * Every keyboard shortcut of the window, once: the key handlers are bound from this table
 * and the list `?` opens is written from it.
 */
export interface Shortcut {
  /** In @mantine/hooks' hotkey notation ("mod" is Ctrl, or Cmd on a Mac). */
  hotkey: string;
  /** As the list shows it. */
  keys: string[];
  does: string;
  where: 'Anywhere' | 'In the finder' | 'In a dialog';
}

export const SHORTCUTS = {
  finder: { hotkey: 'mod+K', keys: ['Ctrl+K', '⌘K'], does: 'Find a rig or a command and run it', where: 'Anywhere' },
  shortcuts: { hotkey: 'shift+?', keys: ['?'], does: 'List the keyboard shortcuts', where: 'Anywhere' },
  finderNext: { hotkey: 'ArrowDown', keys: ['↓'], does: 'Next match', where: 'In the finder' },
  finderPrevious: { hotkey: 'ArrowUp', keys: ['↑'], does: 'Previous match', where: 'In the finder' },
  finderRun: { hotkey: 'Enter', keys: ['Enter'], does: 'Open the rig or run the command', where: 'In the finder' },
  close: { hotkey: 'Escape', keys: ['Esc'], does: 'Close without doing anything', where: 'In a dialog' },
} as const satisfies Record<string, Shortcut>;

export type ShortcutId = keyof typeof SHORTCUTS;
