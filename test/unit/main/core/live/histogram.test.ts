import { describe, expect, it } from 'vitest';
import type { LiveFrame } from '../../../../../src-main/contract/requests/live';
import { computeHistogram, HISTOGRAM_BINS } from '../../../../../src-main/core/live/histogram';

const frame = (pixelFormat: LiveFrame['pixelFormat'], pixels: Uint8Array, width: number, height = 1): LiveFrame => ({
  frameNumber: 1, frameTime: null, receivedAtMs: 0, width, height, pixelFormat, pixels, binning: 1, cameraPixelFormat: pixelFormat,
});

describe('live histogram', () => {
  it('counts mono8 levels, their mean, and the saturated share', () => {
    const h = computeHistogram(frame('mono8', new Uint8Array([0, 0, 128, 255]), 4));
    expect(h.bins).toHaveLength(HISTOGRAM_BINS);
    expect(h.bins[0]).toBe(2);
    expect(h.bins[HISTOGRAM_BINS - 1]).toBe(1);
    expect(h.saturated).toBe(0.25);
    expect(h.range).toBe(255);
    expect(h.mean).toBeCloseTo((128 + 255) / 4 / 255, 5);
  });

  it('reads mono16 against the bits the camera uses (12 bits: 4095 is saturated)', () => {
    const levels = new Uint16Array([0, 2048, 4095, 4095]);
    const h = computeHistogram(frame('mono16', new Uint8Array(levels.buffer), 4));
    expect(h.max).toBe(4095);
    expect(h.range).toBe(4095); // what the view maps to white
    expect(h.saturated).toBe(0.5);
    expect(h.bins[HISTOGRAM_BINS / 2]).toBe(1);
  });

  it('reads RGB by its green channel', () => {
    const h = computeHistogram(frame('rgb8', new Uint8Array([255, 0, 255, 0, 255, 0]), 2));
    expect(h.saturated).toBe(0.5);
    expect(h.bins[0]).toBe(1);
  });

  it('counts every pixel of a large frame: one saturated pixel among a million is seen', () => {
    const pixels = new Uint8Array(1280 * 1024).fill(40);
    pixels[1] = 255;
    const h = computeHistogram(frame('mono8', pixels, 1280, 1024));
    expect(h.saturated * pixels.length).toBeCloseTo(1, 6);
    expect(h.max).toBe(255);
    expect(h.bins.reduce((a, b) => a + b, 0)).toBe(pixels.length);
  });
});
