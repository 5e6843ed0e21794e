import { HISTOGRAM_BINS, type LiveFrame, type LiveHistogram } from '../../contract/requests/live';

export { HISTOGRAM_BINS };

/**
 * Intensity histogram of a frame, sampling at most `maxSamples` pixels evenly. RGB reads
 * green (closest to brightness), a Bayer mosaic its raw values. The receiver runs it a few
 * times a second on whole frames (before a preview or a fitted view is binned, which would
 * average single saturated pixels away), apart from drawing.
 */
export function computeHistogram(frame: Pick<LiveFrame, 'width' | 'height' | 'pixelFormat' | 'pixels'>, maxSamples = 200_000): LiveHistogram {
  const count = frame.width * frame.height;
  const step = Math.max(1, Math.floor(count / maxSamples));
  const wide = frame.pixelFormat === 'mono16';
  const top = wide ? 65535 : 255;
  const stride = frame.pixelFormat === 'rgb8' ? 3 : 1;
  const offset = frame.pixelFormat === 'rgb8' ? 1 : 0;
  const p = frame.pixels;
  const values: number[] = [];
  let max = 0;
  for (let i = 0; i < count; i += step) {
    const v = wide ? p[i * 2]! | (p[i * 2 + 1]! << 8) : p[i * stride + offset]!;
    values.push(v);
    if (v > max) max = v;
  }
  // mono16 cameras mostly use 10 or 12 bits: the range is what the levels reach, in whole bits.
  const range = wide ? 2 ** Math.max(8, Math.ceil(Math.log2(max + 1))) - 1 : top;
  const bins = new Array<number>(HISTOGRAM_BINS).fill(0);
  let sum = 0;
  let saturated = 0;
  for (const v of values) {
    bins[Math.min(HISTOGRAM_BINS - 1, Math.floor((v / (range + 1)) * HISTOGRAM_BINS))]! += 1;
    sum += v;
    if (v >= range) saturated += 1;
  }
  const n = Math.max(1, values.length);
  return { bins, saturated: saturated / n, mean: sum / n / range, max };
}
