import { describe, expect, it } from 'vitest';
import { callInWords as endpointInWords } from '../../../../../src-main/core/motif-api/call-words';

describe('endpointInWords', () => {
  it('names camera configuration changes with their values', () => {
    expect(endpointInWords('cameras/configure', { Gain: 3 })).toBe('Change camera parameters on all cameras: Gain = 3');
    expect(endpointInWords('camera/FAKE0/configure', { ExposureTime: 2000, Width: 640 })).toBe(
      'Change camera parameters on camera FAKE0: ExposureTime = 2000, Width = 640',
    );
  });

  it('says what a scheduled task does and when', () => {
    expect(
      endpointInWords('schedule/camera/FAKE1/io/led/set', { task_name: 'blink', cron_expression: '%2 * * ? * * *', camera_relative: true, value: Infinity }),
    ).toBe('Schedule task "blink": Set output led on camera FAKE1 to toggle, start high at "%2 * * ? * * *"');
    expect(endpointInWords('schedule/cameras/configure/Gain', { task_name: 'g', cron_expression: '0 0 * * * *', value: 2 })).toBe(
      'Schedule task "g": Change camera parameters on all cameras: Gain = 2 at "0 0 * * * *"',
    );
    expect(endpointInWords('schedule/clear')).toBe('Clear all scheduled tasks');
    expect(endpointInWords('schedule/nightly/clear')).toBe('Clear scheduled task "nightly"');
  });

  it('words outputs, toggles, copies and messages', () => {
    expect(endpointInWords('io/led/set', { value: -Infinity })).toBe('Set output led on the rig to toggle, start low');
    expect(endpointInWords('recordings/copy_all', { delete_after: true })).toBe('Move recordings of all cameras');
    expect(endpointInWords('experiment/message', { message: '' })).toBe('Clear the experiment message');
  });

  it('falls back to the endpoint itself', () => {
    expect(endpointInWords('future/endpoint')).toBe('future/endpoint');
    expect(endpointInWords('version')).toBe('Read the software version');
  });
});
