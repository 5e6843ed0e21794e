import { Accordion, Stack } from '@mantine/core';
import { useState } from 'react';
import { useAppStore, useCall } from '../../store/use-app-store';
import { CameraTargetSelect } from '../../ui/CameraTargetSelect';
import { Section } from '../../ui/Section';
import { useRigCameras } from '../cameras/use-rig-cameras';
import { DevicePortForm } from './DevicePortForm';
import { InputsReader } from './InputsReader';
import { IoLogForm } from './IoLogForm';
import { OutputControl } from './OutputControl';
import { DEFAULT_OUTPUT_NAMES } from './outputs-slice';

const NO_NAMES: string[] = [];

/** Outputs, io/log entries and inputs of one rig, or of one of its cameras. */
export function OutputsPanel({ rigId }: { rigId: string }) {
  const { serials, status } = useRigCameras(rigId);
  const [serial, setSerial] = useState('');
  const usedNames = useAppStore((s) => s.outputNamesByRig[rigId] ?? NO_NAMES);
  const setOutput = useAppStore((s) => s.setOutput);
  const call = useCall();
  const target = serial ? { rigId, serial } : { rigId };
  const suggestions = [...new Set([...usedNames, ...DEFAULT_OUTPUT_NAMES])];
  // Rig-wide outputs are the first camera's (the master or index node).
  const shownCamera = serial ? status?.cameras.find((c) => c.serial === serial) : status?.cameras[0];
  const current = status?.state === 'online' && shownCamera ? shownCamera.outputs : null;

  return (
    <Stack gap="md" data-testid="outputs-panel">
      <CameraTargetSelect
        label="Outputs of"
        allLabel="The rig (master or index node)"
        serials={serials}
        value={serial}
        onChange={setSerial}
      />
      <Section title="Named output" hint="Set a level, switch on or off, or start toggling.">
        <OutputControl suggestions={suggestions} current={current} onSet={(name, value) => setOutput(target, name, value)} />
      </Section>
      <Section title="Log to recording" hint="Writes these values into the recording's extra data, with the frame number and time.">
        <IoLogForm onLog={(values) => call('outputs.log', { targets: [target], values })} />
      </Section>
      <Section title="Inputs">
        <InputsReader onRead={() => call('outputs.read', { target })} />
      </Section>
      <Accordion variant="contained">
        <Accordion.Item value="device-port">
          <Accordion.Control>Advanced (deprecated)</Accordion.Control>
          <Accordion.Panel>
            <DevicePortForm onSet={(ioSerial, ioPort, level) => call('outputs.setDevicePort', { rigId, ioSerial, ioPort, level })} />
          </Accordion.Panel>
        </Accordion.Item>
      </Accordion>
    </Stack>
  );
}
