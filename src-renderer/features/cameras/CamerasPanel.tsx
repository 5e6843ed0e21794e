import { Stack, Text } from '@mantine/core';
import { useState } from 'react';
import type { Args } from '../../../src-main/contract/requests';
import { useCall } from '../../store/use-app-store';
import { CameraTargetSelect } from '../../ui/CameraTargetSelect';
import { Section } from '../../ui/Section';
import { CommonParamsForm } from './CommonParamsForm';
import { OtherParamForm } from './OtherParamForm';
import { useRigCameras } from './use-rig-cameras';

/** Read and change camera parameters on one camera or on every camera of the rig. */
export function CamerasPanel({ rigId }: { rigId: string }) {
  const { serials } = useRigCameras(rigId);
  const [serial, setSerial] = useState('');
  const call = useCall();
  const target = serial ? { rigId, serial } : { rigId };
  const onRead = (names: string[]) => call('cameras.read', { target, names });
  const onApply = (params: Args<'cameras.configure'>['params']) => call('cameras.configure', { targets: [target], params });

  return (
    <Stack gap="md" data-testid="cameras-panel">
      <CameraTargetSelect serials={serials} value={serial} onChange={setSerial} />
      {serials.length === 0 && (
        <Text size="sm" c="dimmed">
          No cameras known yet for this rig; changes go to all cameras.
        </Text>
      )}
      {/* A new key resets the fields when the target changes: values read for one camera are not another's. */}
      <Section title="Common parameters" hint="Read the current values first, change what you need, then apply.">
        <CommonParamsForm key={serial} onRead={onRead} onApply={onApply} />
      </Section>
      <Section title="Other parameter">
        <OtherParamForm key={serial} onRead={onRead} onApply={onApply} />
      </Section>
    </Stack>
  );
}
