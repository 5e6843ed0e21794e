import { z } from 'zod';

/**
 * Every request the renderer may make: name -> argument and result schemas.
 * Main parses arguments with these at run time; both sides infer their types from them.
 */

export const RigSummary = z.object({
  id: z.string(),
  name: z.string(),
  host: z.string(),
  port: z.number().int(),
  tags: z.array(z.string()),
  simulated: z.boolean(),
});
export type RigSummary = z.infer<typeof RigSummary>;

export const AppInfo = z.object({
  name: z.string(),
  version: z.string(),
  transport: z.enum(['electron', 'browser']),
  platform: z.string(),
});
export type AppInfo = z.infer<typeof AppInfo>;

const NoArgs = z.object({}).strict();

export const requests = {
  'app.info': { args: NoArgs, result: AppInfo },
  'rigs.list': { args: NoArgs, result: z.array(RigSummary) },
} as const;

export type RequestName = keyof typeof requests;
export type Args<N extends RequestName> = z.input<(typeof requests)[N]['args']>;
export type ParsedArgs<N extends RequestName> = z.output<(typeof requests)[N]['args']>;
export type Res<N extends RequestName> = z.infer<(typeof requests)[N]['result']>;
