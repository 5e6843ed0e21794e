import { describe, expect, it } from 'vitest';
import type { LiveFrame } from '../../../../../src-main/contract/requests/live';
import { binFrame } from '../../../../../src-main/core/live/bin-frame';

const frame = (pixelFormat: LiveFrame['pixelFormat'], width: number, height: number, pixels: Uint8Array): LiveFrame => ({
  frameNumber: 1, frameTime: null, receivedAtMs: 0, width, height, pixelFormat, pixels, binning: 1,
});

describe('binning previews', () => {
  it('averages n x n blocks, n the smallest that fits the width', () => {
    const f = frame('mono8', 4, 2, new Uint8Array([0, 10, 100, 200, 20, 30, 100, 200]));
    const b = binFrame(f, 2);
    expect(b).toMatchObject({ width: 2, height: 1, binning: 2, pixelFormat: 'mono8' });
    expect([...b.pixels]).toEqual([15, 150]);
    expect(binFrame(f, 4)).toBe(f);
  });

  it('keeps mono16 levels and turns a Bayer mosaic into grey over whole 2 x 2 cells', () => {
    const wide = binFrame(frame('mono16', 2, 2, new Uint8Array(new Uint16Array([1000, 3000, 1000, 3000]).buffer)), 1);
    expect([...new Uint16Array(wide.pixels.buffer, wide.pixels.byteOffset, 1)]).toEqual([2000]);
    const bayer = binFrame(frame('bayer_rggb8', 6, 2, new Uint8Array(12).fill(40)), 4);
    expect(bayer).toMatchObject({ width: 3, height: 1, binning: 2, pixelFormat: 'mono8' });
    expect([...bayer.pixels]).toEqual([40, 40, 40]);
    // Wider than tall: at least one row stays.
    expect(binFrame(frame('mono8', 8, 2, new Uint8Array(16)), 2)).toMatchObject({ width: 4, height: 1 });
    expect(binFrame(frame('bayer_rggb8', 4, 4, new Uint8Array(16).fill(40)), 3)).toMatchObject({ width: 2, height: 2, binning: 2, pixelFormat: 'mono8' });
  });
});
