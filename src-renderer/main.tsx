import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import './styles.css';
import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { createAppStore } from './store/app-store';
import { StoreContext } from './store/use-app-store';
import { colorSchemeManager, theme } from './theme';
import { connectBridge } from './transport/bridge';

const { bridge, watchConnection } = connectBridge();
const store = createAppStore(bridge);
let wasAway = false;
watchConnection((state) => {
  store.getState().setConnection(state);
  // Events sent while the link was down are lost: read everything again once it is back.
  if (state === 'closed') wasAway = true;
  if (state === 'open' && wasAway) {
    wasAway = false;
    const s = store.getState();
    void s.loadAppInfo();
    void s.loadRigs();
    void s.loadStatuses();
    void s.loadNotices();
  }
});

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <MantineProvider theme={theme} colorSchemeManager={colorSchemeManager} defaultColorScheme="auto">
      <Notifications position="bottom-right" limit={4} autoClose={5000} />
      <StoreContext.Provider value={store}>
        <App />
      </StoreContext.Provider>
    </MantineProvider>
  </StrictMode>,
);
