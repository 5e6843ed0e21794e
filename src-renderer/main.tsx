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
watchConnection(store.getState().setConnection);

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
