import { describe, expect, it } from 'vitest';
import { methodFor, urlPathFor } from '../../../../../src-main/core/motif-api/endpoint-methods';

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
