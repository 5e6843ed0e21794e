import { z } from 'zod';
import { NoArgs } from './shared';

export const AppInfo = z.object({
  name: z.string(),
  version: z.string(),
  transport: z.enum(['electron', 'browser']),
  platform: z.string(),
});
export type AppInfo = z.infer<typeof AppInfo>;

/**
 * Something the user must be told outside any request's answer: a config file moved aside, or
 * an alert the core raised from what a rig reported (a recording stopped early, a disk nearly
 * full, ...). Kept in the config folder until dismissed.
 */
export const AppNotice = z.object({
  id: z.string(),
  level: z.enum(['info', 'warning', 'error']),
  message: z.string(),
  at: z.string(),
  details: z.record(z.string(), z.unknown()).optional(),
  /** The rig (and camera) it is about, when it is about one. */
  rigId: z.string().optional(),
  rigName: z.string().optional(),
  serial: z.string().optional(),
  /** What to do about it, in plain words. */
  advice: z.string().optional(),
  /** The condition it reports (e.g. "disk-nearly-full:rig-1"): one notice per episode of it. */
  episode: z.string().optional(),
});
export type AppNotice = z.infer<typeof AppNotice>;

export const appRequests = {
  'app.info': { args: NoArgs, result: AppInfo },
  /** Notices not dismissed yet, oldest first. */
  'app.notices': { args: NoArgs, result: z.array(AppNotice) },
  /** Dismiss one notice (it stays in the audit log); the notices left. */
  'app.notices.dismiss': { args: z.object({ id: z.string().min(1) }).strict(), result: z.array(AppNotice) },
} as const;
