import { describe, expect, it } from 'vitest';
import { makeDispatch } from '../../../../../src-main/core/dispatch';
import { ok } from '../../../../../src-main/contract/errors';
import { silentLogger } from '../../../../../src-main/core/logger';
import { draftErrors, protocolIssues } from '../../../../../src-renderer/features/protocols/draft-errors';

/** The editor's field errors come from the core's own refusal of the draft, through the real dispatch. */
async function refusal(protocol: unknown) {
  const dispatch = makeDispatch({ 'protocols.plan': async () => ok({ lanes: [] }) }, silentLogger);
  const r = await dispatch('protocols.plan', { ref: { protocol }, from: '2026-12-01T00:00:00Z', until: '2026-12-02T00:00:00Z' });
  if (r.ok) throw new Error('expected the draft to be refused');
  return r.error;
}

describe('protocol draft errors', () => {
  it('puts each problem of the draft next to its field as a sentence, and lists them by the editor\'s labels', async () => {
    const error = await refusal({ version: 1, name: 'p', recordings: [{ when: { times: ['25:00'] }, durationSeconds: null }] });
    const errors = draftErrors(protocolIssues(error, ['ref', 'protocol']) ?? []);
    expect(errors.at(['recordings', 0, 'durationSeconds'])).toBe('Needs a length of time, like 30 min or 1h30m.');
    expect(errors.at(['recordings', 0, 'when', 'times', 0])).toMatch(/^Must be a time of day written HH:MM.*\.$/);
    expect(errors.at(['name'])).toBeUndefined();
    expect(errors.all).toContain('Recording 1, duration needs a length of time, like 30 min or 1h30m.');
    expect(errors.all).toContainEqual(expect.stringMatching(/^Recording 1, time 1 must be a time of day/));
  });

  it('says an emptied name of an action\'s output in words, at the field and in the list', async () => {
    const error = await refusal({
      version: 1,
      name: 'p',
      recordings: [{ when: { times: ['09:00'] }, durationSeconds: 60, actions: [{ after: { at: 5 }, do: { kind: 'output', output: '', value: 1 } }] }],
    });
    const errors = draftErrors(protocolIssues(error, ['ref', 'protocol']) ?? []);
    expect(errors.at(['recordings', 0, 'actions', 0, 'do', 'output'])).toBe('Must not be empty.');
    expect(errors.all).toEqual(['Recording 1, action 1, output must not be empty.']);
  });

  it('is not about the draft when the refusal concerns other arguments', async () => {
    const dispatch = makeDispatch({ 'protocols.plan': async () => ok({ lanes: [] }) }, silentLogger);
    const r = await dispatch('protocols.plan', { ref: { name: 'p' }, from: 'yesterday', until: '2026-12-02T00:00:00Z' });
    expect(!r.ok && protocolIssues(r.error, ['ref', 'protocol'])).toBeNull();
  });
});
