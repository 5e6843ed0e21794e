import { z } from 'zod';
import { NoArgs } from './shared';

export const AppInfo = z.object({
  name: z.string(),
  version: z.string(),
  transport: z.enum(['electron', 'browser']),
  platform: z.string(),
});
export type AppInfo = z.infer<typeof AppInfo>;

/** Something the user must be told outside any request's answer, e.g. a config file moved aside. */
export const AppNotice = z.object({
  id: z.string(),
  level: z.enum(['info', 'warning', 'error']),
  message: z.string(),
  at: z.string(),
  details: z.record(z.string(), z.unknown()).optional(),
});
export type AppNotice = z.infer<typeof AppNotice>;

export const appRequests = {
  'app.info': { args: NoArgs, result: AppInfo },
  /** Notices of this run, oldest first. */
  'app.notices': { args: NoArgs, result: z.array(AppNotice) },
} as const;
