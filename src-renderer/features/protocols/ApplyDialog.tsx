import { Button, Checkbox, Group, Modal, Paper, ScrollArea, Stack, Text, TextInput, Title } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import type { MotifError } from '../../../src-main/contract/errors';
import type { Args, Res } from '../../../src-main/contract/requests';
import type { Protocol } from '../../../src-main/core/protocols/model';
import type { RigOutcome } from '../../../src-main/core/protocols/outcomes';
import { useAppStore, useCall } from '../../store/use-app-store';
import { ErrorNote } from '../../ui/ErrorNote';
import { RigOutcomeList } from './RigOutcomeList';
import { planWindow } from './plan-window';

type Checked = Res<'protocols.check'>['lanes'];

/** Rigs refused only for their task count, which the user may confirm (never above the ceiling). */
interface Confirm {
  tasks: number;
  limit: number;
  rigIds: string[];
  rigNames: string[];
}

function needsConfirmation(outcomes: RigOutcome[]): Confirm | null {
  const counted = outcomes.flatMap((o) => {
    const d = o.ok ? undefined : o.error?.details;
    if (d?.reason !== 'too-many-tasks' || typeof d.tasks !== 'number' || typeof d.limit !== 'number' || typeof d.ceiling !== 'number') return [];
    return d.tasks <= d.ceiling ? [{ rigId: o.rigId, rigName: o.rigName, tasks: d.tasks, limit: d.limit }] : [];
  });
  if (counted.length === 0) return null;
  return {
    tasks: Math.max(...counted.map((c) => c.tasks)),
    limit: counted[0]!.limit,
    rigIds: counted.map((c) => c.rigId),
    rigNames: counted.map((c) => c.rigName),
  };
}

/** Removing from more rigs than this asks first: a click deletes tasks on each of them. */
const REMOVE_WITHOUT_ASKING = 1;

/**
 * Apply a protocol to rigs, or remove it from them: choose the rigs (those that carry it
 * first, as this app applied it), fill in each rig's parameters, see the checks per rig,
 * then per-rig results.
 */
export function ApplyDialog({ protocolRef, protocol, onClose }: { protocolRef: Args<'protocols.apply'>['ref']; protocol: Protocol; onClose(): void }) {
  const call = useCall();
  const rigs = useAppStore((s) => s.rigs);
  const [chosen, setChosen] = useState<string[]>([]);
  // Once the user picks, the rigs found to carry the protocol no longer replace the choice.
  const picked = useRef(false);
  const [askRemove, setAskRemove] = useState(false);
  const [params, setParams] = useState<Record<string, Record<string, string>>>({});
  const [checks, setChecks] = useState<Checked | null>(null);
  const [outcomes, setOutcomes] = useState<{ label: string; list: RigOutcome[] } | null>(null);
  const [error, setError] = useState<MotifError | null>(null);
  const [busy, setBusy] = useState(false);
  const [confirm, setConfirm] = useState<Confirm | null>(null);
  const parameters = Object.entries(protocol.parameters ?? {});
  useEffect(() => {
    let open = true;
    void call('protocols.list', {}).then((r) => {
      if (!open || !r.ok || picked.current) return;
      setChosen([...new Set(r.value.applied.filter((a) => a.protocol === protocol.name).map((a) => a.rigId))]);
    });
    return () => {
      open = false;
    };
  }, [call, protocol.name]);

  const choices = () =>
    chosen.map((rigId) => {
      const own = Object.fromEntries(Object.entries(params[rigId] ?? {}).filter(([, v]) => v !== ''));
      return Object.keys(own).length > 0 ? { rigId, params: own } : { rigId };
    });
  const run = async (fn: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await fn();
    } finally {
      setBusy(false);
    }
  };
  const check = () =>
    run(async () => {
      const r = await call('protocols.check', { ref: protocolRef, rigs: choices(), ...planWindow(7) });
      if (!r.ok) return setError(r.error);
      setChecks(r.value.lanes);
    });
  const apply = (confirmed?: Confirm) =>
    run(async () => {
      const rigChoices = confirmed ? choices().filter((c) => confirmed.rigIds.includes(c.rigId)) : choices();
      const r = await call('protocols.apply', { ref: protocolRef, rigs: rigChoices, ...(confirmed ? { confirmTasks: confirmed.tasks } : {}) });
      setConfirm(null);
      if (!r.ok) return setError(r.error);
      setOutcomes({ label: 'Apply results', list: r.value });
      if (!confirmed) setConfirm(needsConfirmation(r.value));
    });
  const remove = (name: string) =>
    run(async () => {
      setAskRemove(false);
      const r = await call('protocols.remove', { name, rigIds: chosen });
      if (!r.ok) return setError(r.error);
      setOutcomes({ label: 'Remove results', list: r.value });
    });
  const toggle = (rigId: string, on: boolean) => {
    picked.current = true;
    setAskRemove(false);
    setChosen((c) => (on ? [...c, rigId] : c.filter((id) => id !== rigId)));
    setChecks(null);
  };
  const setParam = (rigId: string, name: string, value: string) => {
    setParams((p) => ({ ...p, [rigId]: { ...p[rigId], [name]: value } }));
    setChecks(null);
  };

  return (
    <Modal opened onClose={onClose} title={`Apply or remove "${protocol.name}"`} size="xl">
      <Stack gap="sm">
        <Title order={4} size="h6">
          Rigs
        </Title>
        {rigs.length === 0 && <Text c="dimmed">No rigs added yet.</Text>}
        <ScrollArea.Autosize mah={320}>
          <Stack gap="xs">
            {rigs.map((rig) => (
              <Paper key={rig.id} withBorder p="xs">
                <Checkbox label={rig.name} checked={chosen.includes(rig.id)} onChange={(e) => toggle(rig.id, e.currentTarget.checked)} />
                {chosen.includes(rig.id) && parameters.length > 0 && (
                  <Group gap="xs" mt={4}>
                    {parameters.map(([name, p]) => (
                      <TextInput
                        key={name}
                        size="xs"
                        label={`${name} on ${rig.name}`}
                        description={p.description}
                        placeholder={p.default ?? ''}
                        value={params[rig.id]?.[name] ?? ''}
                        onChange={(e) => setParam(rig.id, name, e.currentTarget.value)}
                      />
                    ))}
                  </Group>
                )}
              </Paper>
            ))}
          </Stack>
        </ScrollArea.Autosize>
        {error && <ErrorNote error={error} />}
        {checks && (
          <section aria-label="Checks per rig">
            <Title order={4} size="h6">
              Checks for the next 7 days
            </Title>
            {checks.map((lane) => (
              <div key={lane.rigId ?? lane.rig} data-rig={lane.rig}>
                <Text size="sm" fw={600}>
                  {lane.rig}
                </Text>
                {lane.error && <ErrorNote error={lane.error} />}
                {lane.warnings.length === 0 && !lane.error && (
                  <Text size="sm" c="teal">
                    No problems found.
                  </Text>
                )}
                {lane.warnings.map((w, i) => (
                  <Text key={i} size="sm" c="orange">
                    {w.message}
                  </Text>
                ))}
              </div>
            ))}
          </section>
        )}
        {outcomes && <RigOutcomeList outcomes={outcomes.list} label={outcomes.label} />}
        {confirm && (
          <Paper withBorder p="sm" role="alertdialog" aria-label="Confirm the task count">
            <Text size="sm">
              This protocol puts {confirm.tasks.toLocaleString('en-US')} tasks on {confirm.rigNames.join(', ')}: more than the {confirm.limit} the checks
              advise, and the rig checks every task every second. Nothing was sent to {confirm.rigNames.length === 1 ? 'it' : 'them'}.
            </Text>
            <Group gap="xs" mt="xs">
              <Button color="orange" disabled={busy} onClick={() => void apply(confirm)}>
                Apply {confirm.tasks.toLocaleString('en-US')} tasks anyway
              </Button>
              <Button variant="default" onClick={() => setConfirm(null)}>
                Don't apply
              </Button>
            </Group>
          </Paper>
        )}
        {askRemove && (
          <Paper withBorder p="sm" role="alertdialog" aria-label="Confirm removing">
            <Text size="sm">
              Delete the tasks of "{protocol.name}" from {chosen.length} rigs? Each rig's own tasks stay; a rig that is away has them deleted when it
              returns.
            </Text>
            <Group gap="xs" mt="xs">
              <Button color="red" disabled={busy} onClick={() => void remove(protocol.name)}>
                Delete its tasks from {chosen.length} rigs
              </Button>
              <Button variant="default" onClick={() => setAskRemove(false)}>
                Don't remove
              </Button>
            </Group>
          </Paper>
        )}
        <Group justify="space-between">
          <Group gap="xs">
            <Button variant="default" disabled={busy || chosen.length === 0} onClick={() => void check()}>
              Check
            </Button>
            <Button disabled={busy || chosen.length === 0} onClick={() => void apply()}>
              Apply to {chosen.length} rig{chosen.length === 1 ? '' : 's'}
            </Button>
            <Button
              color="red"
              variant="light"
              disabled={busy || chosen.length === 0}
              onClick={() => (chosen.length > REMOVE_WITHOUT_ASKING ? setAskRemove(true) : void remove(protocol.name))}
            >
              Remove from {chosen.length} rig{chosen.length === 1 ? '' : 's'}
            </Button>
          </Group>
          <Button variant="default" onClick={onClose}>
            Close
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
