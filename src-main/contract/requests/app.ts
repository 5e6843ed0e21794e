import { z } from 'zod';
import { NoArgs } from './shared';

export const AppInfo = z.object({
  name: z.string(),
  version: z.string(),
  transport: z.enum(['electron', 'browser']),
  platform: z.string(),
});
export type AppInfo = z.infer<typeof AppInfo>;

export const appRequests = {
  'app.info': { args: NoArgs, result: AppInfo },
} as const;
