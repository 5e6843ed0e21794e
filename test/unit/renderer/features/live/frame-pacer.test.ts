import { describe, expect, it } from 'vitest';
import type { LiveFrame } from '../../../../../src-main/contract/requests/live';
import { FramePacer } from '../../../../../src-renderer/features/live/frame-pacer';

const frame = (frameNumber: number, frameTime: number, receivedAtMs = frameTime * 1000): LiveFrame => ({
  frameNumber, frameTime, receivedAtMs, width: 1, height: 1, pixelFormat: 'mono8', cameraPixelFormat: 'mono8', pixels: new Uint8Array(1), binning: 1,
});

/** A pacer whose display frames come when the test says. */
function paced(nowMs: () => number) {
  const drawn: number[] = [];
  let pending: (() => void)[] = [];
  const pacer = new FramePacer((f) => drawn.push(f.frameNumber), (cb) => pending.push(cb), nowMs);
  const displayFrame = () => {
    const due = pending;
    pending = [];
    for (const cb of due) cb();
  };
  return { pacer, drawn, displayFrame };
}

describe('frame pacer', () => {
  it('draws a frame as it arrives, at most one per display frame, the newest of those that waited', () => {
    let now = 10_000;
    const { pacer, drawn, displayFrame } = paced(() => now);
    pacer.offer(frame(1, 9.99, 9_995));
    expect(drawn).toEqual([1]); // at once, not at the next display frame
    pacer.offer(frame(2, 9.995));
    pacer.offer(frame(3, 9.998));
    expect(drawn).toEqual([1]);
    now = 10_016;
    displayFrame(); // frame 1 is on screen; 3 replaced 2 meanwhile and is drawn now
    expect(drawn).toEqual([1, 3]);
    expect(pacer.shown).toBe(1);
    expect(pacer.replaced).toBe(1);
    // 10.016 s minus frame 1's time 9.99 s: 5 ms to the app, 5 more to the window, 16 waiting for the screen
    expect(pacer.latency).toEqual({ totalMs: 26, rigToAppMs: 5, appToWindowMs: 5, windowToScreenMs: 16 });
    now = 10_032;
    displayFrame();
    expect(pacer.shown).toBe(2);
    // frame 3 arrived at 10.000 s, was drawn at 10.016 s and shown at 10.032 s
    expect(pacer.latency).toEqual({ totalMs: 34, rigToAppMs: 0, appToWindowMs: 2, windowToScreenMs: 32 });
    pacer.offer(frame(4, 10.03));
    expect(drawn).toEqual([1, 3, 4]); // nothing drawn in this display frame yet: at once
  });

  it('draws nothing once stopped', () => {
    const { pacer, drawn, displayFrame } = paced(() => 0);
    pacer.offer(frame(1, 0));
    pacer.offer(frame(2, 0));
    pacer.stop();
    displayFrame();
    pacer.offer(frame(3, 0));
    expect(drawn).toEqual([1]);
  });
});

describe('latency stages', () => {
  it('starts at the app when the stream gives no frame time', () => {
    let now = 1_000;
    const { pacer, displayFrame } = paced(() => now);
    pacer.offer({ ...frame(1, 0, 990), frameTime: null });
    now = 1_010;
    displayFrame();
    expect(pacer.latency).toEqual({ totalMs: 20, rigToAppMs: null, appToWindowMs: 10, windowToScreenMs: 10 });
  });
});
