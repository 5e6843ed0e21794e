import { Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { Result } from '../../../src-main/contract/errors';
import type { Args } from '../../../src-main/contract/requests';
import type { TargetOutcome } from '../../../src-main/contract/requests/targets';
import { useCall } from '../../store/use-app-store';
import { CameraTargetSelect } from '../../ui/CameraTargetSelect';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
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
  const [confirming, setConfirming] = useState(false);
  const which = serial || ALL_CAMERAS_SERIAL;
  const whichWords = serial ? `camera ${serial}` : 'all cameras';
  // Disconnecting a camera's process ends its recording: ask first when one of them records.
  const recordingHit = (status?.cameras ?? []).filter((c) => (c.state === 'recording' || c.state === 'pending') && (!serial || c.serial === serial));

  const run = async (set: (o: Outcome) => void, doneText: string, sent: Promise<Result<TargetOutcome[]>>) => set({ result: await sent, doneText });
  const disconnect = () => void run(setCamOutcome, `${whichWords} disconnected`, call('multicam.disconnect', { rigId, serial: which }));

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
          <Button variant="default" onClick={() => (recordingHit.length > 0 ? setConfirming(true) : disconnect())}>
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
        <ConfirmDialog
          opened={confirming}
          title="Disconnect while recording?"
          message={`${recordingHit.map((c) => `Camera ${c.serial}`).join(', ')} ${recordingHit.length === 1 ? 'is' : 'are'} recording on ${status?.rigName ?? 'this rig'}. Disconnecting ${whichWords} stops ${recordingHit.length === 1 ? 'its camera process and the recording' : 'their camera processes and the recordings'}.`}
          confirmLabel={`Disconnect ${serial ? 'camera' : 'all'} and stop recording`}
          onCancel={() => setConfirming(false)}
          onConfirm={() => {
            setConfirming(false);
            disconnect();
          }}
        />
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
