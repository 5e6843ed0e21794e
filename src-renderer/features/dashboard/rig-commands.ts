import type { RigStatus } from '../../../src-main/contract/requests/status';
import { diskFullRecordWords, fullOnEveryCamera } from '../../../src-shared/disk-use';
import { rigStateWords, shownCameraState } from '../../../src-shared/rig-state-words';

/** Why a rig's Record and Stop are off (null: on); each a sentence for the button's title. */
export interface RigCommandReasons {
  record: string | null;
  stop: string | null;
}

/**
 * Record and Stop go to the rig at once (they are never queued), so they are off whenever
 * the rig cannot take them now: the app's core is away (`away`), the rig does not answer or
 * refuses the app, or (Record only) every camera it lists is disconnected or has its disk full.
 */
export function rigCommandReasons(rigName: string, status: RigStatus | undefined, away: string | null): RigCommandReasons {
  if (away !== null) return { record: away, stop: away };
  // Not checked yet: the first poll says more in a moment; a command now gets the rig's own answer.
  if (!status || status.state === 'unknown') return { record: null, stop: null };
  if (status.state !== 'online') {
    const reason =
      status.state === 'offline'
        ? `${rigName} is not answering: nothing can be sent to it until it does.`
        : `${rigName}: ${rigStateWords[status.state].badge}. Nothing can be sent to it until that is fixed.`;
    return { record: reason, stop: reason };
  }
  const cameras = status.cameras;
  if (cameras.length > 0 && cameras.every((c) => shownCameraState(c) === 'disconnected')) {
    return { record: `Every camera of ${rigName} is disconnected: connect them in Multicam first.`, stop: null };
  }
  const full = fullOnEveryCamera(cameras);
  if (full !== null) return { record: diskFullRecordWords(rigName, full), stop: null };
  return { record: null, stop: null };
}
