/**
 * Reliability: a crash mid-line leaves the audit log's last line torn. Every entry written
 * after it (by this process or a new one) must still be read, and the torn lines counted.
 */
import { appendFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { AuditLog } from '../../../src-main/core/audit/audit-log';
import { auditHandlers } from '../../../src-main/core/audit/audit-handlers';
import { auditEntry } from '../main/core/audit/audit-fixture';

const TRIALS = 40;
const APPENDS_AFTER_EACH = 3;
const configDir = mkdtempSync(join(tmpdir(), 'motif-reliability-audit-'));
afterAll(() => rmSync(configDir, { recursive: true, force: true }));

/** A small deterministic generator, so a failure repeats. */
function random(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2 ** 31;
    return s / 2 ** 31;
  };
}

describe('reliability: torn audit lines', () => {
  it('loses no entry written after a torn line, and reports every torn line', async () => {
    const next = random(11);
    let log = new AuditLog({ configDir });
    let n = 0;
    const written: string[] = [];
    const write = async () => {
      const entry = auditEntry(n++);
      written.push(String(entry.args.filename));
      await log.append(entry);
    };
    await write();
    for (let trial = 0; trial < TRIALS; trial++) {
      // The crash: part of a line, no newline. Half the time a new process writes next.
      const line = JSON.stringify(auditEntry(10_000 + trial));
      appendFileSync(log.currentPath, line.slice(0, 1 + Math.floor(next() * (line.length - 2))));
      if (next() < 0.5) log = new AuditLog({ configDir });
      for (let i = 0; i < APPENDS_AFTER_EACH; i++) await write();
    }
    const scan = await new AuditLog({ configDir }).scan();
    const read = new Set(scan.entries.map((e) => String(e.args.filename)));
    const lost = written.filter((name) => !read.has(name)).length;
    const query = await auditHandlers(log)['audit.query']({ limit: 10_000 });
    const reported = query.ok ? (query.value.unreadable ?? 0) : -1;
    console.log(
      `audit torn lines: ${TRIALS} torn, ${written.length} appended around them, ${lost} lost, ` +
        `${scan.entries.length} read, ${reported} reported unreadable`,
    );
    expect(lost).toBe(0);
    expect(scan.entries).toHaveLength(written.length);
    expect(reported).toBe(TRIALS);
  });
});
