import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** The parts of Electron's `app` that start-at-login needs. */
export interface LoginApp {
  setLoginItemSettings(settings: { openAtLogin: boolean; args?: string[] }): void;
  getLoginItemSettings(): { openAtLogin: boolean };
  isPackaged: boolean;
  getAppPath(): string;
}

export interface LoginHost {
  platform: NodeJS.Platform;
  env: Record<string, string | undefined>;
  home: string;
  execPath: string;
}

/**
 * Start at login, opt-in. macOS and Windows: Electron's login items. Linux, where Electron
 * has none: an XDG autostart entry (~/.config/autostart/motif-control.desktop) that runs
 * the AppImage, the installed binary, or Electron on this checkout.
 */
export class StartAtLogin {
  constructor(
    private readonly app: LoginApp,
    private readonly host: LoginHost,
  ) {}

  get autostartFile(): string {
    const xdg = this.host.env.XDG_CONFIG_HOME;
    const base = xdg && path.isAbsolute(xdg) ? xdg : path.join(this.host.home, '.config');
    return path.join(base, 'autostart', 'motif-control.desktop');
  }

  isEnabled(): boolean {
    if (this.host.platform === 'linux') return existsSync(this.autostartFile);
    return this.app.getLoginItemSettings().openAtLogin;
  }

  set(enabled: boolean): void {
    if (this.host.platform !== 'linux') {
      this.app.setLoginItemSettings({ openAtLogin: enabled, ...(this.app.isPackaged ? {} : { args: [this.app.getAppPath()] }) });
      return;
    }
    if (!enabled) {
      rmSync(this.autostartFile, { force: true });
      return;
    }
    mkdirSync(path.dirname(this.autostartFile), { recursive: true });
    writeFileSync(this.autostartFile, this.desktopEntry(), { mode: 0o644 });
  }

  /** The command to start this app: the AppImage it runs from, the packaged binary, or Electron with this checkout. */
  command(): string[] {
    if (this.host.env.APPIMAGE) return [this.host.env.APPIMAGE];
    return this.app.isPackaged ? [this.host.execPath] : [this.host.execPath, this.app.getAppPath()];
  }

  desktopEntry(): string {
    const exec = this.command()
      .map((a) => (/[\s"'\\$`]/.test(a) ? `"${a.replace(/(["\\$`])/g, '\\$1')}"` : a))
      .join(' ');
    return [
      '[Desktop Entry]',
      'Type=Application',
      'Name=Motif Control',
      'Comment=Control loopbio Motif recording rigs',
      `Exec=${exec}`,
      'Terminal=false',
      'X-GNOME-Autostart-enabled=true',
      '',
    ].join('\n');
  }
}
