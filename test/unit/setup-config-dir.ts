import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// No test reads or writes the config folder of whoever runs the tests (their rigs, keys'
// places, notices): each test file starts with a folder of its own. Tests that need a
// particular folder still pass it, or set the variable, themselves.
process.env.MOTIF_CONTROL_CONFIG_DIR = mkdtempSync(join(tmpdir(), 'motif-test-config-'));
