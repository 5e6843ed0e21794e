import { describe, expect, it } from 'vitest';
import { methodFor } from '../../../../../src-main/core/motif-api/endpoint-methods';
import { ENDPOINTS, fillEndpoint, type EndpointTemplate } from '../../../../../src-main/core/motif-api/endpoint-table';

const templates = Object.keys(ENDPOINTS) as EndpointTemplate[];

describe('endpoint table', () => {
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
    expect(templates.map((t) => `${ENDPOINTS[t].method} ${t}`).sort()).toEqual(expected.sort());
  });

  it.each(templates)('%s has the method the wire rules give it', (template) => {
    const path = fillEndpoint(template, { serial: 'FAKE0', name: 'led', task_name: 'job1', io_serial: '-1', io_port: '3' } as never);
    expect(methodFor(path)).toBe(ENDPOINTS[template].method);
  });

  it('fills path parameters and refuses segments the vendor patterns would not match', () => {
    expect(fillEndpoint('camera/<serial>/io/<name>/set', { serial: 'FAKE0', name: 'led' })).toBe('camera/FAKE0/io/led/set');
    expect(() => fillEndpoint('camera/<serial>', { serial: 'a/b' })).toThrow(/not a valid serial/);
    expect(() => fillEndpoint('camera/<serial>', { serial: 'a b' })).toThrow(RangeError);
    expect(() => fillEndpoint('schedule/<task_name>/clear', { task_name: '' })).toThrow(/task name/);
  });
});
