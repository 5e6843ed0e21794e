/** Takes <file>'s lock and keeps it until killed. */
import { withFileLock } from '../../../../src-main/core/files/file-lock';

const [file] = process.argv.slice(2) as [string];
await withFileLock(file, async () => {
  process.stdout.write('locked\n');
  await new Promise(() => setInterval(() => {}, 1000)); // never lets go, and keeps the process alive
});
