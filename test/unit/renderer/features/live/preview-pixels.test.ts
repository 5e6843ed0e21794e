import { describe, expect, it } from 'vitest';
import { previewRgba } from '../../../../../src-renderer/features/live/preview-pixels';

describe('wall previews as RGBA', () => {
  it('spreads grey levels over the three colours, opaque', () => {
    expect([...previewRgba({ width: 2, height: 1, pixelFormat: 'mono8', pixels: new Uint8Array([0, 200]) }, 0)]).toEqual([0, 0, 0, 255, 200, 200, 200, 255]);
  });

  it('keeps RGB as it is', () => {
    expect([...previewRgba({ width: 1, height: 1, pixelFormat: 'rgb8', pixels: new Uint8Array([10, 20, 30]) }, 0)]).toEqual([10, 20, 30, 255]);
  });

  it('scales mono16 (little-endian) so the camera’s top level is white', () => {
    const pixels = new Uint8Array(new Uint16Array([4095, 2048, 0]).buffer);
    expect([...previewRgba({ width: 3, height: 1, pixelFormat: 'mono16', pixels }, 4095)].filter((_, i) => i % 4 === 0)).toEqual([255, 128, 0]);
  });

  it('writes into the buffer it is given, frame after frame, and refuses one of the wrong size', () => {
    const out = new Uint8ClampedArray(2 * 4);
    expect(previewRgba({ width: 2, height: 1, pixelFormat: 'mono8', pixels: new Uint8Array([7, 9]) }, 0, out)).toBe(out);
    previewRgba({ width: 2, height: 1, pixelFormat: 'mono8', pixels: new Uint8Array([3, 250]) }, 0, out);
    expect([...out]).toEqual([3, 3, 3, 255, 250, 250, 250, 255]);
    expect(() => previewRgba({ width: 3, height: 1, pixelFormat: 'mono8', pixels: new Uint8Array(3) }, 0, out)).toThrow(/A 3x1 preview needs 12 bytes of RGBA, not 8/);
  });
});
