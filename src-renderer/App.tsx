import { AppShell } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useEffect } from 'react';
import { AuditView } from './features/audit/AuditView';
import { Dashboard } from './features/dashboard/Dashboard';
import { CameraWall } from './features/live/CameraWall';
import { OutboxView } from './features/outbox/OutboxView';
import { ProtocolsView } from './features/protocols/ProtocolsView';
import { RigDetail } from './features/rig-detail/RigDetail';
import { AppHeader } from './features/shell/AppHeader';
import { AppNavbar } from './features/shell/AppNavbar';
import { KeyboardLayer } from './features/keyboard/KeyboardLayer';
import { DialogHost } from './features/shell/DialogHost';
import { NoticesArea } from './features/shell/NoticesArea';
import { useAppStore } from './store/use-app-store';
import { ErrorNote } from './ui/ErrorNote';

export function App() {
  const appInfoError = useAppStore((s) => s.appInfoError);
  const loadAppInfo = useAppStore((s) => s.loadAppInfo);
  const loadRigs = useAppStore((s) => s.loadRigs);
  const watchRigs = useAppStore((s) => s.watchRigs);
  const loadStatuses = useAppStore((s) => s.loadStatuses);
  const watchStatuses = useAppStore((s) => s.watchStatuses);
  const loadNotices = useAppStore((s) => s.loadNotices);
  const watchNotices = useAppStore((s) => s.watchNotices);
  const [navOpened, nav] = useDisclosure(false);

  useEffect(() => {
    void loadAppInfo();
    void loadRigs();
    void loadStatuses();
    void loadNotices();
    const unwatchRigs = watchRigs();
    const unwatchStatuses = watchStatuses();
    const unwatchNotices = watchNotices();
    return () => {
      unwatchRigs();
      unwatchStatuses();
      unwatchNotices();
    };
  }, [loadAppInfo, loadRigs, watchRigs, loadStatuses, watchStatuses, loadNotices, watchNotices]);

  return (
    <AppShell header={{ height: 56 }} navbar={{ width: 230, breakpoint: 'sm', collapsed: { mobile: !navOpened } }} padding="md">
      <AppShell.Header>
        <AppHeader navOpened={navOpened} onToggleNav={nav.toggle} />
      </AppShell.Header>
      <AppShell.Navbar p="xs">
        <AppNavbar onNavigated={nav.close} />
      </AppShell.Navbar>
      <AppShell.Main>
        <NoticesArea />
        {appInfoError && <ErrorNote error={appInfoError} />}
        <CurrentView />
      </AppShell.Main>
      <DialogHost />
      <KeyboardLayer />
    </AppShell>
  );
}

function CurrentView() {
  const view = useAppStore((s) => s.view);
  switch (view.kind) {
    case 'dashboard':
      return <Dashboard />;
    case 'rig':
      return <RigDetail key={view.rigId} rigId={view.rigId} tab={view.tab} {...(view.camera === undefined ? {} : { camera: view.camera })} />;
    case 'outbox':
      return <OutboxView />;
    case 'audit':
      return <AuditView />;
    case 'wall':
      return <CameraWall />;
    case 'protocols':
      return <ProtocolsView />;
  }
}
