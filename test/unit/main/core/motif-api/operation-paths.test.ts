import { describe, expect, it } from 'vitest';
import {
  PathSegmentError,
  matchPath,
  methodFor,
  pathFor,
  urlPathFor,
} from '../../../../../src-main/core/motif-api/operation-paths';
import { OPERATIONS, type OperationName, type OperationSpec } from '../../../../../src-main/core/motif-api/operation-table';

/** Every path form of the table: [operation, 'rig' | 'camera', template]. */
const forms = (Object.keys(OPERATIONS) as OperationName[]).flatMap((name) => {
  const { path } = OPERATIONS[name] as OperationSpec;
  return (['rig', 'camera'] as const).flatMap((form) => {
    const template = path[form];
    return template === undefined ? [] : [[name, form, template] as const];
  });
});

describe('path forms of the table', () => {
  it.each(forms)('%s (%s form, %s) has the method the wire rules give it', (name, form, template) => {
    const params = { name: 'led', task_name: 'job1', io_serial: '-1', io_port: '3', serial: 'FAKE0' };
    const path = pathFor(name, form === 'camera' ? 'FAKE0' : undefined, params);
    expect(path).not.toMatch(/[<>]/);
    expect(path.split('/')).toHaveLength(template.split('/').length);
    expect(methodFor(path)).toBe(OPERATIONS[name].method);
    expect(matchPath(path)?.name).toBe(name);
  });
});

describe('pathFor', () => {
  it('fills path parameters and refuses segments the vendor patterns would not match', () => {
    expect(pathFor('outputs.set', 'FAKE0', { name: 'led' })).toBe('camera/FAKE0/io/led/set');
    expect(() => pathFor('camera.status', 'a/b')).toThrow(/not a valid serial/);
    expect(() => pathFor('camera.status', 'a b')).toThrow(RangeError);
    expect(() => pathFor('schedule.clearTask', undefined, { task_name: '' })).toThrow(/task name/);
  });

  it.each(['..', '.', '%2e%2e', '相机1', 'FAKE\u00000', 'FAKE\n0', 'FAKE\t0', 'FAKE\u007f0'])(
    'refuses the serial %j as a path segment',
    (serial) => {
      expect(() => pathFor('camera.status', serial)).toThrow(PathSegmentError);
      expect(() => pathFor('recording.start', serial)).toThrow(PathSegmentError);
    },
  );

  it.each(['..', '.', '%2e%2e', '增益', 'Gain\u0000', 'Gain\r\n'])('refuses the parameter name %j as a path segment', (name) => {
    expect(() => pathFor('cameras.read', undefined, { name })).toThrow(PathSegmentError);
    expect(() => pathFor('schedule.cameras.configure', 'FAKE0', { name })).toThrow(PathSegmentError);
  });

  it('refuses a task name or multicam serial that is no path segment', () => {
    for (const bad of ['..', '.', '%2e%2e', '任务', 'job\u00001']) {
      expect(() => pathFor('schedule.clearTask', undefined, { task_name: bad })).toThrow(PathSegmentError);
      expect(() => pathFor('multicam.connect', undefined, { serial: bad })).toThrow(PathSegmentError);
    }
  });

  it('throws a PathSegmentError that is a RangeError', () => {
    expect(() => pathFor('camera.status', '..')).toThrow(RangeError);
  });
});

describe('matchPath', () => {
  it('reads schedule/clear as clearing every task, not the task named "clear"', () => {
    expect(matchPath('schedule/clear')?.name).toBe('schedule.clearAll');
    expect(matchPath('schedule/job1/clear')).toMatchObject({ name: 'schedule.clearTask', params: { task_name: 'job1' } });
  });
});

describe('methodFor', () => {
  it.each([
    ['version', 'GET'],
    ['cameras', 'GET'],
    ['cameras/read/Gain', 'GET'],
    ['camera/FAKE0', 'GET'],
    ['camera/FAKE0/read/ExposureTime', 'GET'],
    ['camera/FAKE0/recordings', 'GET'],
    ['recordings', 'GET'],
    ['schedule', 'GET'],
    ['io/read', 'GET'],
    ['camera/FAKE0/io/read', 'GET'],
    ['cameras/configure', 'PATCH'],
    ['camera/FAKE0/configure', 'PATCH'],
    ['schedule/my_task/clear', 'DELETE'],
    ['schedule/clear', 'POST'],
    ['recording/start', 'POST'],
    ['camera/FAKE0/recording/stop', 'POST'],
    ['io/led/set', 'POST'],
    ['io/-1/3/set', 'POST'],
    ['schedule/camera/FAKE0/configure/Gain', 'POST'],
    ['multicam/connect_camera/__all', 'POST'],
  ])('%s -> %s', (path, method) => {
    expect(methodFor(path)).toBe(method);
  });
});

describe('urlPathFor', () => {
  it('puts version outside /api/1/', () => {
    expect(urlPathFor('version')).toBe('/version');
    expect(urlPathFor('/cameras/')).toBe('/api/1/cameras');
  });
});
