import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { confSchema } from '../../../../../src-main/core/registry/rig-schema';

// The store skips checking its schema against the meta-schema at every start; this checks it once.
describe('the config store schema', () => {
  it('is valid JSON Schema (draft 2020-12), as the store compiles it', () => {
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    const schema = { type: 'object', properties: confSchema() };
    expect(ajv.validateSchema(schema)).toBe(true);
    expect(ajv.errors ?? null).toBeNull();
    expect(() => ajv.compile(schema)).not.toThrow();
  });
});
