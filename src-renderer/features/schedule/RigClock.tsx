import { Text } from '@mantine/core';
import { useInterval } from '@mantine/hooks';
import { useEffect, useState } from 'react';
import { formatRigTime, rigNowSeconds } from './rig-clock';

/** The rig's own clock, ticking each second from its last reading, in the rig's zone (or the PC's). */
export function RigClock({
  rigNowUnixSeconds,
  listedAtMs,
  timeZone,
  timeZoneFromRig,
}: {
  rigNowUnixSeconds: number | null;
  listedAtMs: number;
  timeZone: string;
  timeZoneFromRig: boolean;
}) {
  const [pcNowMs, setPcNowMs] = useState(Date.now());
  const interval = useInterval(() => setPcNowMs(Date.now()), 1000);
  useEffect(() => {
    interval.start();
    return interval.stop;
  }, [interval]);
  if (rigNowUnixSeconds === null) return <Text size="sm" c="dimmed">The rig did not report its clock.</Text>;
  return (
    <Text size="sm" aria-live="off">
      Rig time: <strong data-testid="rig-clock">{formatRigTime(rigNowSeconds(rigNowUnixSeconds, listedAtMs, pcNowMs), timeZone)}</strong>{' '}
      <Text span c="dimmed" size="sm">
        {timeZoneFromRig ? `(${timeZone}, the rig's zone)` : `(${timeZone}: this PC's zone; the rig does not report one)`}
      </Text>
    </Text>
  );
}
