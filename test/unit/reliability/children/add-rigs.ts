/** Adds rigs named <prefix>-<i> to the rig list in <configDir>, as the app or motifctl would; prints what it did. */
import { confStoreFactory } from '../../../../src-main/core/registry/conf-store-factory';
import { ConfigFile } from '../../../../src-main/core/registry/config-file';
import { RigRegistry } from '../../../../src-main/core/registry/rig-registry';
import { NoticeBoard } from '../../../../src-main/core/notice-board';
import { waitUntil } from '../run-child';

const [configDir, prefix, count, startAt] = process.argv.slice(2) as [string, string, string, string];
const registry = new RigRegistry(new ConfigFile({ configDir, factory: confStoreFactory, notices: new NoticeBoard() }));
await waitUntil(Number(startAt));
const errors: string[] = [];
let added = 0;
for (let i = 0; i < Number(count); i++) {
  try {
    registry.add({ name: `${prefix}-${i}`, host: `${prefix}-${i}.lab.test` });
    added++;
  } catch (e) {
    errors.push(e instanceof Error ? e.message : String(e));
  }
}
process.stdout.write(`${JSON.stringify({ added, errors })}\n`);
