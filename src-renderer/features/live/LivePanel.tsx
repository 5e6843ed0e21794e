import { Select, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useRigCameras } from '../cameras/use-rig-cameras';
import { LiveView } from './LiveView';

/** The rig's Live tab: pick a camera, see it live. Streams open only while this is shown. */
export function LivePanel({ rigId, camera }: { rigId: string; camera?: string }) {
  const { serials } = useRigCameras(rigId);
  const [chosen, setChosen] = useState<string | null>(camera ?? null);
  const serial = chosen ?? serials[0] ?? null;
  return (
    <Stack gap="sm" data-testid="live-panel">
      <Select label="Camera" data={serials} value={serial} onChange={setChosen} allowDeselect={false} w={260} />
      {serial ? <LiveView key={serial} rigId={rigId} serial={serial} /> : <Text c="dimmed">No cameras known yet for this rig.</Text>}
    </Stack>
  );
}
