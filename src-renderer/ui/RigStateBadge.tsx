import { Badge, Tooltip } from '@mantine/core';
import type { RigConnectionState } from '../../src-main/contract/requests/status';
import { rigStateWords, type RigStateWords } from '../../src-shared/rig-state-words';

/** src-shared's table, pinned to the contract: a state without words fails to compile. */
const looks: Record<RigConnectionState, RigStateWords> = rigStateWords;

export const rigStateLabel = (state: RigConnectionState) => looks[state].badge;
export const rigStateColor = (state: RigConnectionState) => looks[state].color;

/** A rig's connection state; `stale` says the values beside it were not confirmed by the latest poll. */
export function RigStateBadge({ state, stale, problem }: { state: RigConnectionState; stale: boolean; problem?: string | null }) {
  const look = looks[state];
  const badge = (
    <Badge color={look.color} variant={state === 'online' ? 'light' : 'filled'} data-testid="rig-state" data-state={state}>
      {look.badge}
    </Badge>
  );
  return (
    <>
      {problem ? <Tooltip label={problem} multiline w={320}>{badge}</Tooltip> : badge}
      {stale && state !== 'unknown' && (
        <Badge color="yellow" variant="outline" data-testid="rig-stale">
          stale
        </Badge>
      )}
    </>
  );
}
