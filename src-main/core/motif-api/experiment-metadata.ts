import { readFile } from 'node:fs/promises';
import { parseWire } from '../python-json';
import type { WireObject } from './operation-table';

/**
 * Experiment metadata of a script run as a Motif experiment: the JSON file named by
 * MOTIF_METADATA_JSON_PATH. `{}` when the variable is unset, as in the vendor client.
 */
export async function readExperimentMetadata(
  env: Record<string, string | undefined> = process.env,
): Promise<WireObject> {
  const path = env.MOTIF_METADATA_JSON_PATH;
  if (!path) return {};
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    throw new Error(`Cannot read the experiment metadata file ${path} (${(e as NodeJS.ErrnoException).code ?? e}).`);
  }
  let parsed: unknown;
  try {
    parsed = parseWire(text);
  } catch {
    throw new Error(`The experiment metadata file ${path} is not valid JSON.`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new Error(`The experiment metadata file ${path} must hold a JSON object.`);
  }
  return parsed as WireObject;
}
