import type { GlobalShortcut } from 'electron';
import type { TrayAction, TrayModel } from '../core/tray/tray-menu';

/**
 * Record / stop all from anywhere: the tray menu's own top-level actions, so the shortcut
 * does exactly what the menu would. While any rig records it stops every recording rig;
 * otherwise it starts every idle rig that answers. Null when neither can be done.
 */
export function recordToggleAction(model: TrayModel | null): TrayAction | null {
  return recordToggleItem(model)?.action ?? null;
}

/** The tray's top item the shortcut would run (its label says what it does), or null. */
export function recordToggleItem(model: TrayModel | null): { label: string; action: TrayAction & { kind: 'start' | 'stop' } } | null {
  if (!model) return null;
  for (const kind of ['stop', 'start'] as const) {
    for (const item of model.items) {
      if (item.kind === 'action' && item.enabled && item.action.kind === kind) return { label: item.label, action: item.action };
    }
  }
  return null;
}

/** What a native confirmation asks before the shortcut starts or stops recording. */
export interface ShortcutConfirmation {
  action: TrayAction & { kind: 'start' | 'stop' };
  message: string;
  detail: string;
  confirmLabel: string;
}

/**
 * A key press never starts or stops recordings by itself: a global shortcut also fires when
 * pressed for another program, so it asks first, as the window does, with Cancel as default.
 * Null when there is nothing to start or stop.
 */
export function shortcutConfirmation(model: TrayModel | null, shortcut: string): ShortcutConfirmation | null {
  const item = recordToggleItem(model);
  if (!item) return null;
  const n = item.action.rigIds.length;
  const rigs = `${n} rig${n === 1 ? '' : 's'}`;
  return item.action.kind === 'stop'
    ? {
        action: item.action,
        message: `${item.label}?`,
        detail: `${shortcut} (record / stop all) was pressed. Every recording on ${n === 1 ? 'that rig' : `those ${rigs}`} ends now.`,
        confirmLabel: `Stop recording on ${rigs}`,
      }
    : {
        action: item.action,
        message: `${item.label}?`,
        detail: `${shortcut} (record / stop all) was pressed. Each idle rig that answers starts recording with its own preset.`,
        confirmLabel: `Start recording on ${rigs}`,
      };
}

/** The line the tray shows for the shortcut: what pressing it does. */
export function shortcutTrayLine(shortcut: string): string {
  return `${shortcut}: stop all recordings, or start idle rigs (asks first)`;
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

/**
 * Choices offered in the tray's Settings besides None (the default): combinations no browser,
 * editor or desktop on the lab PCs uses (shortcutWarning has nothing to say about them).
 * Any other accelerator can be put in shell.json.
 */
export const SHORTCUT_CHOICES = ['CommandOrControl+Alt+Shift+R', 'CommandOrControl+Alt+Shift+F9'] as const;

/**
 * Registers `accelerator` (after dropping the previous one); says why when it cannot:
 * on Wayland the desktop lends global shortcuts only through its portal; elsewhere a
 * refused one is taken by another program; or it is not an accelerator Electron knows.
 */
export function registerRecordShortcut(
  globalShortcut: Pick<GlobalShortcut, 'register' | 'unregister'>,
  previous: string | null,
  accelerator: string | null,
  onPress: () => void,
  session: { wayland: boolean } = { wayland: false },
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
    if (globalShortcut.register(accelerator, onPress)) return { ok: true };
    return {
      ok: false,
      reason: session.wayland
        ? `${shortcutLabel(accelerator)} could not be set: on Wayland the desktop grants global shortcuts only through its GlobalShortcuts portal, which this desktop does not offer or refused (GNOME before 48 has none; KDE Plasma 6 and GNOME 48 ask you to allow it)`
        : `${shortcutLabel(accelerator)} is taken by another program`,
    };
  } catch (e) {
    return { ok: false, reason: `"${accelerator}" is not a shortcut Electron understands (${e instanceof Error ? e.message : String(e)})` };
  }
}

export interface ShortcutPressDeps {
  /** The tray model last shown (what the shortcut acts on). */
  model(): TrayModel | null;
  /** The shortcut as the user reads it. */
  label(): string;
  /** Shows the confirmation; true when the user confirmed. */
  confirm(ask: ShortcutConfirmation): Promise<boolean>;
  run(action: TrayAction): void;
  notify(title: string, body: string): void;
}

/**
 * The shortcut's press: ask, then run what was asked about. Presses while a confirmation is
 * open are ignored (no stack of dialogs from a held key); a failing dialog runs nothing.
 */
export function shortcutPressHandler(deps: ShortcutPressDeps): () => Promise<void> {
  let asking = false;
  return async () => {
    if (asking) return;
    const ask = shortcutConfirmation(deps.model(), deps.label());
    if (!ask) {
      deps.notify('Motif Control', 'No rig to start or stop: none is reachable right now.');
      return;
    }
    asking = true;
    try {
      if (await deps.confirm(ask)) deps.run(ask.action);
    } catch (e) {
      console.error('Motif Control: the shortcut confirmation failed; nothing was started or stopped', e);
    } finally {
      asking = false;
    }
  };
}
