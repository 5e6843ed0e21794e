import { Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { Result } from '../../../src-main/contract/errors';
import type { Args } from '../../../src-main/contract/requests';
import type { TargetOutcome } from '../../../src-main/contract/requests/targets';
import { useCall } from '../../store/use-app-store';
import { CameraTargetSelect } from '../../ui/CameraTargetSelect';
import { ActionResult } from '../../ui/ActionResult';
import { Section } from '../../ui/Section';
import { useRigCameras } from '../cameras/use-rig-cameras';

/** Motif's "every camera" for connect and disconnect. */
const ALL_CAMERAS_SERIAL = '__all' satisfies Args<'multicam.connect'>['serial'];

type Outcome = { result: Result<TargetOutcome[]>; doneText: string } | null;

/** Multi-camera control (synchronize, start/stop camera processes) and the rig's experiment message. */
export function MulticamPanel({ rigId }: { rigId: string }) {
  const { serials, status } = useRigCameras(rigId);
  const call = useCall();
  const [serial, setSerial] = useState('');
  const [camOutcome, setCamOutcome] = useState<Outcome>(null);
  const [message, setMessage] = useState('');
  const [msgOutcome, setMsgOutcome] = useState<Outcome>(null);
  const which = serial || ALL_CAMERAS_SERIAL;
  const whichWords = serial ? `camera ${serial}` : 'all cameras';

  const run = async (set: (o: Outcome) => void, doneText: string, sent: Promise<Result<TargetOutcome[]>>) => set({ result: await sent, doneText });

  return (
    <Stack gap="md" data-testid="multicam-panel">
      <Section
        title="Multiple cameras"
        hint="In multi-camera systems each camera's process must be started (connected) before use; synchronize aligns their clocks and triggers."
      >
        <Group align="flex-end">
          <CameraTargetSelect label="Camera process" serials={serials} value={serial} onChange={setSerial} />
          <Button onClick={() => void run(setCamOutcome, `${whichWords} connected`, call('multicam.connect', { rigId, serial: which }))}>
            Connect {serial ? 'camera' : 'all'}
          </Button>
          <Button variant="default" onClick={() => void run(setCamOutcome, `${whichWords} disconnected`, call('multicam.disconnect', { rigId, serial: which }))}>
            Disconnect {serial ? 'camera' : 'all'}
          </Button>
          <Button variant="light" onClick={() => void run(setCamOutcome, 'cameras synchronized', call('multicam.synchronize', { rigIds: [rigId] }))}>
            Synchronize cameras
          </Button>
        </Group>
        {status && status.cameras.length > 0 && (
          <Text size="sm" c="dimmed">
            {status.cameras.map((c) => `${c.serial}: ${c.connected === null ? 'unknown' : c.connected ? 'connected' : 'not connected'}`).join(' · ')}
          </Text>
        )}
        {camOutcome && <ActionResult result={camOutcome.result} doneText={camOutcome.doneText} />}
      </Section>
      <Section title="Experiment message" hint="A status line shown in the rig's own web interface.">
        <Group align="flex-end">
          <TextInput label="Message" value={message} maxLength={500} onChange={(e) => setMessage(e.currentTarget.value)} w={420} />
          <Button disabled={message.trim() === ''} onClick={() => void run(setMsgOutcome, 'message shown', call('experiment.message', { targets: [{ rigId }], message }))}>
            Set message
          </Button>
          <Button
            variant="default"
            onClick={() => {
              setMessage('');
              void run(setMsgOutcome, 'message cleared', call('experiment.message', { targets: [{ rigId }], message: '' }));
            }}
          >
            Clear message
          </Button>
        </Group>
        {msgOutcome && <ActionResult result={msgOutcome.result} doneText={msgOutcome.doneText} />}
      </Section>
    </Stack>
  );
}
