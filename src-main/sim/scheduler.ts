/**
 * Scheduled tasks. Each task has its own timer that sleeps until its next fire
 * time; camera-relative tasks are armed only while their camera records, with
 * the recording start as the cron epoch.
 */
import type { WireValue } from '../core/python-json';
import type { SimTaskView } from './types';

export interface CronEngine {
  /** A sentence saying what is wrong, or null when the expression is valid. */
  validate(expression: string): string | null;
  /** The first fire time strictly after `from`, or null when there is none. */
  nextAfter(expression: string, from: Date, opts: { timeZone: string; epoch?: Date }): Date | null;
}

export interface TaskSpec {
  name: string;
  cronExpression: string;
  method: string;
  endpoint: string;
  args: Record<string, WireValue>;
  cameraRelative: boolean;
  /** Camera whose recording start is the epoch of a camera-relative task. */
  serial: string;
}

interface Task extends TaskSpec {
  createdAtMs: number;
  timer?: NodeJS.Timeout;
  nextRunAtMs: number | null;
  epochMs?: number;
  runs: number;
}

export interface SchedulerDeps {
  cron: CronEngine;
  timeZone: string;
  run(task: TaskSpec): Promise<void>;
  /** Start (Unix ms) of the camera's running recording, if it records. */
  recordingStartMs(serial: string): number | undefined;
}

// setTimeout holds at most ~24.8 days; longer sleeps wake early and re-arm.
const MAX_TIMER_MS = 2 ** 31 - 1;

export class Scheduler {
  private tasks = new Map<string, Task>();

  constructor(private readonly deps: SchedulerDeps) {}

  validate(expression: string): string | null {
    return this.deps.cron.validate(expression);
  }

  /** A task with an existing name replaces it. */
  add(spec: TaskSpec): Task {
    this.clear(spec.name);
    const task: Task = { ...spec, createdAtMs: Date.now(), nextRunAtMs: null, runs: 0 };
    this.tasks.set(spec.name, task);
    if (!task.cameraRelative) this.arm(task, Date.now());
    else {
      const startMs = this.deps.recordingStartMs(task.serial);
      if (startMs !== undefined && startMs <= Date.now()) {
        task.epochMs = startMs;
        this.arm(task, Date.now());
      }
    }
    return task;
  }

  clear(name: string): boolean {
    const t = this.tasks.get(name);
    if (!t) return false;
    clearTimeout(t.timer);
    this.tasks.delete(name);
    return true;
  }

  clearAll(): string[] {
    const names = [...this.tasks.keys()];
    for (const n of names) this.clear(n);
    return names;
  }

  has(name: string): boolean {
    return this.tasks.has(name);
  }

  get(name: string): TaskSpec | undefined {
    return this.tasks.get(name);
  }

  recordingStarted(serial: string, startedAtMs: number): void {
    for (const t of this.tasks.values()) {
      if (!t.cameraRelative || t.serial !== serial) continue;
      t.epochMs = startedAtMs;
      this.arm(t, startedAtMs);
    }
  }

  recordingStopped(serial: string): void {
    for (const t of this.tasks.values()) {
      if (!t.cameraRelative || t.serial !== serial) continue;
      clearTimeout(t.timer);
      t.timer = undefined;
      t.nextRunAtMs = null;
      t.epochMs = undefined;
    }
  }

  /** Runs a task now, outside its timing (the control surface's "advance"). */
  async fire(name: string): Promise<boolean> {
    const t = this.tasks.get(name);
    if (!t) return false;
    t.runs += 1;
    await this.deps.run(t);
    return true;
  }

  list(): Record<string, WireValue>[] {
    return [...this.tasks.values()].map((t) => ({
      task_name: t.name,
      cron_expression: t.cronExpression,
      endpoint: t.endpoint,
      method: t.method,
      args: t.args,
      camera_relative: t.cameraRelative,
      ...(t.cameraRelative ? { camera_serial: t.serial } : {}),
      created: t.createdAtMs / 1000,
      next_run: t.nextRunAtMs === null ? null : t.nextRunAtMs / 1000,
      runs: t.runs,
    }));
  }

  views(): SimTaskView[] {
    return [...this.tasks.values()].map((t) => ({
      name: t.name,
      cronExpression: t.cronExpression,
      endpoint: t.endpoint,
      args: t.args,
      cameraRelative: t.cameraRelative,
      nextRunAt: t.nextRunAtMs,
      runs: t.runs,
    }));
  }

  stop(): void {
    for (const t of this.tasks.values()) clearTimeout(t.timer);
    this.tasks.clear();
  }

  private arm(task: Task, fromMs: number): void {
    clearTimeout(task.timer);
    const next = this.deps.cron.nextAfter(task.cronExpression, new Date(fromMs), {
      timeZone: this.deps.timeZone,
      ...(task.epochMs !== undefined ? { epoch: new Date(task.epochMs) } : {}),
    });
    task.nextRunAtMs = next ? next.getTime() : null;
    if (next) this.sleepUntil(task, next.getTime());
  }

  private sleepUntil(task: Task, atMs: number): void {
    const delayMs = atMs - Date.now();
    task.timer = setTimeout(() => {
      if (this.tasks.get(task.name) !== task) return;
      if (Date.now() < atMs) return this.sleepUntil(task, atMs);
      void this.runAndRearm(task, atMs);
    }, Math.min(Math.max(0, delayMs), MAX_TIMER_MS));
    task.timer.unref?.();
  }

  private async runAndRearm(task: Task, firedAtMs: number): Promise<void> {
    task.runs += 1;
    // Re-arm before running so a slow command cannot delay the next fire.
    this.arm(task, Math.max(firedAtMs, Date.now()));
    await this.deps.run(task);
  }
}
