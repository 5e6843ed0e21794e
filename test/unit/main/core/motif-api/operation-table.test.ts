import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  OPERATIONS,
  SCHEDULABLE,
  operationSpec,
  type OperationName,
  type OperationSpec,
} from '../../../../../src-main/core/motif-api/operation-table';

const names = Object.keys(OPERATIONS) as OperationName[];

/** The method table of docs/wire.md, read from the document itself: every `path` of a row with its method. */
function documentedEndpoints(): { method: string; path: string }[] {
  const doc = readFileSync(new URL('../../../../../docs/wire.md', import.meta.url), 'utf8');
  const start = doc.indexOf('| family | method |');
  expect(start, 'docs/wire.md keeps its endpoint table').toBeGreaterThan(0);
  const rows = doc.slice(start).split('\n\n')[0]!.split('\n').slice(2);
  return rows.flatMap((row) => {
    const [, , method, rig, camera] = row.split('|').map((cell) => cell.trim());
    // Endpoint paths are written without a leading slash; `/version` there is a URL, said in passing.
    const paths = [rig, camera].flatMap((cell) => [...(cell ?? '').matchAll(/`([^`/][^`]*)`/g)].map((m) => m[1]!));
    return paths.map((path) => ({ method: method!, path }));
  });
}
const specOf = (name: OperationName) => OPERATIONS[name] as OperationSpec;

describe('operation table', () => {
  it('covers every endpoint of the wire document, and nothing else', () => {
    const expected = documentedEndpoints().map(({ method, path }) => `${method} ${path}`);
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
