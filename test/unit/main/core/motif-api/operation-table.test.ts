import { describe, expect, it } from 'vitest';
import {
  OPERATIONS,
  SCHEDULABLE,
  operationSpec,
  type OperationName,
  type OperationSpec,
} from '../../../../../src-main/core/motif-api/operation-table';

const names = Object.keys(OPERATIONS) as OperationName[];
const specOf = (name: OperationName) => OPERATIONS[name] as OperationSpec;

describe('operation table', () => {
  it('covers every endpoint of the wire document, and nothing else', () => {
    // Copied from the method table of docs/wire.md.
    const documented = {
      GET: 'version, cameras, cameras/read/<name>, camera/<serial>, camera/<serial>/read/<name>, camera/<serial>/recordings, recordings, schedule, io/read, camera/<serial>/io/read',
      PATCH: 'cameras/configure, camera/<serial>/configure',
      DELETE: 'schedule/<task_name>/clear',
      POST:
        'recording/start, recording/stop, camera/<serial>/recording/start, camera/<serial>/recording/stop, recordings/copy_all, recordings/export_all, camera/<serial>/recordings/copy_all, camera/<serial>/recordings/export_all, io/<name>/set, camera/<serial>/io/<name>/set, io/<io_serial>/<io_port>/set, io/log, camera/<serial>/io/log, experiment/message, camera/<serial>/experiment/message, schedule/clear, ' +
        'schedule/recording/start, schedule/camera/<serial>/recording/start, schedule/recordings/copy_all, schedule/camera/<serial>/recordings/copy_all, schedule/recordings/export_all, schedule/camera/<serial>/recordings/export_all, schedule/cameras/configure/<name>, schedule/camera/<serial>/configure/<name>, schedule/io/<name>/set, schedule/camera/<serial>/io/<name>/set, ' +
        'multicam/synchronize, multicam/connect_camera/<serial>, multicam/disconnect_camera/<serial>, multicam/connect_all, multicam/disconnect_all',
    };
    const expected = Object.entries(documented).flatMap(([method, list]) => list.split(', ').map((t) => `${method} ${t}`));
    const table = names.flatMap((name) => {
      const { method, path } = specOf(name);
      return [path.rig, path.camera].filter((t) => t !== undefined).map((t) => `${method} ${t}`);
    });
    expect(table.sort()).toEqual(expected.sort());
  });

  it('schedules only operations the table has', () => {
    const scheduled = names.flatMap((name) => {
      const s = specOf(name).schedules;
      return s ? [[name, s.operation] as const] : [];
    });
    expect(scheduled.length).toBeGreaterThan(0);
    for (const [task, operation] of scheduled) {
      expect(operationSpec(operation), `${task} schedules ${operation}`).toBeDefined();
      // A task is created on a schedule/... path, with a POST.
      expect(specOf(task).method).toBe('POST');
      expect(specOf(task).path.rig ?? specOf(task).path.camera).toMatch(/^schedule\//);
    }
  });

  it('lets a task be camera-relative only for configuration and IO', () => {
    const relative = Object.entries(SCHEDULABLE)
      .filter(([, s]) => s.cameraRelative)
      .map(([operation]) => operation);
    expect(relative.sort()).toEqual(['cameras.configure', 'outputs.set']);
    for (const [operation, { task }] of Object.entries(SCHEDULABLE)) expect(specOf(task).schedules?.operation).toBe(operation);
  });
});
