import { notifications } from '@mantine/notifications';
import type { RigSummary } from '../../../src-main/contract/requests';
import type { AppState } from '../../store/app-store';

/** Ask the rig for its version and cameras with its stored key and trust; say how it went. */
export async function testRigConnection(rig: RigSummary, rigRequest: AppState['rigRequest']): Promise<boolean> {
  const id = notifications.show({ loading: true, title: `Testing ${rig.name}…`, message: `${rig.host}:${rig.port}`, autoClose: false });
  const r = await rigRequest('rigs.testConnection', { rigId: rig.id });
  if (r.ok) {
    const version = typeof r.value.version.version === 'string' ? r.value.version.version : JSON.stringify(r.value.version);
    notifications.update({
      id,
      loading: false,
      color: 'teal',
      title: `${rig.name} answered`,
      message: `Motif ${version}, ${r.value.cameras.length} camera(s), in ${Math.round(r.value.elapsedMs)} ms.`,
      autoClose: 6000,
    });
  } else {
    notifications.update({ id, loading: false, color: 'red', title: `${rig.name} did not answer`, message: r.error.message, autoClose: 12000 });
  }
  return r.ok;
}
