import type { RigSummary } from '../../../src-main/contract/requests';
import type { OpenDialog } from '../shell/dialog-slice';
import { rigTabLabels, rigTabs, type View } from '../shell/navigation-slice';

/** What choosing an entry of the finder does. */
export type FinderAction = { kind: 'view'; view: View } | { kind: 'dialog'; dialog: OpenDialog };

export interface FinderItem {
  id: string;
  label: string;
  /** Shown beside the label (a rig's host and tags). */
  hint: string;
  group: 'Rigs' | 'Commands';
  action: FinderAction;
  /** Lower-case text the query is matched against. */
  text: string;
}

const item = (id: string, label: string, group: FinderItem['group'], action: FinderAction, extra = ''): FinderItem => ({
  id,
  label,
  hint: extra,
  group,
  action,
  text: `${label} ${extra}`.toLowerCase(),
});

/** Every rig, the window's areas and dialogs, and each rig's commands. */
export function finderItems(rigs: readonly RigSummary[]): FinderItem[] {
  const rigItems = rigs.map((r) => item(`rig:${r.id}`, r.name, 'Rigs', { kind: 'view', view: { kind: 'rig', rigId: r.id, tab: 'overview' } }, [r.host, ...r.tags].join(' · ')));
  const general: FinderItem[] = [
    item('dashboard', 'Open Dashboard', 'Commands', { kind: 'view', view: { kind: 'dashboard' } }),
    item('outbox', 'Open Outbox', 'Commands', { kind: 'view', view: { kind: 'outbox' } }),
    item('audit', 'Open Audit log', 'Commands', { kind: 'view', view: { kind: 'audit' } }),
    item('add-rig', 'Add rig', 'Commands', { kind: 'dialog', dialog: { kind: 'add-rig' } }),
    item('import-rigs', 'Import rigs', 'Commands', { kind: 'dialog', dialog: { kind: 'import-rigs' } }),
  ];
  const perRig = rigs.flatMap((r) => {
    const targets = [{ rigId: r.id }];
    return [
      item(`record:${r.id}`, `Start recording on ${r.name}`, 'Commands', { kind: 'dialog', dialog: { kind: 'record', targets } }),
      item(`stop:${r.id}`, `Stop recording on ${r.name}`, 'Commands', { kind: 'dialog', dialog: { kind: 'stop', targets } }),
      ...rigTabs
        .filter((t) => t !== 'overview')
        .map((t) => item(`${t}:${r.id}`, `Open ${rigTabLabels[t]} of ${r.name}`, 'Commands', { kind: 'view', view: { kind: 'rig', rigId: r.id, tab: t } })),
    ];
  });
  return [...rigItems, ...general, ...perRig];
}

/**
 * The items holding every word of `query`, best first: a label equal to the query, then
 * labels starting with it, then labels holding it whole (so "rig 2" is not beaten by a
 * host that happens to hold a 2), then the rest in their order (rigs before commands).
 */
export function findItems(items: readonly FinderItem[], query: string, limit = 12): FinderItem[] {
  const q = query.trim().toLowerCase();
  const words = q.split(/\s+/).filter(Boolean);
  const rank = (i: FinderItem) => {
    const label = i.label.toLowerCase();
    return label === q ? 0 : label.startsWith(q) ? 1 : label.includes(q) ? 2 : 3;
  };
  return items
    .filter((i) => words.every((w) => i.text.includes(w)))
    .map((i, order) => ({ i, order, rank: rank(i) }))
    .sort((a, b) => a.rank - b.rank || a.order - b.order)
    .slice(0, limit)
    .map(({ i }) => i);
}
