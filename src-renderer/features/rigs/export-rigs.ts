import { notifications } from '@mantine/notifications';
import type { AppState } from '../../store/app-store';

/** Save the rig list (no keys) as a JSON file through the browser's download. */
export async function exportRigsToFile(rigRequest: AppState['rigRequest']): Promise<void> {
  const r = await rigRequest('rigs.export', {});
  if (!r.ok) {
    notifications.show({ color: 'red', title: 'Export failed', message: r.error.message });
    return;
  }
  const text = JSON.stringify(r.value, null, 2);
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = `motif-rigs-${r.value.exportedAt.slice(0, 10)}.json`;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoke later: the download reads the URL after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  notifications.show({ color: 'teal', title: 'Rig list exported', message: `${r.value.rigs.length} rig(s), without API keys.` });
}
