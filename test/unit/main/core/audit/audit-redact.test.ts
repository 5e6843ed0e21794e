import { describe, expect, it } from 'vitest';
import { redactSecrets, secretFieldNames } from '../../../../../src-main/core/audit/audit-redact';

describe('redactSecrets', () => {
  it('masks secret-named fields at any depth and cuts secret values out of strings', () => {
    expect(
      redactSecrets(
        { loopy_api_key: 'a', Password: 'b', list: [{ token: 'c' }], note: 'uses k3y-abcdef', value: Infinity },
        ['k3y-abcdef'],
      ),
    ).toEqual({ loopy_api_key: '***', Password: '***', list: [{ token: '***' }], note: 'uses ***', value: 'Infinity' });
  });

  it('names the secret-looking fields a change carries', () => {
    expect(secretFieldNames({ task_name: 'x', loopy_api_key: 'k', nested: [{ password: 'p' }] })).toEqual(['loopy_api_key', 'password']);
    expect(secretFieldNames({ task_name: 'x', value: 1 })).toEqual([]);
  });
});

describe('credentials inside URLs', () => {
  it('masks the password of a URL in any string argument, at any depth, and keeps the rest', () => {
    const args = {
      loopy_url: 'https://lab:hunter2@loopy.example.org/upload',
      note: 'copied to ftp://anna:s3cr%40t@10.0.0.5:21/data and then to https://loopy.example.org',
      list: [{ target: 'sftp://bob:pa:ss@store/x' }],
    };
    const out = JSON.stringify(redactSecrets(args));
    for (const secret of ['hunter2', 's3cr%40t', 'pa:ss']) expect(out).not.toContain(secret);
    expect(redactSecrets(args)).toEqual({
      loopy_url: 'https://lab:***@loopy.example.org/upload',
      note: 'copied to ftp://anna:***@10.0.0.5:21/data and then to https://loopy.example.org',
      list: [{ target: 'sftp://bob:***@store/x' }],
    });
  });

  it('masks secret-named query parameters of a URL', () => {
    expect(redactSecrets({ loopy_url: 'https://loopy.example.org/api?user=lab&api_key=abc123&token=t0k#top' })).toEqual({
      loopy_url: 'https://loopy.example.org/api?user=lab&api_key=***&token=***#top',
    });
  });

  it('leaves URLs without credentials alone', () => {
    for (const url of ['https://loopy.example.org/x?y=1', 'http://10.0.0.5:6083/api/1/version', 'mailto:lab@example.org']) {
      expect(redactSecrets({ url })).toEqual({ url });
    }
  });
});
