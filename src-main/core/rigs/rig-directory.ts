import type { RigSummary } from '../../contract/requests';

/** What the handlers need to know about configured rigs. */
export interface RigDirectory {
  list(): RigSummary[];
}

/** Rigs held for this run only (tests, and until the persistent registry is wired in). */
export class MemoryRigDirectory implements RigDirectory {
  constructor(private readonly rigs: RigSummary[] = []) {}
  list(): RigSummary[] {
    return this.rigs.map((r) => ({ ...r, tags: [...r.tags] }));
  }
}
