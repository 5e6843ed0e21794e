/**
 * Where React's render time goes, component by component, for `bench/fleet.ts --react-profile`
 * (the renderer built with MOTIF_RENDERER_PROFILE=1 MOTIF_RENDERER_MINIFY=0). A stand-in for
 * the React DevTools hook receives each commit and times the components that rendered in it,
 * named with the app component they sit in ("Box in RigActions"). Times are wall-clock render
 * time (React's own `actualDuration`), commit phase excluded.
 */

export interface ReactCommit {
  at: number;
  totalMs: number;
  byComponent: Record<string, number>;
}

/** Installed before the page's scripts (`page.addInitScript`); records while `window.__reactRecord` is true. */
export const REACT_COMMIT_HOOK = `
window.__reactCommits = [];
window.__REACT_DEVTOOLS_GLOBAL_HOOK__ = {
  supportsFiber: true, renderers: new Map(), inject() { return 1; }, checkDCE() {}, onCommitFiberUnmount() {}, onPostCommitFiberRoot() {},
  onCommitFiberRoot(id, root) {
    if (!window.__reactRecord) return;
    const nameOf = (t) => typeof t === 'string' ? '<' + t + '>' : (t && (t.displayName || t.name || (t.type && (t.type.displayName || t.type.name)) || (t.render && (t.render.displayName || t.render.name)))) || '';
    // A fiber left alone by this commit is the same object as in the last one; one that rendered is its other copy.
    const before = window.__reactFibers || new WeakSet();
    const now = new WeakSet();
    const byComponent = {};
    let totalMs = 0;
    const walk = (first) => {
      for (let f = first; f; f = f.sibling) {
        now.add(f);
        if (!before.has(f) && typeof f.actualDuration === 'number') {
          let children = 0;
          for (let c = f.child; c; c = c.sibling) if (!before.has(c)) children += c.actualDuration || 0;
          const self = Math.max(0, f.actualDuration - children);
          let owner = f.return;
          let app = '';
          while (owner && !app) {
            const n = typeof owner.type === 'string' ? '' : nameOf(owner.type);
            if (n && !n.startsWith('@mantine')) app = n;
            owner = owner.return;
          }
          const key = (nameOf(f.type) || '?') + (app ? ' in ' + app : '');
          byComponent[key] = (byComponent[key] || 0) + self;
          totalMs += self;
        }
        if (f.child) walk(f.child);
      }
    };
    walk(root.current.child);
    window.__reactFibers = now;
    window.__reactCommits.push({ at: performance.now(), totalMs, byComponent });
  },
};
`;

export const START_RECORDING_COMMITS = 'window.__reactRecord = true; window.__reactCommits = []';
export const RECORDED_COMMITS = 'window.__reactCommits';

/** The commits in lines: the count and total, the components that cost most, the longest commits. */
export function describeCommits(commits: readonly ReactCommit[], top = 15): string[] {
  const all: Record<string, number> = {};
  for (const c of commits) for (const [k, v] of Object.entries(c.byComponent)) all[k] = (all[k] ?? 0) + v;
  const ms = (v: number) => v.toFixed(1);
  const lines = [`${commits.length} React commits, ${ms(commits.reduce((sum, c) => sum + c.totalMs, 0))} ms rendering; by component (self ms):`];
  for (const [k, v] of Object.entries(all).sort((a, b) => b[1] - a[1]).slice(0, top)) lines.push(`  ${ms(v)}  ${k}`);
  for (const c of [...commits].sort((a, b) => b.totalMs - a.totalMs).slice(0, 3)) {
    const parts = Object.entries(c.byComponent).sort((a, b) => b[1] - a[1]).slice(0, 5);
    lines.push(`  longest commit ${ms(c.totalMs)} ms: ${parts.map(([k, v]) => `${k} ${ms(v)}`).join(', ')}`);
  }
  return lines;
}
