import { describe, expect, it } from 'vitest';
import {
  classifyHttpFailure,
  classifyTransportFailure,
  errorCodesOf,
  isConnectionDropped,
  type CallContext,
} from '../../../../../src-main/core/motif-api/failure-mapping';
import { FingerprintMismatchError } from '../../../../../src-main/core/motif-api/rig-call-error';

const ctx: CallContext = {
  rig: '10.0.0.5:6083',
  endpoint: 'recording/start',
  method: 'POST',
  connectTimeoutMs: 10_000,
  responseTimeoutMs: 2_500,
  scrub: (t) => t.split('secretkey123').join('***'),
};
const sysError = (code: string) => Object.assign(new Error(code), { code });

describe('classifyTransportFailure', () => {
  it.each([
    ['ECONNREFUSED', 'rig-unreachable', /connection refused/],
    ['ENOTFOUND', 'rig-unreachable', /name lookup failed/],
    ['ECONNRESET', 'rig-unreachable', /closed the connection.*may or may not/],
    ['UND_ERR_SOCKET', 'rig-unreachable', /closed the connection/],
    ['UND_ERR_CONNECT_TIMEOUT', 'rig-timeout', /did not accept a connection within 10 s/],
    ['UND_ERR_HEADERS_TIMEOUT', 'rig-timeout', /did not answer the request to start recording on all cameras within 2\.5 s/],
    ['UND_ERR_BODY_TIMEOUT', 'rig-timeout', /did not answer/],
    ['DEPTH_ZERO_SELF_SIGNED_CERT', 'tls-untrusted', /not trust.*certificate file.*fingerprint/],
    ['UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'tls-untrusted', /not trust/],
    ['CERT_HAS_EXPIRED', 'tls-untrusted', /does not trust \(it has expired\)/],
  ])('%s -> %s', (code, expected, message) => {
    const e = classifyTransportFailure(sysError(code), ctx);
    expect(e.code).toBe(expected);
    expect(e.message).toMatch(message);
    expect(e.details).toMatchObject({ rig: '10.0.0.5:6083', endpoint: 'recording/start', causeCode: code });
  });

  it.each(['UND_ERR_INVALID_ARG', 'ERR_INVALID_CHAR', 'ERR_INVALID_HTTP_TOKEN', 'UND_ERR_NOT_SUPPORTED'])(
    '%s (refused on this computer before sending) -> invalid-args, never unreachable',
    (code) => {
      const e = classifyTransportFailure(Object.assign(new Error('invalid x-api-key header'), { code }), ctx);
      expect(e.code).toBe('invalid-args');
      expect(e.message).toMatch(/not sent/);
      expect(e.toMotifError()).toMatchObject({ code: 'invalid-args', details: { causeCode: code } });
    },
  );

  it.each(['ERR_SSL_WRONG_VERSION_NUMBER', 'ERR_SSL_PACKET_LENGTH_TOO_LONG', 'ERR_SSL_HTTP_REQUEST'])(
    '%s (the port speaks plain HTTP) is said as such, not as an untrusted certificate',
    (code) => {
      const e = classifyTransportFailure(sysError(code), ctx);
      expect(e.code).toBe('rig-bad-response');
      expect(e.message).toMatch(/answers plain HTTP, not HTTPS/);
      expect(e.message).not.toMatch(/certificate/);
    },
  );

  it('finds the code inside a cause chain and inside happy-eyeballs aggregates', () => {
    const wrapped = new Error('outer', { cause: sysError('ECONNREFUSED') });
    expect(classifyTransportFailure(wrapped, ctx).code).toBe('rig-unreachable');
    const aggregate = new AggregateError([sysError('ETIMEDOUT'), sysError('ECONNREFUSED')], 'all failed');
    expect(errorCodesOf(aggregate)).toEqual(['ETIMEDOUT', 'ECONNREFUSED']);
  });

  it('says a pinned certificate changed, with both fingerprints', () => {
    const expected = 'AA:'.repeat(31) + 'AA';
    const actual = 'BB:'.repeat(31) + 'BB';
    const e = classifyTransportFailure(new FingerprintMismatchError(expected, actual), ctx);
    expect(e.code).toBe('tls-fingerprint-changed');
    expect(e.message).toContain(expected);
    expect(e.message).toContain(actual);
    expect(e.message).toMatch(/posing as the rig/);
    expect(e.toMotifError().details).toMatchObject({ expectedFingerprint: expected, actualFingerprint: actual });
  });

  it('names a read differently from a command when the connection drops', () => {
    const read = classifyTransportFailure(sysError('ECONNRESET'), { ...ctx, method: 'GET', endpoint: 'cameras' });
    expect(read.message).toMatch(/try again/);
    expect(read.message).not.toMatch(/may or may not/);
  });

  it('only counts dropped connections as retryable', () => {
    expect(isConnectionDropped(sysError('ECONNRESET'))).toBe(true);
    expect(isConnectionDropped(sysError('UND_ERR_SOCKET'))).toBe(true);
    expect(isConnectionDropped(sysError('ECONNREFUSED'))).toBe(false);
    expect(isConnectionDropped(sysError('UND_ERR_HEADERS_TIMEOUT'))).toBe(false);
  });
});

describe('classifyHttpFailure', () => {
  it('reports 401 and 403 as a rejected key, quoting the rig without the key', () => {
    for (const status of [401, 403]) {
      const e = classifyHttpFailure(status, '{"error": "bad key secretkey123", "status_code": 401}', ctx);
      expect(e.code).toBe('key-rejected');
      expect(e.message).not.toContain('secretkey123');
      expect(e.details.rigMessage).toBe('bad key ***');
      expect(e.details.httpStatus).toBe(status);
    }
  });

  it("carries the rig's message and status for an API error", () => {
    const e = classifyHttpFailure(500, '{"error": "camera FAKE9 not found", "status_code": 500}', ctx);
    expect(e.code).toBe('rig-error');
    expect(e.message).toBe('The rig at 10.0.0.5:6083 did not start recording on all cameras: camera FAKE9 not found.');
    expect(e.toMotifError()).toMatchObject({ code: 'rig-error', details: { httpStatus: 500, rigMessage: 'camera FAKE9 not found' } });
  });

  it('words a refusal as people say it: the operation, not its path; a disconnected camera says where to connect it', () => {
    const e = classifyHttpFailure(409, '{"error": "camera FAKE1 is not connected; use multicam/connect_camera first", "status_code": 409}', { ...ctx, endpoint: 'camera/FAKE1/recording/start' });
    expect(e.message).toBe('The rig at 10.0.0.5:6083 did not start recording on camera FAKE1: camera FAKE1 is disconnected: connect it in Multicam.');
    const other = classifyHttpFailure(400, '{"error": "see schedule/clear", "status_code": 400}', ctx);
    expect(other.message).toBe('The rig at 10.0.0.5:6083 did not start recording on all cameras: see "delete all scheduled tasks".');
    for (const m of [e.message, other.message]) expect(m).not.toMatch(/\w\/\w|HTTP \d/);
  });

  it('calls a body that is not error JSON an unknown API error', () => {
    for (const body of ['<html>oops</html>', '', '[1,2]']) {
      const e = classifyHttpFailure(502, body, ctx);
      expect(e.code).toBe('rig-bad-response');
      expect(e.message).toMatch(/unknown API error/);
    }
  });
});
