import type { Command } from 'commander';
import type { ScheduleArgs } from '../../core/motif-api/endpoint-table';
import type { MotifClient } from '../../core/motif-api/motif-client';
import { reportFailure, UsageError, type CommandContext } from './command-context';
import { addConnectionFlags, type ConnectionFlags } from './connection-flags';
import { parseCliValue, parseKeyValues } from './key-values';
import { withRig } from './rig-action';

export const SCHEDULE_ACTIONS = ['record', 'copy', 'export', 'configure', 'io'] as const;
export type ScheduleAction = (typeof SCHEDULE_ACTIONS)[number];

interface AddFlags extends ConnectionFlags {
  task: string;
  cron: string;
  serial?: string;
  cameraRelative?: boolean;
}

/** The rig call for `schedule add <action> ...`; `params` are key=value, or `<name> <value>` for configure and io. */
export function scheduleCall(
  action: string,
  params: readonly string[],
  flags: AddFlags,
): (client: MotifClient) => Promise<unknown> {
  const task: ScheduleArgs = { task_name: flags.task, cron_expression: flags.cron };
  if (flags.cameraRelative) task.camera_relative = true;
  const nameAndValue = (): [string, ReturnType<typeof parseCliValue>] => {
    if (params.length !== 2) throw new UsageError(`schedule add ${action} takes <name> <value>, e.g. "schedule add io led inf".`);
    return [params[0]!, parseCliValue(params[1]!)];
  };
  switch (action) {
    case 'record':
      return (c) => c.scheduleRecordingStart(task, parseKeyValues(params), flags.serial);
    case 'copy':
      return (c) => c.scheduleCopyAll(task, parseKeyValues(params), flags.serial);
    case 'export':
      return (c) => c.scheduleExportAll(task, parseKeyValues(params), flags.serial);
    case 'configure': {
      const [name, value] = nameAndValue();
      return (c) => c.scheduleConfigure(task, name, value, flags.serial);
    }
    case 'io': {
      const [name, value] = nameAndValue();
      return (c) => c.scheduleSetOutput(task, name, value, flags.serial);
    }
    default:
      throw new UsageError(`Unknown schedule action "${action}": use one of ${SCHEDULE_ACTIONS.join(', ')}.`);
  }
}

export function registerScheduleCommand(program: Command, ctx: CommandContext): void {
  const schedule = program.command('schedule').description("the rig's scheduled tasks");
  addConnectionFlags(schedule.command('list').description("scheduled tasks and the rig's clock (now)")).action(
    async (flags: ConnectionFlags) => {
      await withRig(ctx, flags, (client) => client.schedule());
    },
  );
  addConnectionFlags(
    schedule
      .command('add')
      .description('schedule a task on the rig')
      .argument('<action>', SCHEDULE_ACTIONS.join(' | '))
      .argument('[params...]', 'record/copy/export: key=value arguments (duration=1800); configure/io: <name> <value>')
      .requiredOption('--task <name>', 'unique short name of the task')
      .requiredOption('--cron <expression>', 'six or seven fields: second minute hour day month weekday [year]')
      .option('--serial <serial>', 'only this camera')
      .option('--camera-relative', 'read the expression relative to the start of recording (Motif 5+)')
      // So that a value of "-inf" reaches [params...] instead of being read as an option.
      .allowUnknownOption(),
  ).action(async (action: string, params: string[], flags: AddFlags) => {
    let call: (client: MotifClient) => Promise<unknown>;
    try {
      call = scheduleCall(action, params, flags);
    } catch (e) {
      // Usage is checked before connecting, so a typo never reaches the rig.
      reportFailure(ctx, e);
      return;
    }
    await withRig(ctx, flags, call);
  });
  addConnectionFlags(
    schedule
      .command('clear')
      .description('delete one task, or all tasks with --all')
      .argument('[task]', 'task name')
      .option('--all', 'delete every scheduled task'),
  ).action(async (task: string | undefined, flags: ConnectionFlags & { all?: boolean }) => {
    await withRig(ctx, flags, async (client) => {
      if (flags.all && task === undefined) return client.clearSchedule();
      if (!flags.all && task !== undefined) return client.clearTask(task);
      throw new UsageError('Give a task name, or --all to delete every task.');
    });
  });
}
