import { Menu, Notification, Tray, nativeImage, type MenuItemConstructorOptions } from 'electron';
import type { TrayView } from '../core/tray/tray-controller';
import type { TrayAction, TrayItem, TrayModel } from '../core/tray/tray-menu';

/** The native tray icon and menu for a `TrayModel`; what the items do is the controller's. */
export class NativeTray implements TrayView {
  private readonly tray: Tray;
  private readonly idleIcon: Electron.NativeImage;
  private readonly recordingIcon: Electron.NativeImage;

  constructor(
    icons: { idle: string; recording: string },
    private readonly run: (action: TrayAction) => void,
  ) {
    this.idleIcon = nativeImage.createFromPath(icons.idle);
    this.recordingIcon = nativeImage.createFromPath(icons.recording);
    this.tray = new Tray(this.idleIcon);
    this.tray.setToolTip('Motif Control');
  }

  render(model: TrayModel): void {
    this.tray.setToolTip(model.tooltip);
    this.tray.setImage(model.recording ? this.recordingIcon : this.idleIcon);
    this.tray.setContextMenu(Menu.buildFromTemplate(toTemplate(model.items, this.run)));
  }

  notify(title: string, body: string): void {
    if (Notification.isSupported()) new Notification({ title, body }).show();
    else this.tray.setToolTip(`${title}: ${body}`);
  }

  destroy(): void {
    this.tray.destroy();
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
