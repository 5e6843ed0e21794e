import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import './styles.css';
import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { createAppStore } from './store/app-store';
import { loadApp, watchApp } from './store/load-app';
import { StoreContext } from './store/use-app-store';
import { colorSchemeManager, theme } from './theme';
import { connectBridge } from './transport/bridge';

const { bridge, watchConnection } = connectBridge();
// The first requests leave before the page does anything slow (the store's setup reads this
// browser's storage, the first render takes a while), so a fleet is listed sooner. A core
// that does not answer the connection within a moment is not waited for.
await new Promise<void>((resolve) => {
  watchConnection((state) => state !== 'connecting' && resolve());
  setTimeout(resolve, 300);
});
const store = createAppStore(bridge);
loadApp(store);
watchApp(store);
store.getState().loadOutputNames();
let wasAway = false;
watchConnection((state) => {
  store.getState().setConnection(state);
  // Events sent while the link was down are lost: read everything again once it is back.
  if (state === 'closed') wasAway = true;
  if (state === 'open' && wasAway) {
    wasAway = false;
    loadApp(store);
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
