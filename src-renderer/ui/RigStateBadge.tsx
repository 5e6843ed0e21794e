import { Badge, Tooltip } from '@mantine/core';
import type { RigConnectionState } from '../../src-main/contract/requests/status';

const looks: Record<RigConnectionState, { label: string; color: string }> = {
  unknown: { label: 'checking…', color: 'gray' },
  online: { label: 'online', color: 'teal' },
  offline: { label: 'offline', color: 'red' },
  'key-rejected': { label: 'key rejected', color: 'red' },
  untrusted: { label: 'untrusted', color: 'red' },
  'no-key': { label: 'no key', color: 'orange' },
  'not-trusted': { label: 'not trusted yet', color: 'orange' },
  'keychain-unavailable': { label: 'keychain unavailable', color: 'orange' },
  'rig-error': { label: 'rig error', color: 'orange' },
};

export const rigStateLabel = (state: RigConnectionState) => looks[state].label;

/** A rig's connection state; `stale` says the values beside it were not confirmed by the latest poll. */
export function RigStateBadge({ state, stale, problem }: { state: RigConnectionState; stale: boolean; problem?: string | null }) {
  const look = looks[state];
  const badge = (
    <Badge color={look.color} variant={state === 'online' ? 'light' : 'filled'} data-testid="rig-state" data-state={state}>
      {look.label}
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
