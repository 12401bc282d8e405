// First: before any zod schema is built (see the module).
import '@journeyboard/shared/zod-jitless';
import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { createQueryClient } from './api/query-client.ts';
import { App } from './app.tsx';
import { meQuery, watchForEndedSession } from './auth/me.ts';
import { UpdateBanner } from './components/common/update-banner.tsx';
import { watchForMissingCode } from './offline/app-update.ts';
import { registerServiceWorker } from './offline/register-service-worker.ts';
import './styles/base.css';
import './styles/controls.css';
import './styles/map-list.css';
import './styles/sharing.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element.');

const queryClient = createQueryClient();
// Every page but a read-only link's starts by asking who is signed in: ask
// now, while React renders the first time, not once that render has committed
// (~100 ms later at boot). A link's page shows the map to whoever holds it.
if (!/^\/s\//.test(window.location.pathname)) void queryClient.prefetchQuery(meQuery);
watchForEndedSession(queryClient);

createRoot(root).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <BrowserRouter>
        <App />
        <UpdateBanner />
      </BrowserRouter>
    </QueryClientProvider>
  </StrictMode>,
);

// The app shell for a reload with no network; a no-op under `vite dev`.
registerServiceWorker();
// A tab left open across a deploy asks for a reload when it needs code that is gone.
watchForMissingCode();
