import { Button, Group, NumberInput, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { FIRST_RELATIVE_SECOND, SHIFTED_TO_FIRST_SECOND } from '../../../src-shared/camera-relative';
import { useCall } from '../../store/use-app-store';
import { cronAtLocalDateTime, cronAtOffset } from './rig-clock';

/**
 * Ways to write a one-shot expression without cron: "at date/time" (rig's zone) and
 * "in N minutes" (rig's clock); camera-relative, "N minutes and seconds after the start".
 */
export function CronHelpers({
  cameraRelative,
  timeZone,
  rigNow,
  onExpression,
}: {
  cameraRelative: boolean;
  timeZone: string;
  rigNow(): number | null;
  onExpression(expression: string): void;
}) {
  const call = useCall();
  const [at, setAt] = useState('');
  const [minutes, setMinutes] = useState<number | ''>(5);
  const [offsetMinutes, setOffsetMinutes] = useState<number | ''>(0);
  const [offsetSeconds, setOffsetSeconds] = useState<number | ''>(0);
  const [moved, setMoved] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  if (cameraRelative) {
    const offset = (offsetMinutes === '' ? 0 : offsetMinutes) * 60 + (offsetSeconds === '' ? 0 : offsetSeconds);
    const useOffset = () => {
      // The rig never runs it at the start itself: the first second it can, said at the field.
      const shifted = offset < FIRST_RELATIVE_SECOND;
      if (shifted) setOffsetSeconds(FIRST_RELATIVE_SECOND);
      setMoved(shifted);
      onExpression(cronAtOffset(Math.max(offset, FIRST_RELATIVE_SECOND)));
    };
    return (
      <Group align="flex-end" gap="xs">
        <NumberInput label="Minutes after start" min={0} value={offsetMinutes} onChange={(v) => { setMoved(false); setOffsetMinutes(typeof v === 'number' ? v : ''); }} w={170} />
        <NumberInput
          label="Seconds after start"
          min={0}
          max={59}
          value={offsetSeconds}
          onChange={(v) => { setMoved(false); setOffsetSeconds(typeof v === 'number' ? v : ''); }}
          w={170}
        />
        <Button variant="default" onClick={useOffset}>
          Use this offset
        </Button>
        {moved && (
          <Text size="xs" c="orange" role="status" data-testid="offset-moved" maw={360}>
            {SHIFTED_TO_FIRST_SECOND}
          </Text>
        )}
      </Group>
    );
  }

  const applyInMinutes = async () => {
    const now = rigNow();
    if (now === null) return setProblem("The rig's clock is not known yet; refresh the task list.");
    if (minutes === '' || minutes <= 0) return setProblem('Give a number of minutes above 0.');
    const r = await call('cron.oneShot', { rigNowUnixSeconds: now, secondsFromNow: Math.round(minutes * 60), timeZone });
    if (r.ok) {
      setProblem(null);
      onExpression(r.value.expression);
    } else setProblem(r.error.message);
  };
  const applyAt = () => {
    const expression = cronAtLocalDateTime(at, timeZone);
    if (expression === null) return setProblem('Pick a date and time first.');
    setProblem(null);
    onExpression(expression);
  };

  return (
    <Group align="flex-end" gap="xs">
      <TextInput
        type="datetime-local"
        label={`At date/time (${timeZone})`}
        step={1}
        value={at}
        onChange={(e) => setAt(e.currentTarget.value)}
        w={250}
      />
      <Button variant="default" onClick={applyAt}>
        Use date/time
      </Button>
      <NumberInput label="In minutes" min={1} value={minutes} onChange={(v) => setMinutes(typeof v === 'number' ? v : '')} w={120} />
      <Button variant="default" onClick={() => void applyInMinutes()}>
        Use "in N minutes"
      </Button>
      {problem && (
        <Text size="sm" c="red" role="alert">
          {problem}
        </Text>
      )}
    </Group>
  );
}
