import type { z } from 'zod';
import { appRequests } from './requests/app';
import { cronRequests } from './requests/cron';
import { demoRequests } from './requests/demo';
import { operationRequests } from './requests/operations';
import { rigRequests } from './requests/rigs';
import { statusRequests } from './requests/status';
import { outboxRequests } from './requests/outbox';
import { auditRequests } from './requests/audit';
import { liveRequests } from './requests/live';
import { protocolRequests } from './requests/protocols';

export { AppInfo } from './requests/app';
export { RigSummary } from './requests/rigs';

/**
 * Every request the renderer may make: name -> argument and result schemas, one file
 * per area under requests/. Main parses arguments with these at run time; both sides
 * infer their types from them.
 */
export const requests = {
  ...appRequests,
  ...rigRequests,
  ...statusRequests,
  ...outboxRequests,
  ...auditRequests,
  ...operationRequests,
  ...cronRequests,
  ...demoRequests,
  ...liveRequests,
  ...protocolRequests,
} as const;

export type RequestName = keyof typeof requests;
export type Args<N extends RequestName> = z.input<(typeof requests)[N]['args']>;
export type ParsedArgs<N extends RequestName> = z.output<(typeof requests)[N]['args']>;
export type Res<N extends RequestName> = z.infer<(typeof requests)[N]['result']>;
