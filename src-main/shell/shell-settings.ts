/** Where the window last was, in screen coordinates (its normal bounds when maximized). */
export interface WindowState {
  x: number;
  y: number;
  width: number;
  height: number;
  maximized: boolean;
}

/**
 * The desktop shell's own settings, beside the core's config in the app's config folder
 * (`shell.json`): hand-editable, e.g. any Electron accelerator as the shortcut.
 */
export interface ShellSettings {
  /**
   * Global shortcut for record / stop all (an Electron accelerator), or null for none: the
   * default, since a global shortcut also fires when pressed for another program.
   */
  recordShortcut: string | null;
  /** Start Motif Control when the user logs in (opt-in). */
  openAtLogin: boolean;
  /** The tray's panel: 'auto' asks the OS (Windows taskbar, macOS menu bar), on Linux a dark panel like GNOME's top bar. */
  trayTheme: 'auto' | 'light' | 'dark';
  window: WindowState | null;
}

export const SHELL_DEFAULTS: ShellSettings = {
  recordShortcut: null,
  openAtLogin: false,
  trayTheme: 'auto',
  window: null,
};

/** The few calls the shell makes on its settings; tests pass a Map-backed one. */
export interface SettingsStore {
  get<K extends keyof ShellSettings>(key: K): ShellSettings[K];
  set<K extends keyof ShellSettings>(key: K, value: ShellSettings[K]): void;
}

/** The file's JSON Schema (electron-store checks it on load). */
export const SHELL_SETTINGS_SCHEMA = {
  recordShortcut: { type: ['string', 'null'], maxLength: 100 },
  openAtLogin: { type: 'boolean' },
  trayTheme: { enum: ['auto', 'light', 'dark'] },
  window: {
    anyOf: [
      { type: 'null' },
      {
        type: 'object',
        properties: {
          x: { type: 'integer' },
          y: { type: 'integer' },
          width: { type: 'integer', minimum: 1 },
          height: { type: 'integer', minimum: 1 },
          maximized: { type: 'boolean' },
        },
        required: ['x', 'y', 'width', 'height', 'maximized'],
      },
    ],
  },
} as const;

/** Settings in memory (tests). */
export function memorySettings(initial: Partial<ShellSettings> = {}): SettingsStore & { values: ShellSettings } {
  const values: ShellSettings = { ...SHELL_DEFAULTS, ...initial };
  return {
    values,
    get: (key) => values[key],
    set: (key, value) => {
      values[key] = value;
    },
  };
}
