import { describe, expect, it } from 'vitest';
import { ok } from '../../../../src-main/contract/errors';
import { makeDispatch } from '../../../../src-main/core/dispatch';
import type { Handlers } from '../../../../src-main/core/dispatch';
import { silentLogger } from '../../../../src-main/core/logger';

/** zod's own phrasing: none of it may reach a person. */
const ZOD_WORDS = /Too (small|big)|expected (string|number|array|int|boolean|object)|>=|<=|Invalid (input|option|key|element)|Unrecognized key|received/;

/** What the protocol editor sends while someone types: a draft with fields emptied and mistyped. */
const DRAFT = {
  version: 1,
  name: 'p',
  recordings: [
    {
      when: { times: ['09:00'] },
      durationSeconds: 1.5,
      codec: '',
      filename: '',
      cameras: [],
      actions: [
        { after: { at: 2 }, do: { kind: 'output', output: '', value: 'x' } },
        { after: { every: 30, from: null }, do: { kind: 'configure', parameter: '', value: null } },
      ],
    },
  ],
  actions: [{ when: { times: ['17:00'] }, do: { kind: 'copy', location: '' }, cameras: [] }],
  seed: -1,
  extra: true,
};

describe('validation problems in the app\'s words', () => {
  it('says every problem of a protocol draft as the end of a sentence naming the field, never in zod\'s words', async () => {
    const handlers: Partial<Handlers> = { 'protocols.plan': async () => ok({ lanes: [] }) };
    const dispatch = makeDispatch(handlers, silentLogger);
    const r = await dispatch('protocols.plan', { ref: { protocol: DRAFT }, from: '2026-12-01T00:00:00Z', until: '2026-12-02T00:00:00Z' });
    expect(r.ok).toBe(false);
    const issues = (!r.ok && Array.isArray(r.error.details?.issues) ? r.error.details.issues : []) as { path: string[]; message: string }[];
    expect(issues.length).toBeGreaterThan(5);
    for (const issue of issues) expect(issue.message, issue.path.join('.')).not.toMatch(ZOD_WORDS);
    const at = (...path: string[]) => issues.find((i) => i.path.join('.') === ['ref', 'protocol', ...path].join('.'))?.message;
    expect(at('recordings', '0', 'durationSeconds')).toBe('needs a whole number');
    expect(at('recordings', '0', 'codec')).toBe('must not be empty');
    expect(at('recordings', '0', 'cameras')).toBe('needs at least one entry');
    expect(at('recordings', '0', 'actions', '0', 'do', 'output')).toBe('must not be empty');
    expect(at('seed')).toBe('must be at least 0');
    expect(at()).toBe('has a field this app does not know ("extra"): remove it');
  });
});
