import { Menu, Notification, Tray, nativeImage, type MenuItemConstructorOptions, type NativeImage } from 'electron';
import type { TrayView } from '../core/tray/tray-controller';
import type { TrayAction, TrayItem, TrayModel } from '../core/tray/tray-menu';

export interface NativeTrayOptions {
  /** The icon file for a model (state, theme and platform: see tray-icons.ts). */
  iconFor(model: Pick<TrayModel, 'recording' | 'attention'>): string;
  /** Runs a menu item's action (the tray controller's). */
  run(action: TrayAction): void;
  /** The shell's own items (settings), put in before "Show Motif Control". */
  shellItems?(): MenuItemConstructorOptions[];
}

/** The native tray icon and menu for a `TrayModel`; what the items do is the controller's. */
export class NativeTray implements TrayView {
  private readonly tray: Tray;
  private readonly images = new Map<string, NativeImage>();
  private last: TrayModel | null = null;

  constructor(private readonly options: NativeTrayOptions) {
    this.tray = new Tray(this.image(options.iconFor({ recording: false, attention: 'none' })));
    this.tray.setToolTip('Motif Control');
  }

  /** The model last shown (the record shortcut acts on it). */
  get model(): TrayModel | null {
    return this.last;
  }

  render(model: TrayModel): void {
    this.last = model;
    this.tray.setToolTip(model.tooltip);
    this.tray.setImage(this.image(this.options.iconFor(model)));
    this.tray.setContextMenu(Menu.buildFromTemplate(this.template(model)));
  }

  /** Show the last model again (after a theme or settings change). */
  refresh(): void {
    if (this.last) this.render(this.last);
  }

  notify(title: string, body: string): void {
    if (Notification.isSupported()) new Notification({ title, body }).show();
    else this.tray.setToolTip(`${title}: ${body}`);
  }

  destroy(): void {
    this.tray.destroy();
  }

  private template(model: TrayModel): MenuItemConstructorOptions[] {
    const items = toTemplate(model.items, this.options.run);
    const extra = this.options.shellItems?.() ?? [];
    if (extra.length === 0) return items;
    const show = model.items.findIndex((i) => i.kind === 'action' && i.action.kind === 'show-window');
    const at = show < 0 ? items.length : show;
    return [...items.slice(0, at), ...extra, ...items.slice(at)];
  }

  private image(file: string): NativeImage {
    let image = this.images.get(file);
    if (!image) {
      image = nativeImage.createFromPath(file);
      this.images.set(file, image);
    }
    return image;
  }
}

export function toTemplate(items: TrayItem[], run: (action: TrayAction) => void): MenuItemConstructorOptions[] {
  return items.map((item): MenuItemConstructorOptions => {
    switch (item.kind) {
      case 'label':
        return { label: item.label, enabled: false };
      case 'separator':
        return { type: 'separator' };
      case 'action':
        return { label: item.label, enabled: item.enabled, click: () => run(item.action) };
      case 'submenu':
        return { label: item.label, submenu: toTemplate(item.items, run) };
    }
  });
}
