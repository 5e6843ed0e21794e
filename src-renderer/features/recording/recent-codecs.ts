const KEY = 'motif-control-recent-codecs';
const MAX = 10;

/** Codec names this user typed before: suggestions only, since codec names are each rig's own configuration. */
export function recentCodecs(): string[] {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(KEY) ?? '[]');
    return Array.isArray(parsed) ? parsed.filter((c): c is string => typeof c === 'string') : [];
  } catch {
    return [];
  }
}

export function rememberCodec(codec: string): void {
  if (!codec) return;
  localStorage.setItem(KEY, JSON.stringify([codec, ...recentCodecs().filter((c) => c !== codec)].slice(0, MAX)));
}
