/**
 * Browser mode's WebSocket frames, written and read the same way by the core
 * (src-main/core/browser-mode/ws-transport.ts) and the page (src-renderer/transport/ws-bridge.ts).
 * Plain JSON turns ±Infinity (an output toggle) into null, so non-finite numbers travel tagged.
 * A frame holding bytes (a live view's pixels) travels as one binary message instead of
 * base64 in JSON: a 4-byte little-endian length, the JSON (bytes replaced by tags giving
 * offset and length), padding to 8 bytes, then the bytes, each part 8-byte aligned so the
 * page can view them as 16-bit pixels without copying.
 */
const TAG = '$motif:number';
const BYTES_TAG = '$motif:bytes';
const ALIGN = 8;

/** A frame without bytes (the page's calls), as text. */
export function encodeFrame(value: unknown): string {
  const encoded = encodeAnyFrame(value);
  if (typeof encoded !== 'string') throw new TypeError('this frame holds bytes: send it with encodeAnyFrame');
  return encoded;
}

/** Any frame: text when it holds no bytes, else one binary message. */
export function encodeAnyFrame(value: unknown): string | Uint8Array {
  const parts: Uint8Array[] = [];
  let offset = 0;
  // Bytes are swapped for tags before JSON.stringify sees them: it would call a Node Buffer's
  // toJSON, which spells out every byte as a number (a frame's megabytes, slowly).
  const tagged = mapBytes(value, (bytes) => {
    const tag = { [BYTES_TAG]: [offset, bytes.byteLength] };
    parts.push(bytes);
    offset += align(bytes.byteLength);
    return tag;
  });
  const json = JSON.stringify(tagged, (_key, v: unknown) => (typeof v === 'number' && !Number.isFinite(v) ? { [TAG]: String(v) } : v));
  if (parts.length === 0) return json;
  const head = new TextEncoder().encode(json);
  const start = align(4 + head.byteLength);
  const out = new Uint8Array(start + offset);
  new DataView(out.buffer).setUint32(0, head.byteLength, true);
  out.set(head, 4);
  let at = start;
  for (const part of parts) {
    out.set(part, at);
    at += align(part.byteLength);
  }
  return out;
}

/** A copy of plain objects and arrays with every byte array replaced; anything else as is. */
function mapBytes(value: unknown, replace: (bytes: Uint8Array) => unknown): unknown {
  if (value instanceof Uint8Array) return replace(value);
  if (Array.isArray(value)) return value.map((v) => mapBytes(v, replace));
  if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, mapBytes(v, replace)]));
  }
  return value;
}

export function decodeFrame(data: string | ArrayBuffer | Uint8Array): unknown {
  if (typeof data === 'string') return parse(data, null);
  const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
  if (bytes.byteLength < 4) throw new Error('binary frame too short');
  const length = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(0, true);
  if (4 + length > bytes.byteLength) throw new Error('binary frame shorter than its header says');
  const text = new TextDecoder().decode(bytes.subarray(4, 4 + length));
  return parse(text, bytes.subarray(align(4 + length)));
}

function parse(text: string, body: Uint8Array | null): unknown {
  return JSON.parse(text, (_key, v: unknown) => {
    if (v !== null && typeof v === 'object' && !Array.isArray(v) && Object.keys(v).length === 1) {
      const record = v as Record<string, unknown>;
      const tagged = record[TAG];
      if (typeof tagged === 'string') return Number(tagged);
      const span = record[BYTES_TAG];
      if (body && Array.isArray(span) && typeof span[0] === 'number' && typeof span[1] === 'number') {
        if (span[0] + span[1] > body.byteLength) throw new Error('binary frame shorter than its parts');
        return body.subarray(span[0], span[0] + span[1]);
      }
    }
    return v;
  });
}

function align(n: number): number {
  return Math.ceil(n / ALIGN) * ALIGN;
}
