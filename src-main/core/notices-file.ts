/** Reading `notices.json`: what it holds, or why it cannot be used and what of it can be kept. */
import { AppNotice } from '../contract/requests/app';

export type Notice = AppNotice;

/**
 * A notices file larger than this is set aside unread: a bounded list of 1,000 is far smaller,
 * and reading a bigger one would hold up the start (50 MB takes about half a second to parse).
 */
export const MAX_NOTICES_FILE_BYTES = 16 * 1024 * 1024;

export interface KeptNotices {
  notices: Notice[];
  dismissed: string[];
}

export type ParsedNotices = ({ ok: true } & KeptNotices) | ({ ok: false; reason: string; lost: number } & KeptNotices);

/**
 * The file's notices and dismissed ids. A damaged file (cut short, not JSON, not a notices
 * file, an entry that is not a notice) is reported with the entries that could still be read,
 * so one bad entry loses only itself.
 */
export function parseNotices(text: string): ParsedNotices {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    const reason = text.trimStart().startsWith('{') ? 'it is cut short or not valid JSON' : 'it is not JSON';
    return { ok: false, reason, notices: [], dismissed: [], lost: 0 };
  }
  if (!isRecord(raw) || raw.version !== 1 || !Array.isArray(raw.notices) || !Array.isArray(raw.dismissed)) {
    return { ok: false, reason: 'it does not hold notices (version 1 with a list of notices and of dismissed ids)', notices: [], dismissed: [], lost: 0 };
  }
  const notices: Notice[] = [];
  let lost = 0;
  for (const candidate of raw.notices) {
    const notice = AppNotice.safeParse(candidate);
    if (notice.success) notices.push(notice.data);
    else lost++;
  }
  const dismissed = raw.dismissed.filter((id): id is string => typeof id === 'string');
  const badIds = raw.dismissed.length - dismissed.length;
  if (lost === 0 && badIds === 0) return { ok: true, notices, dismissed };
  const parts = [lost > 0 ? `${lost} of its ${raw.notices.length} notices are not notices` : '', badIds > 0 ? `${badIds} dismissed ids are not text` : ''];
  return { ok: false, reason: parts.filter(Boolean).join(' and '), notices, dismissed, lost };
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** What makes two notices say the same (level, rig, camera, words), as one string for a Set. */
export function sayingKey(n: Notice): string {
  // NUL cannot be in a rig id or serial; plain joining is many times faster than JSON on a big file.
  return `${n.level}\u0000${n.rigId ?? '\u0001'}\u0000${n.serial ?? '\u0001'}\u0000${n.message}`;
}

/** Oldest first, the first of those that say the same kept: linear in the list, whatever its size. */
export function oldestFirstOnce(notices: Notice[]): Notice[] {
  // ISO times compare as plain strings; localeCompare is far slower on a big file.
  const sorted = [...notices].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  const seen = new Set<string>();
  return sorted.filter((n) => {
    const key = sayingKey(n);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
