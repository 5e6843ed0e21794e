import { Progress, Stack, Text } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import type { CameraStatusView } from '../../../src-main/contract/requests/status';

type Finished = { serial: string; job: 'copy' | 'export'; failed: boolean; text: string };

const jobOf = (c: CameraStatusView): 'copy' | 'export' | null => (c.copying ? 'copy' : c.exporting ? 'export' : null);
const looksFailed = (status: string | null) => status !== null && /fail|error|abort/i.test(status);

/**
 * Copy and export progress per camera from the rig's status, as progress bars while it
 * runs and "done"/"failed" once the rig stops reporting the job.
 */
export function JobProgress({ cameras, onJobsFinished }: { cameras: CameraStatusView[]; onJobsFinished(): void }) {
  const running = useRef(new Map<string, 'copy' | 'export'>());
  const [finished, setFinished] = useState<Finished[]>([]);

  useEffect(() => {
    const ended: Finished[] = [];
    for (const c of cameras) {
      const job = jobOf(c);
      const before = running.current.get(c.serial);
      if (job) running.current.set(c.serial, job);
      else if (before) {
        running.current.delete(c.serial);
        const failed = looksFailed(c.playbackStatus);
        ended.push({ serial: c.serial, job: before, failed, text: failed ? (c.playbackStatus ?? 'failed') : 'done' });
      }
    }
    if (ended.length > 0) {
      setFinished((f) => [...ended, ...f.filter((x) => !ended.some((e) => e.serial === x.serial))]);
      onJobsFinished();
    }
  }, [cameras, onJobsFinished]);

  const active = cameras.filter((c) => jobOf(c) !== null);
  if (active.length === 0 && finished.length === 0) return null;
  return (
    <Stack gap="xs" aria-label="Copy and export progress">
      {active.map((c) => {
        const pct = c.playbackProgress === null ? null : Math.round(c.playbackProgress * 100);
        const label = `Camera ${c.serial}: ${c.copying ? 'copying' : 'exporting'}${pct === null ? '' : ` ${pct}%`}`;
        return (
          <div key={c.serial}>
            <Text size="sm">{label}</Text>
            <Progress
              value={pct ?? 100}
              animated={pct === null}
              striped={pct === null}
              aria-label={label}
              aria-valuenow={pct ?? undefined}
            />
          </div>
        );
      })}
      {finished
        .filter((f) => !active.some((c) => c.serial === f.serial))
        .map((f) => (
          <Text key={f.serial} size="sm" c={f.failed ? 'red' : 'teal'} role={f.failed ? 'alert' : 'status'} data-testid="job-finished">
            Camera {f.serial}: {f.job} {f.failed ? `failed (${f.text})` : 'done'}
          </Text>
        ))}
    </Stack>
  );
}
