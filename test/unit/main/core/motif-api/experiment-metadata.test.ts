import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readExperimentMetadata } from '../../../../../src-main/core/motif-api/experiment-metadata';

describe('readExperimentMetadata', () => {
  const dir = mkdtempSync(join(tmpdir(), 'motif-meta-'));

  it('is empty without MOTIF_METADATA_JSON_PATH, as in the vendor client', async () => {
    expect(await readExperimentMetadata({})).toEqual({});
  });

  it('reads the JSON object the variable names, Infinity tokens included', async () => {
    const path = join(dir, 'meta.json');
    writeFileSync(path, '{"animal": "fly-7", "dose": 0.5, "limit": Infinity}');
    expect(await readExperimentMetadata({ MOTIF_METADATA_JSON_PATH: path })).toEqual({ animal: 'fly-7', dose: 0.5, limit: Infinity });
  });

  it('says which file is missing or broken', async () => {
    const broken = join(dir, 'broken.json');
    writeFileSync(broken, '{"animal": ');
    await expect(readExperimentMetadata({ MOTIF_METADATA_JSON_PATH: broken })).rejects.toThrow(/broken\.json is not valid JSON/);
    await expect(readExperimentMetadata({ MOTIF_METADATA_JSON_PATH: join(dir, 'nope.json') })).rejects.toThrow(/ENOENT/);
  });
});
