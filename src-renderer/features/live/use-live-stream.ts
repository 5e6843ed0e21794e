import { useEffect, useRef, useState } from 'react';
import type { MotifError } from '../../../src-main/contract/errors';
import type { LiveCameraState, LiveFrame, LiveHistogram, LiveNotice, LiveStats } from '../../../src-main/contract/requests/live';
import { useCall } from '../../store/use-app-store';
import { FramePacer, type LatencyStages } from './frame-pacer';

/** What the overlay shows, refreshed a few times a second (not per frame: React stays out of the frame path). */
export interface LiveSummary {
  frameNumber: number | null;
  shownPerSecond: number;
  receivedPerSecond: number;
  /** Received but never shown (replaced by a newer one) plus frame numbers that never arrived, per second. */
  droppedPerSecond: number;
  /** Of the last frame shown: frame time (the rig's clock) to paint, and where it went. */
  latency: LatencyStages | null;
  state: LiveCameraState | null;
  stats: LiveStats | null;
  notice: LiveNotice | null;
}

const SUMMARY_EVERY_MS = 250;
/** A wall tile shows a frame or two a second: its words need not change faster. */
const PREVIEW_SUMMARY_EVERY_MS = 1000;
/** Rates are counted over about this long: steady enough to read, recent enough to follow. */
const RATE_WINDOW_MS = 2000;
const WAIT_MS = 1000;

/**
 * Watches one camera while mounted: asks for a frame, hands it to `draw` through a
 * FramePacer and at once asks for the next: one frame in flight, so moving the bytes and
 * painting overlap. Unwatches on unmount.
 * `maxWidth` is read for each request, given the last frame drawn: the width the image is shown at (none: whole frames).
 */
export function useLiveStream(
  rigId: string,
  serial: string,
  mode: 'full' | 'preview',
  draw: (frame: LiveFrame) => void,
  maxWidth: (last: LiveFrame | null) => number | undefined = () => undefined,
): { summary: LiveSummary | null; error: MotifError | null; latest: React.RefObject<LiveFrame | null>; histogram: LiveHistogram | null } {
  const call = useCall();
  const [summary, setSummary] = useState<LiveSummary | null>(null);
  const [error, setError] = useState<MotifError | null>(null);
  const [histogram, setHistogram] = useState<LiveHistogram | null>(null);
  const latest = useRef<LiveFrame | null>(null);
  const drawRef = useRef(draw);
  drawRef.current = draw;
  const widthRef = useRef(maxWidth);
  widthRef.current = maxWidth;

  useEffect(() => {
    let stopped = false;
    let watchId: string | null = null;
    const pacer = new FramePacer(
      (frame) => {
        latest.current = frame;
        drawRef.current(frame);
      },
      (callback) => requestAnimationFrame(callback),
    );
    let last: { stats: LiveStats | null; state: LiveCameraState | null; notice: LiveNotice | null } = { stats: null, state: null, notice: null };
    const history = [{ atMs: performance.now(), shown: 0, received: 0, lost: 0 }];
    setError(null);
    setSummary(null);
    setHistogram(null);
    const tick = setInterval(() => {
      const now = performance.now();
      const received = last.stats?.received ?? 0;
      const lost = (last.stats?.replaced ?? 0) + (last.stats?.missed ?? 0) + pacer.replaced;
      const shown = pacer.shown;
      history.push({ atMs: now, shown, received, lost });
      while (history.length > 2 && history[1]!.atMs <= now - RATE_WINDOW_MS) history.shift();
      const window = history[0]!;
      const seconds = Math.max(0.001, (now - window.atMs) / 1000);
      setSummary({
        frameNumber: latest.current?.frameNumber ?? null,
        shownPerSecond: (shown - window.shown) / seconds,
        receivedPerSecond: (received - window.received) / seconds,
        droppedPerSecond: (lost - window.lost) / seconds,
        latency: pacer.latency,
        ...last,
      });
    }, mode === 'preview' ? PREVIEW_SUMMARY_EVERY_MS : SUMMARY_EVERY_MS);

    void (async () => {
      const watched = await call('live.watch', { rigId, serial, mode });
      if (!watched.ok) {
        if (!stopped) setError(watched.error);
        return;
      }
      watchId = watched.value.watchId;
      if (stopped) {
        void call('live.unwatch', { watchId });
        return;
      }
      while (!stopped) {
        const width = widthRef.current(latest.current);
        const answer = await call('live.frame', { watchId, waitMs: WAIT_MS, ...(width === undefined ? {} : { maxWidth: width }) });
        if (stopped) break;
        if (!answer.ok) {
          setError(answer.error);
          break;
        }
        const { frame, histogram: h, ...rest } = answer.value;
        last = rest;
        if (h) setHistogram(h);
        if (frame) pacer.offer(frame);
      }
    })();

    return () => {
      stopped = true;
      pacer.stop();
      clearInterval(tick);
      if (watchId) void call('live.unwatch', { watchId });
    };
  }, [call, rigId, serial, mode]);

  return { summary, error, latest, histogram };
}
