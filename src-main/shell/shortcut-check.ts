/**
 * Checks a candidate global shortcut against the bindings lab PCs already use. A global
 * shortcut fires whatever program has focus: one that is also a browser's reload or a
 * copy would start or stop every rig's recording when pressed for that. Only a warning:
 * the user may still choose it.
 */

type Modifier = 'ctrl' | 'cmd' | 'alt' | 'shift' | 'super';

/** An accelerator as held keys: modifiers in a fixed order, then the key, upper case. */
export interface Chord {
  modifiers: ReadonlySet<Modifier>;
  key: string;
}

const MODIFIER_ORDER: readonly Modifier[] = ['ctrl', 'cmd', 'alt', 'shift', 'super'];

/** Electron's accelerator words (https://www.electronjs.org/docs/latest/api/accelerator) as held keys on `platform`. */
export function parseAccelerator(accelerator: string, platform: NodeJS.Platform): Chord | null {
  const parts = accelerator.split('+').map((p) => p.trim());
  if (parts.some((p) => p === '')) return null;
  const modifiers = new Set<Modifier>();
  const mac = platform === 'darwin';
  for (const part of parts.slice(0, -1)) {
    const p = part.toLowerCase();
    if (p === 'commandorcontrol' || p === 'cmdorctrl') modifiers.add(mac ? 'cmd' : 'ctrl');
    else if (p === 'control' || p === 'ctrl') modifiers.add('ctrl');
    else if (p === 'command' || p === 'cmd') modifiers.add(mac ? 'cmd' : 'super');
    else if (p === 'super' || p === 'meta') modifiers.add(mac ? 'cmd' : 'super');
    else if (p === 'alt' || p === 'option' || p === 'altgr') modifiers.add('alt');
    else if (p === 'shift') modifiers.add('shift');
    else return null;
  }
  const key = parts.at(-1)!.toUpperCase();
  return { modifiers, key };
}

const chordText = (c: Chord) => [...MODIFIER_ORDER.filter((m) => c.modifiers.has(m)), c.key].join('+');

/** A binding: the held keys (modifiers and key, as chordText writes them) and what it does there. */
type Binding = [keys: string, what: string];

const BROWSER_RELOAD =
  "every browser's reload (Chrome, Firefox, Edge), including in the tab showing a rig's own Motif page";
const BROWSER_HARD_RELOAD =
  "every browser's hard reload (Chrome, Firefox, Edge), including in the tab showing a rig's own Motif page";

/** Bindings on Windows and Linux desktops (Ctrl is the command key there). */
const PC_BINDINGS: readonly Binding[] = [
  ['ctrl+R', BROWSER_RELOAD],
  ['F5', BROWSER_RELOAD],
  ['ctrl+shift+R', BROWSER_HARD_RELOAD],
  ['ctrl+F5', BROWSER_HARD_RELOAD],
  ['shift+F5', BROWSER_HARD_RELOAD],
  ['ctrl+C', 'copy in every program'],
  ['ctrl+V', 'paste in every program'],
  ['ctrl+X', 'cut in every program'],
  ['ctrl+Z', 'undo in every program'],
  ['ctrl+Y', 'redo in most programs'],
  ['ctrl+shift+Z', 'redo in most programs'],
  ['ctrl+A', 'select all in every program'],
  ['ctrl+S', 'save in every program'],
  ['ctrl+P', 'print in every program'],
  ['ctrl+F', 'find in every program'],
  ['ctrl+W', 'close the tab or window in browsers and most programs'],
  ['ctrl+T', 'a new browser tab'],
  ['ctrl+N', 'a new window or document in most programs'],
  ['ctrl+Q', 'quit in most Linux programs'],
  ['ctrl+shift+T', 'reopening a closed browser tab'],
  ['ctrl+shift+I', "the browser's developer tools"],
  ['ctrl+shift+C', 'copy in the Linux terminal'],
  ['ctrl+shift+V', 'paste in the Linux terminal (and paste as plain text elsewhere)'],
  ['ctrl+alt+T', 'opening a terminal on Ubuntu'],
  ['ctrl+alt+DELETE', "the system's security screen or log-out"],
  ['ctrl+alt+L', 'locking the screen on Ubuntu'],
  ['ctrl+shift+ESCAPE', 'the Windows Task Manager'],
  ['ctrl+shift+ESC', 'the Windows Task Manager'],
  ['alt+F4', 'closing the focused window'],
  ['alt+TAB', 'switching windows'],
  ['F1', 'help in most programs'],
  ['F11', 'full screen in browsers'],
  ['F12', "the browser's developer tools"],
  ['PRINTSCREEN', 'taking a screenshot'],
];

/** Bindings on macOS (Cmd is the command key there). */
const MAC_BINDINGS: readonly Binding[] = [
  ['cmd+R', BROWSER_RELOAD],
  ['cmd+shift+R', BROWSER_HARD_RELOAD],
  ['cmd+alt+R', "Safari's reload from origin, including in the tab showing a rig's own Motif page"],
  ['cmd+C', 'copy in every program'],
  ['cmd+V', 'paste in every program'],
  ['cmd+X', 'cut in every program'],
  ['cmd+Z', 'undo in every program'],
  ['cmd+shift+Z', 'redo in every program'],
  ['cmd+A', 'select all in every program'],
  ['cmd+S', 'save in every program'],
  ['cmd+P', 'print in every program'],
  ['cmd+F', 'find in every program'],
  ['cmd+W', 'closing the window in every program'],
  ['cmd+Q', 'quitting the program in front'],
  ['cmd+T', 'a new browser tab'],
  ['cmd+N', 'a new window or document'],
  ['cmd+H', 'hiding the program in front'],
  ['cmd+M', 'minimising the window'],
  ['cmd+TAB', 'switching programs'],
  ['cmd+SPACE', 'Spotlight'],
  ['cmd+shift+T', 'reopening a closed browser tab'],
  ['cmd+alt+I', "the browser's developer tools"],
  ['cmd+alt+ESCAPE', 'Force Quit'],
  ['cmd+alt+ESC', 'Force Quit'],
  ['cmd+shift+3', 'a screenshot'],
  ['cmd+shift+4', 'a screenshot'],
  ['cmd+shift+5', 'the screenshot tool'],
  ['ctrl+cmd+Q', 'locking the screen'],
  ['ctrl+cmd+F', 'full screen'],
];

/**
 * A warning sentence when `accelerator` is, on `platform`, a binding other programs use
 * (a browser's reload above all), or is a key typed in other programs; null when nothing
 * common uses it. Unparsable accelerators are Electron's to refuse: null here.
 */
export function shortcutWarning(accelerator: string, platform: NodeJS.Platform, label: string = accelerator): string | null {
  const chord = parseAccelerator(accelerator, platform);
  if (!chord) return null;
  const text = chordText(chord);
  const bindings = platform === 'darwin' ? MAC_BINDINGS : PC_BINDINGS;
  const known = bindings.find(([keys]) => keys.toUpperCase() === text.toUpperCase());
  const consequence = 'pressing it for that would also start or stop recording on every rig';
  if (known) return `${label} is ${known[1]}: ${consequence}.`;
  if (platform !== 'darwin' && chord.modifiers.has('super')) {
    return `${label} uses the Windows/Super key, which the desktop keeps for its own shortcuts: it may never reach the app, or ${consequence} when pressed for the desktop.`;
  }
  const modifiers = [...chord.modifiers];
  const onlyShift = modifiers.length === 0 || (modifiers.length === 1 && chord.modifiers.has('shift'));
  if (onlyShift && !/^F\d{1,2}$/.test(chord.key)) {
    return `${label} is typed in every other program: ${consequence}.`;
  }
  const command = platform === 'darwin' ? 'cmd' : 'ctrl';
  // Cmd/Ctrl with a letter or digit (and at most Shift) is a command in most programs, listed above or not.
  if (chord.modifiers.has(command) && !chord.modifiers.has('alt') && /^[A-Z0-9]$/.test(chord.key)) {
    return `${label} is a command in many programs (${platform === 'darwin' ? 'Cmd' : 'Ctrl'} with a letter or digit): ${consequence}. Add ${platform === 'darwin' ? 'Option' : 'Alt'} and Shift to keep it apart.`;
  }
  return null;
}
