import type { RigSummary } from '../../../src-main/contract/requests';
import { ErrorNote } from '../../ui/ErrorNote';
import { useAppStore } from '../../store/use-app-store';

export function RigList() {
  const rigs = useAppStore((s) => s.rigs);
  const loaded = useAppStore((s) => s.rigsLoaded);
  const error = useAppStore((s) => s.rigsError);
  return (
    <section aria-labelledby="rigs-heading" className="panel">
      <h2 id="rigs-heading">Rigs</h2>
      {error && <ErrorNote error={error} />}
      {!loaded && !error && <p>Loading rigs…</p>}
      {loaded && rigs.length === 0 && (
        <p role="status" data-testid="rigs-empty">
          No rigs configured yet.
        </p>
      )}
      {rigs.length > 0 && (
        <ul aria-label="Configured rigs" className="rig-list">
          {rigs.map((rig) => (
            <RigRow key={rig.id} rig={rig} />
          ))}
        </ul>
      )}
    </section>
  );
}

function RigRow({ rig }: { rig: RigSummary }) {
  return (
    <li>
      <strong>{rig.name}</strong> <span className="muted">{`${rig.host}:${rig.port}`}</span>
      {rig.simulated && <span className="badge">simulated</span>}
    </li>
  );
}
