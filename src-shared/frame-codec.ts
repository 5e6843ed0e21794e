/**
 * JSON for browser mode's WebSocket frames, written and read the same way by the core
 * (src-main/core/browser-mode/ws-transport.ts) and the page (src-renderer/transport/ws-bridge.ts).
 * Plain JSON turns ±Infinity (an output toggle) into null, so non-finite numbers travel tagged.
 */
const TAG = '$motif:number';

export function encodeFrame(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    typeof v === 'number' && !Number.isFinite(v) ? { [TAG]: String(v) } : v,
  );
}

export function decodeFrame(text: string): unknown {
  return JSON.parse(text, (_key, v: unknown) => {
    if (v !== null && typeof v === 'object' && !Array.isArray(v)) {
      const tagged = (v as Record<string, unknown>)[TAG];
      if (typeof tagged === 'string' && Object.keys(v).length === 1) return Number(tagged);
    }
    return v;
  });
}
