import { Select, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useCall } from '../../store/use-app-store';
import { Section } from '../../ui/Section';
import { CommonParamsForm } from '../cameras/CommonParamsForm';
import { useRigCameras } from '../cameras/use-rig-cameras';
import { LiveView } from './LiveView';

/**
 * The rig's Live tab: pick a camera, see it live, and set its exposure and gain by the
 * picture and its histogram. Streams open only while this is shown.
 */
export function LivePanel({ rigId, camera }: { rigId: string; camera?: string }) {
  const { serials } = useRigCameras(rigId);
  const call = useCall();
  const [chosen, setChosen] = useState<string | null>(camera ?? null);
  const serial = chosen ?? serials[0] ?? null;
  return (
    <Stack gap="sm" data-testid="live-panel">
      <Select label="Camera" data={serials} value={serial} onChange={setChosen} allowDeselect={false} w={260} />
      {serial ? <LiveView key={serial} rigId={rigId} serial={serial} /> : <Text c="dimmed">No cameras known yet for this rig.</Text>}
      {serial && (
        <Section title={`Camera ${serial} parameters`} hint="Read the current values, change what the picture needs, then apply: the histogram follows.">
          {/* A new key resets the fields with the camera: values read for one camera are not another's. */}
          <CommonParamsForm
            key={serial}
            onRead={(names) => call('cameras.read', { target: { rigId, serial }, names })}
            onApply={(params) => call('cameras.configure', { targets: [{ rigId, serial }], params })}
          />
        </Section>
      )}
    </Stack>
  );
}
