import { describe, expect, it } from 'vitest';
import { streamEndpoints } from '../../../../../src-main/core/live/stream-endpoints';

const status = (host: string) => ({ camera_info: { stream: { image: { host, port: 5001 }, state: { host, port: 5002 } } } });

describe('stream endpoints from camera_info', () => {
  it('reads 0.0.0.0 as the rig’s own address', () => {
    expect(streamEndpoints(status('0.0.0.0'), '192.168.1.20', 'CAM1')).toEqual({ image: 'tcp://192.168.1.20:5001', state: 'tcp://192.168.1.20:5002' });
    expect(streamEndpoints(status('0.0.0.0'), 'fe80::1', 'CAM1').image).toBe('tcp://[fe80::1]:5001');
  });
  it('says a stream bound to the rig’s localhost cannot reach another PC', () => {
    expect(() => streamEndpoints(status('127.0.0.1'), 'rig-3.lab.local', 'CAM1')).toThrow(/streams only to the rig itself \(its stream is bound to 127\.0\.0\.1\)/);
    expect(streamEndpoints(status('127.0.0.1'), '127.0.0.1', 'CAM1').image).toBe('tcp://127.0.0.1:5001');
  });
  it('says when a rig does not stream (Motif older than 5, or streaming off)', () => {
    expect(() => streamEndpoints({ camera_info: {} }, '10.0.0.2', 'CAM1')).toThrow(/does not stream its images.*Motif 5 or later with streaming switched on/);
  });
});
