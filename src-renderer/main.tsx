import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { createAppStore } from './store/app-store';
import { StoreContext } from './store/use-app-store';
import { connectBridge } from './transport/bridge';
import './styles.css';

const { bridge, watchConnection } = connectBridge();
const store = createAppStore(bridge);
watchConnection(store.getState().setConnection);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <StoreContext.Provider value={store}>
      <App />
    </StoreContext.Provider>
  </StrictMode>,
);
