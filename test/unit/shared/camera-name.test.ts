import { describe, expect, it } from 'vitest';
import { cameraName } from '../../../src-shared/camera-name';

describe('camera names', () => {
  it('gives the name with its serial, unless the name says the serial already', () => {
    expect(cameraName({ name: 'Arena left', serial: 'FAKE0' })).toBe('Arena left (FAKE0)');
    expect(cameraName({ name: 'FAKE0 top', serial: 'FAKE0' }, 'label')).toBe('FAKE0 top');
  });

  it('names a camera without a name of its own by its serial, as the place needs', () => {
    for (const name of [null, '', 'FAKE0']) {
      expect(cameraName({ name, serial: 'FAKE0' })).toBe('camera FAKE0');
      expect(cameraName({ name, serial: 'FAKE0' }, 'title')).toBe('Camera FAKE0');
      expect(cameraName({ name, serial: 'FAKE0' }, 'label')).toBe('FAKE0');
    }
  });
});
