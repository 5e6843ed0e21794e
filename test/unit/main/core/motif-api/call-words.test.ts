import { describe, expect, it } from 'vitest';
import { callPhrase, requestInWords, rigMessageInWords } from '../../../../../src-main/core/motif-api/call-words';
import { OPERATIONS } from '../../../../../src-main/core/motif-api/operation-table';

describe('calls in words', () => {
  it('names an operation by its words from the table, mid-sentence', () => {
    expect(callPhrase('camera/FAKE1/recording/start')).toBe('start recording on camera FAKE1');
    expect(requestInWords('recording/stop')).toBe('the request to stop recording on all cameras');
    expect(requestInWords('no/such/thing')).toBe('the request "no/such/thing"');
  });

  it("words a rig's message: a disconnected camera says where to connect it, paths become summaries", () => {
    expect(rigMessageInWords('camera FAKE1 is not connected; use multicam/connect_camera first')).toBe('camera FAKE1 is disconnected: connect it in Multicam');
    expect(rigMessageInWords('camera FAKE0, FAKE1 is not connected')).toBe('cameras FAKE0, FAKE1 are disconnected: connect them in Multicam');
    expect(rigMessageInWords('Camera FAKE2 is disconnected')).toBe('camera FAKE2 is disconnected: connect it in Multicam');
    expect(rigMessageInWords("unknown codec 'nope' (configured codecs: high, low)")).toBe("unknown codec 'nope' (configured codecs: high, low)");
    expect(rigMessageInWords('try schedule/clear')).toBe('try "delete all scheduled tasks"');
  });
});

describe('a call whose arguments are not known', () => {
  it('is worded without "undefined" (a failure, the Outbox or the audit may word it without its body)', () => {
    for (const [name, spec] of Object.entries(OPERATIONS)) {
      for (const template of [spec.path.rig, spec.path.camera]) {
        if (template === undefined) continue;
        const endpoint = template.replace(/<[a-z_]+>/g, 'nosuch');
        for (const args of [undefined, {}, { value: undefined }]) expect(callPhrase(endpoint, args), `${name} ${endpoint}`).not.toMatch(/undefined/);
      }
    }
    expect(callPhrase('io/nosuch/set')).toBe('set output nosuch on the rig');
    expect(callPhrase('io/nosuch/set', { value: 1 })).toBe('set output nosuch on the rig to 1');
  });
});
