/** Entry point of the motif-sim binary; the logic lives in cli.ts. */
import { main } from './cli';

void main();
