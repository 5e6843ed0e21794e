import { describe, expect, it } from 'vitest';
import { decodeFrame, encodeAnyFrame, encodeFrame } from '../../../src-shared/frame-codec';

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

describe('WebSocket frame codec with bytes', () => {
  it('sends bytes as one binary message and reads them back in place, 8-byte aligned', () => {
    const pixels = Buffer.from([1, 2, 3, 4, 5]);
    const wide = new Uint8Array(new Uint16Array([1000, 4095, 7]).buffer);
    const value = { id: 3, result: { ok: true, value: { frame: { pixels, n: 7 }, other: wide, led: Infinity } } };
    expect(() => encodeFrame(value)).toThrow(/bytes/);
    const encoded = encodeAnyFrame(value);
    expect(encoded).toBeInstanceOf(Uint8Array);
    const decoded = decodeFrame(encoded) as { result: { value: { frame: { pixels: Uint8Array; n: number }; other: Uint8Array; led: number } } };
    expect([...decoded.result.value.frame.pixels]).toEqual([1, 2, 3, 4, 5]);
    expect(decoded.result.value.frame.n).toBe(7);
    expect(decoded.result.value.led).toBe(Infinity);
    const other = decoded.result.value.other;
    expect(other.byteOffset % 8).toBe(0);
    expect([...new Uint16Array(other.buffer, other.byteOffset, other.byteLength / 2)]).toEqual([1000, 4095, 7]);
  });
  it('never spells a Node Buffer out as numbers (its toJSON) on the way', () => {
    const pixels = Buffer.alloc(1024, 7);
    pixels.toJSON = () => {
      throw new Error('spelled out byte by byte');
    };
    const decoded = decodeFrame(encodeAnyFrame({ frame: { pixels } })) as { frame: { pixels: Uint8Array } };
    expect(decoded.frame.pixels.byteLength).toBe(1024);
  });
  it('refuses a binary message cut short', () => {
    const encoded = encodeAnyFrame({ pixels: new Uint8Array(100) });
    expect(() => decodeFrame((encoded as Uint8Array).subarray(0, 30))).toThrow(/shorter/);
  });
});
