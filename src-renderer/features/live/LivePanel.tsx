import { Select, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useCall } from '../../store/use-app-store';
import { CommonParamsForm } from '../cameras/CommonParamsForm';
import { useRigCameras } from '../cameras/use-rig-cameras';
import { LiveView } from './LiveView';

/**
 * The rig's Live tab: pick a camera, see it live, and set its exposure and gain by the
 * picture and its histogram, the camera's values read when the view opens. Streams open
 * only while this is shown.
 */
export function LivePanel({ rigId, camera }: { rigId: string; camera?: string }) {
  const { serials } = useRigCameras(rigId);
  const call = useCall();
  const [chosen, setChosen] = useState<string | null>(camera ?? null);
  const serial = chosen ?? serials[0] ?? null;
  return (
    <Stack gap="xs" data-testid="live-panel">
      <Select label="Camera" data={serials} value={serial} onChange={setChosen} allowDeselect={false} w={200} size="xs" />
      {serial ? (
        <LiveView
          key={serial}
          rigId={rigId}
          serial={serial}
          side={
            <Stack gap={4} component="section" aria-label={`Camera ${serial} parameters`}>
              <Text size="sm" fw={600}>
                Camera {serial} parameters
              </Text>
              {/* A new key resets the fields with the camera: values read for one camera are not another's. */}
              <CommonParamsForm
                key={serial}
                readOnOpen
                compact
                onRead={(names) => call('cameras.read', { target: { rigId, serial }, names })}
                onApply={(params) => call('cameras.configure', { targets: [{ rigId, serial }], params })}
              />
            </Stack>
          }
        />
      ) : (
        <Text c="dimmed">No cameras known yet for this rig.</Text>
      )}
    </Stack>
  );
}
