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
