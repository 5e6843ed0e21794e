import { useEffect } from 'react';
import { RigList } from './features/rigs/RigList';
import { useAppStore } from './store/use-app-store';
import { ErrorNote } from './ui/ErrorNote';

export function App() {
  const appInfo = useAppStore((s) => s.appInfo);
  const appInfoError = useAppStore((s) => s.appInfoError);
  const connection = useAppStore((s) => s.connection);
  const loadAppInfo = useAppStore((s) => s.loadAppInfo);
  const loadRigs = useAppStore((s) => s.loadRigs);
  const watchRigs = useAppStore((s) => s.watchRigs);

  useEffect(() => {
    void loadAppInfo();
    void loadRigs();
    return watchRigs();
  }, [loadAppInfo, loadRigs, watchRigs]);

  return (
    <div className="app">
      <header className="app-header">
        <h1>Motif Control</h1>
        <span className="muted" data-testid="app-version">
          {appInfo ? `version ${appInfo.version}` : ''}
        </span>
        {appInfo?.transport === 'browser' && <span className="badge">browser mode</span>}
        {connection === 'closed' && (
          <span role="alert" className="badge badge-warn">
            disconnected
          </span>
        )}
      </header>
      <main>
        {appInfoError && <ErrorNote error={appInfoError} />}
        <RigList />
      </main>
    </div>
  );
}
