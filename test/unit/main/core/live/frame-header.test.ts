import { describe, expect, it } from 'vitest';
import { readFrameHeader } from '../../../../../src-main/core/live/frame-header';

const header = (fields: object) => new TextEncoder().encode(JSON.stringify({ dtype: 'uint8', shape: [2, 4], frame_number: 5, frame_time: 1.5, ...fields }));

describe('image stream headers', () => {
  it('tells a Bayer mosaic from grey by the camera’s GenICam pixel format, in any of the four orders', () => {
    expect(readFrameHeader(header({ pixel_format: 'BayerRG8' }), 8).pixelFormat).toBe('bayer_rggb8');
    expect(readFrameHeader(header({ pixel_format: 'BayerGR8' }), 8).pixelFormat).toBe('bayer_grbg8');
    expect(readFrameHeader(header({ pixel_format: 'BayerGB8' }), 8).pixelFormat).toBe('bayer_gbrg8');
    expect(readFrameHeader(header({ pixel_format: 'bayerbg8' }), 8).pixelFormat).toBe('bayer_bggr8');
    expect(readFrameHeader(header({ pixel_format: 'Mono8' }), 8).pixelFormat).toBe('mono8');
    expect(readFrameHeader(header({}), 8)).toEqual({ width: 4, height: 2, pixelFormat: 'mono8', frameNumber: 5, frameTime: 1.5 });
  });

  it('says when the pixels do not fit the header', () => {
    expect(() => readFrameHeader(header({ dtype: 'uint16' }), 8)).toThrow('the frame has 8 bytes of pixels, its header says 16');
    expect(() => readFrameHeader(header({ dtype: 'float32' }), 8)).toThrow('unsupported pixels: dtype float32');
  });
});
