import { z } from 'zod';
import { RigSummary } from './requests';
import { AppNotice } from './requests/app';
import { OutboxEntry } from './requests/outbox';
import { RigStatus } from './requests/status';
import { TargetOutcome } from './requests/targets';

/** Every event main pushes to the renderer: name -> payload schema. */
export const events = {
  'rigs.changed': z.object({ rigs: z.array(RigSummary) }),
  /** One rig's status, pushed only when it changed. */
  'rig.status': RigStatus,
  /** One rig's outbox after any change to it. */
  'outbox.changed': z.object({ rigId: z.string(), entries: z.array(OutboxEntry) }),
  /** One target's outcome of a command its caller named with `progress`, as soon as it is known. */
  'targets.outcome': z.object({ progress: z.string(), outcome: TargetOutcome }),
  /** The notices not dismissed yet, after one was raised or dismissed. */
  'app.notices.changed': z.array(AppNotice),
} as const;

export type EventName = keyof typeof events;
export type EventPayload<E extends EventName> = z.infer<(typeof events)[E]>;
