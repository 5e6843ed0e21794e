import { describe, expect, it } from 'vitest';
import { decodeFrame, encodeFrame } from '../../../../../src-main/core/browser-mode/frame-codec';
import * as rendererSide from '../../../../../src-renderer/transport/ws-bridge';

const frame = { id: 7, result: { ok: true, value: { led: Infinity, other: -Infinity, nan: NaN, n: 1.5, s: 'Infinity' } } };

describe('WebSocket frame codec', () => {
  it('keeps non-finite numbers that plain JSON would turn into null', () => {
    expect(decodeFrame(encodeFrame(frame))).toEqual(frame);
  });
  it('is understood the same way by main and renderer in both directions', () => {
    expect(rendererSide.decodeFrame(encodeFrame(frame))).toEqual(frame);
    expect(decodeFrame(rendererSide.encodeFrame(frame))).toEqual(frame);
    expect(rendererSide.encodeFrame(frame)).toBe(encodeFrame(frame));
  });
  it('leaves objects that merely contain the tag among other keys alone', () => {
    const v = { '$motif:number': 'Infinity', extra: 1 };
    expect(decodeFrame(encodeFrame(v))).toEqual(v);
  });
});
