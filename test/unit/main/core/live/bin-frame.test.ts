import { describe, expect, it } from 'vitest';
import type { LiveFrame } from '../../../../../src-main/contract/requests/live';
import { BAYER_FORMATS, BAYER_PATTERNS } from '../../../../../src-shared/bayer';
import { binFrame } from '../../../../../src-main/core/live/bin-frame';

const frame = (pixelFormat: LiveFrame['pixelFormat'], width: number, height: number, pixels: Uint8Array): LiveFrame => ({
  frameNumber: 1, frameTime: null, receivedAtMs: 0, width, height, pixelFormat, pixels, binning: 1, cameraPixelFormat: pixelFormat,
});

describe('binning previews', () => {
  it('averages n x n blocks, n the smallest that fits the width', () => {
    const f = frame('mono8', 4, 2, new Uint8Array([0, 10, 100, 200, 20, 30, 100, 200]));
    const b = binFrame(f, 2);
    expect(b).toMatchObject({ width: 2, height: 1, binning: 2, pixelFormat: 'mono8' });
    expect([...b.pixels]).toEqual([15, 150]);
    expect(binFrame(f, 4)).toBe(f);
  });

  it('bins into the bytes it is given, in every format, so a buffer can be reused', () => {
    const given = new Uint8Array(64).fill(7);
    const asked: number[] = [];
    const into = (bytes: number) => {
      asked.push(bytes);
      return given.subarray(0, bytes);
    };
    const mono = binFrame(frame('mono8', 4, 2, new Uint8Array([0, 10, 100, 200, 20, 30, 100, 200])), 2, into);
    expect(mono.pixels.buffer).toBe(given.buffer);
    expect([...mono.pixels]).toEqual([15, 150]);
    const wide = binFrame(frame('mono16', 2, 2, new Uint8Array(new Uint16Array([1000, 3000, 1000, 3000]).buffer)), 1, into);
    expect(wide.pixels.buffer).toBe(given.buffer);
    expect([...new Uint16Array(wide.pixels.buffer, wide.pixels.byteOffset, 1)]).toEqual([2000]);
    const colour = binFrame(frame('rgb8', 2, 2, new Uint8Array(12).fill(9)), 1, into);
    expect([...colour.pixels]).toEqual([9, 9, 9]);
    const bayer = binFrame(frame('bayer_rggb8', 2, 2, new Uint8Array([200, 100, 60, 20])), 1, into);
    expect([...bayer.pixels]).toEqual([200, 80, 20]);
    expect(asked).toEqual([2, 2, 3, 3]);
  });

  it('keeps mono16 levels and bins a Bayer mosaic over whole 2 x 2 cells into colour', () => {
    const wide = binFrame(frame('mono16', 2, 2, new Uint8Array(new Uint16Array([1000, 3000, 1000, 3000]).buffer)), 1);
    expect([...new Uint16Array(wide.pixels.buffer, wide.pixels.byteOffset, 1)]).toEqual([2000]);
    // R G R G R G / G B G B G B: red 200, greens 100 and 60, blue 20.
    const mosaic = new Uint8Array([200, 100, 200, 100, 200, 100, 60, 20, 60, 20, 60, 20]);
    const bayer = binFrame(frame('bayer_rggb8', 6, 2, mosaic), 4);
    expect(bayer).toMatchObject({ width: 3, height: 1, binning: 2, pixelFormat: 'rgb8' });
    expect([...bayer.pixels]).toEqual([200, 80, 20, 200, 80, 20, 200, 80, 20]);
    // 4 x 4 blocks: every site of each colour counts.
    const big = new Uint8Array(16);
    for (let y = 0; y < 4; y++) for (let x = 0; x < 4; x++) big[y * 4 + x] = y % 2 === 0 ? (x % 2 === 0 ? 100 + y * 10 : 50) : x % 2 === 0 ? 70 : 10 + x;
    expect([...binFrame(frame('bayer_rggb8', 4, 4, big), 1).pixels]).toEqual([110, 60, 12]);
    // Wider than tall: at least one row stays.
    expect(binFrame(frame('mono8', 8, 2, new Uint8Array(16)), 2)).toMatchObject({ width: 4, height: 1 });
    expect(binFrame(frame('bayer_rggb8', 4, 4, new Uint8Array(16).fill(40)), 3)).toMatchObject({ width: 2, height: 2, binning: 2, pixelFormat: 'rgb8' });
  });

  it('bins each of the four Bayer orders into the same colours', () => {
    for (const format of BAYER_FORMATS) {
      const { red } = BAYER_PATTERNS[format];
      // Red sites 200, blue 20, green 100, laid out in this order.
      const mosaic = new Uint8Array(16);
      for (let y = 0; y < 4; y++)
        for (let x = 0; x < 4; x++) {
          const redRow = y % 2 === red[1];
          const redColumn = x % 2 === red[0];
          mosaic[y * 4 + x] = redRow && redColumn ? 200 : !redRow && !redColumn ? 20 : 100;
        }
      const binned = binFrame(frame(format, 4, 4, mosaic), 2);
      expect({ format, pixels: [...binned.pixels] }).toEqual({ format, pixels: [200, 100, 20, 200, 100, 20, 200, 100, 20, 200, 100, 20] });
      expect(binned.pixelFormat).toBe('rgb8');
    }
  });
});
