import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import '@fontsource-variable/inter';
import './styles.css';
import { App } from './App';
import { registerServiceWorker } from './registerServiceWorker';
import { ReloadPrompt } from './app/ReloadPrompt';
import { listenForStaleChunks } from './app/lazyWithReload';

// Before anything loads on demand: a chunk a newer deployment removed brings up the reload offer.
listenForStaleChunks();

const queryClient = new QueryClient();
const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

createRoot(root).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <App />
    </QueryClientProvider>
    <ReloadPrompt />
  </StrictMode>,
);

registerServiceWorker();
