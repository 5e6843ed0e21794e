import { fail, ok, type Result } from '../../contract/errors';
import type { ProtocolRef } from '../../contract/requests/protocols';
import { describe, isValidTimeZone, parse } from '../cron';
import type { Handlers } from '../dispatch';
import { CoreError, toMotifError } from '../errors';
import { taskWords } from '../operations/scheduled-tasks';
import { applyToRig, driftOf, removeFromRig, type ApplyDeps } from './apply';
import { compileProtocol, protocolSlug } from './compile';
import { exportProtocol } from './exports';
import type { Protocol } from './model';
import type { ActualRecording, RigLane, StartVerdict } from './outcomes';
import { fillParameters } from './parameters';
import { planRigs } from './plan-rigs';
import { planSchedules } from './schedule-plan';
import { readProtocolText, revisionOf, type SavedProtocol } from './protocol-store';

type ProtocolRequest = Extract<keyof Handlers, `protocols.${string}`>;

const view = (s: SavedProtocol) => ({
  name: s.protocol.name,
  ...(s.protocol.description === undefined ? {} : { description: s.protocol.description }),
  revision: s.revision,
  file: s.file,
  protocol: s.protocol,
});

/** What the app saw a rig do between two times (the recording watcher's memory). */
export type PastOf = (rigId: string, fromMs: number, untilMs: number) => { actual: ActualRecording[]; verdicts: StartVerdict[] };

/** Every protocol request, over the store, the rigs and the outbox; `past` adds planned-vs-actual to the lanes of rigs. */
export function protocolHandlers(deps: ApplyDeps, past?: PastOf): Pick<Handlers, ProtocolRequest> {
  const { store } = deps;
  const withPast = (lanes: RigLane[], from: string, until: string): RigLane[] =>
    past === undefined ? lanes : lanes.map((l) => (l.rigId === null ? l : { ...l, ...past(l.rigId, Date.parse(from), Date.parse(until)) }));
  const savedOrFail = async (name: string): Promise<SavedProtocol> => {
    const saved = await store.get(name);
    if (!saved) throw new CoreError('not-found', `There is no saved protocol named "${name}".`);
    return saved;
  };
  const resolve = async (ref: ProtocolRef): Promise<Protocol> => {
    if ('protocol' in ref) return ref.protocol;
    return (await savedOrFail(ref.name)).protocol;
  };
  /** A handler body whose failures (a missing protocol, bad parameters) come back as contract errors. */
  const guarded = async <T>(ref: ProtocolRef | null, run: (p: Protocol | null) => Promise<T>): Promise<Result<T>> => {
    try {
      return ok(await run(ref === null ? null : await resolve(ref)));
    } catch (e) {
      return { ok: false, error: toMotifError(e) };
    }
  };
  const ownTaskNames = async (rigId: string, slug: string) =>
    (await store.applied()).find((r) => r.rigId === rigId && r.slug === slug)?.tasks.map((t) => t.name) ?? [];
  const planned = (a: { ref: ProtocolRef; rigs: { rigId: string; params?: Record<string, string> }[]; from: string; until: string; timeZone?: string; otherTasks?: boolean }) => {
    if (a.timeZone !== undefined && !isValidTimeZone(a.timeZone)) {
      return Promise.resolve(fail('invalid-args', `"${a.timeZone}" is not a time zone name (try e.g. Europe/Vienna).`));
    }
    return guarded(a.ref, async (protocol) =>
      planRigs(
        { rigName: deps.rigName, clientFor: deps.clientFor, ownTaskNames },
        { protocol: protocol!, rigs: a.rigs, from: new Date(a.from), until: new Date(a.until), ...(a.timeZone === undefined ? {} : { timeZone: a.timeZone }), ...(a.otherTasks === undefined ? {} : { otherTasks: a.otherTasks }) },
      ),
    );
  };

  return {
    'protocols.list': () =>
      guarded(null, async () => {
        const { saved, problems } = await store.list();
        return { protocols: saved.map(view), problems, applied: await store.applied() };
      }),
    'protocols.get': ({ name }) => guarded(null, async () => view(await savedOrFail(name))),
    'protocols.save': ({ protocol, replace }) => guarded(null, async () => view(await store.save(protocol, replace))),
    'protocols.delete': ({ name }) => guarded(null, async () => ({ deleted: await store.delete(name) })),
    'protocols.import': ({ text, replace }) => guarded(null, async () => view(await store.save(readProtocolText(text, 'The file'), replace))),
    'protocols.export': ({ ref, format, rigId, params }) =>
      guarded(ref, async (protocol) => {
        const p = protocol!;
        const fileName = `${protocolSlug(p.name)}.${format === 'python' ? 'py' : format === 'curl' ? 'sh' : format === 'matlab' ? 'm' : 'json'}`;
        if (format === 'json') return { text: `${JSON.stringify(p, null, 2)}\n`, fileName };
        const applied = rigId === undefined ? undefined : (await store.applied()).find((r) => r.rigId === rigId && r.slug === protocolSlug(p.name));
        const compiled = compileProtocol(fillParameters(p, params ?? applied?.params, rigId === undefined ? 'this export' : (deps.rigName(rigId) ?? rigId)));
        return { text: exportProtocol(compiled, format, rigId === undefined ? {} : (deps.rigAddress?.(rigId) ?? {})), fileName };
      }),
    'protocols.compile': ({ ref, params }) =>
      guarded(ref, async (protocol) => {
        const compiled = compileProtocol(fillParameters(protocol!, params));
        return {
          protocol: compiled.protocol,
          seed: compiled.seed,
          tasks: compiled.tasks.map((t) => {
            const parsed = parse(t.cronExpression);
            const args = t.command.args ?? {};
            return {
              name: t.name, endpoint: t.command.endpoint, args, cronExpression: t.cronExpression, cameraRelative: t.cameraRelative,
              words: taskWords(t.command.endpoint, args),
              cronWords: parsed.ok ? describe(parsed.value, { cameraRelative: t.cameraRelative }) : t.cronExpression,
            };
          }),
        };
      }),
    'protocols.plan': async (a) => {
      const r = await planned(a);
      return r.ok ? ok({ lanes: withPast(r.value, a.from, a.until) }) : r;
    },
    'protocols.check': async (a) => {
      const r = await planned(a);
      return r.ok
        ? ok({ lanes: r.value.map((l) => ({ rigId: l.rigId, rig: l.rig, reachable: l.reachable, ...(l.error ? { error: l.error } : {}), warnings: l.warnings })) })
        : r;
    },
    'protocols.apply': ({ ref, rigs, replace, confirmTasks }) =>
      guarded(ref, async (protocol) => {
        const revision = revisionOf(protocol!);
        return Promise.all(rigs.map((r) => applyToRig(deps, protocol!, revision, r, { replace, confirmTasks })));
      }),
    'protocols.remove': ({ name, rigIds }) =>
      guarded(null, async () => Promise.all(rigIds.map((rigId) => removeFromRig(deps, protocolSlug(name), rigId)))),
    'protocols.planSchedules': ({ rigIds, from, until, timeZone }) => {
      if (timeZone !== undefined && !isValidTimeZone(timeZone)) {
        return Promise.resolve(fail('invalid-args', `"${timeZone}" is not a time zone name (try e.g. Europe/Vienna).`));
      }
      const appliedTaskNames = async (rigId: string) =>
        (await store.applied()).filter((r) => r.rigId === rigId).flatMap((r) => r.tasks.map((t) => t.name));
      return guarded(null, async () => ({
        lanes: withPast(await planSchedules(
          { rigName: deps.rigName, clientFor: deps.clientFor, appliedTaskNames },
          { rigIds, from: new Date(from), until: new Date(until), ...(timeZone === undefined ? {} : { timeZone }) },
        ), from, until),
      }));
    },
    'protocols.drift': ({ rigIds }) =>
      guarded(null, async () => {
        const records = (await store.applied()).filter((r) => rigIds === undefined || rigIds.includes(r.rigId));
        return Promise.all(records.map((r) => driftOf(deps, r)));
      }),
  };
}
