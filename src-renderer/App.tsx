import { AppShell } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { lazy, Suspense } from 'react';
import { Dashboard } from './features/dashboard/Dashboard';
import { AppHeader } from './features/shell/AppHeader';
import { AppNavbar } from './features/shell/AppNavbar';
import { KeyboardLayer } from './features/keyboard/KeyboardLayer';
import { DialogHost } from './features/shell/DialogHost';
import { AlertToasts } from './features/shell/AlertToasts';
import { NoticesArea } from './features/shell/NoticesArea';
import { useAppStore } from './store/use-app-store';
import { ErrorNote } from './ui/ErrorNote';

// Views other than the dashboard load when first opened: the page a user waits for at start
// parses the dashboard's code only.
const AuditView = lazy(() => import('./features/audit/AuditView').then((m) => ({ default: m.AuditView })));
const CameraWall = lazy(() => import('./features/live/CameraWall').then((m) => ({ default: m.CameraWall })));
const OutboxView = lazy(() => import('./features/outbox/OutboxView').then((m) => ({ default: m.OutboxView })));
const ProtocolsView = lazy(() => import('./features/protocols/ProtocolsView').then((m) => ({ default: m.ProtocolsView })));
const RigDetail = lazy(() => import('./features/rig-detail/RigDetail').then((m) => ({ default: m.RigDetail })));

export function App() {
  const appInfoError = useAppStore((s) => s.appInfoError);
  const [navOpened, nav] = useDisclosure(false);

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
        <AlertToasts />
        {appInfoError && <ErrorNote error={appInfoError} />}
        <Suspense fallback={null}>
          <CurrentView />
        </Suspense>
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
