import { describe, expect, it } from 'vitest';
import { decodeFrame, encodeFrame } from '../../../src-shared/frame-codec';

const frame = { id: 7, result: { ok: true, value: { led: Infinity, other: -Infinity, nan: NaN, n: 1.5, s: 'Infinity' } } };

// Main (browser-mode/ws-transport) and the renderer (transport/ws-bridge) both use this one codec.
describe('WebSocket frame codec', () => {
  it('keeps non-finite numbers that plain JSON would turn into null', () => {
    expect(decodeFrame(encodeFrame(frame))).toEqual(frame);
  });
  it('reads back what it writes in both directions', () => {
    const text = encodeFrame(frame);
    expect(decodeFrame(text)).toEqual(frame);
    expect(encodeFrame(decodeFrame(text))).toBe(text);
  });
  it('leaves objects that merely contain the tag among other keys alone', () => {
    const v = { '$motif:number': 'Infinity', extra: 1 };
    expect(decodeFrame(encodeFrame(v))).toEqual(v);
  });
});
