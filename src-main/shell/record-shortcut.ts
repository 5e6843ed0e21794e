import type { GlobalShortcut } from 'electron';
import type { TrayAction, TrayModel } from '../core/tray/tray-menu';

/**
 * Record / stop all from anywhere: the tray menu's own top-level actions, so the shortcut
 * does exactly what the menu would. While any rig records it stops every recording rig;
 * otherwise it starts every idle rig that answers. Null when neither can be done.
 */
export function recordToggleAction(model: TrayModel | null): TrayAction | null {
  if (!model) return null;
  const top = model.items.filter((i) => i.kind === 'action');
  const stop = top.find((i) => i.action.kind === 'stop' && i.enabled);
  if (stop) return stop.action;
  const start = top.find((i) => i.action.kind === 'start' && i.enabled);
  return start ? start.action : null;
}

/** How the shortcut reads in a menu: Electron's accelerator in the platform's words. */
export function shortcutLabel(accelerator: string, platform: NodeJS.Platform = process.platform): string {
  const mac = platform === 'darwin';
  return accelerator
    .split('+')
    .map((key) => {
      if (/^(CommandOrControl|CmdOrCtrl)$/i.test(key)) return mac ? 'Cmd' : 'Ctrl';
      if (/^(Control|Ctrl)$/i.test(key)) return 'Ctrl';
      if (/^(Command|Cmd|Super|Meta)$/i.test(key)) return mac ? 'Cmd' : 'Super';
      if (/^(Alt|Option)$/i.test(key)) return mac ? 'Option' : 'Alt';
      return key;
    })
    .join('+');
}

/** Choices offered in the tray's Settings; any other accelerator can be put in shell.json. */
export const SHORTCUT_CHOICES = ['CommandOrControl+Shift+R', 'CommandOrControl+Alt+R', 'F9'] as const;

/**
 * Registers `accelerator` (after dropping the previous one); says why when it cannot:
 * taken by another program, or not an accelerator Electron knows.
 */
export function registerRecordShortcut(
  globalShortcut: Pick<GlobalShortcut, 'register' | 'unregister'>,
  previous: string | null,
  accelerator: string | null,
  onPress: () => void,
): { ok: true } | { ok: false; reason: string } {
  if (previous) {
    try {
      globalShortcut.unregister(previous);
    } catch {
      // It was never registered (it failed before).
    }
  }
  if (!accelerator) return { ok: true };
  try {
    return globalShortcut.register(accelerator, onPress)
      ? { ok: true }
      : { ok: false, reason: `${shortcutLabel(accelerator)} is taken by another program` };
  } catch (e) {
    return { ok: false, reason: `"${accelerator}" is not a shortcut Electron understands (${e instanceof Error ? e.message : String(e)})` };
  }
}
