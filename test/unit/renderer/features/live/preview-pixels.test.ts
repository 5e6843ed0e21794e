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
});
