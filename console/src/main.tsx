/**
 * @module The console's entry: one TanStack Query client for the whole app, and the router.
 */
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ApiError } from './api/client';
import { App } from './app';
import { membersQuery } from './users/queries';
import './styles/base.css';
import './styles/forms.css';
import './styles/shell.css';
import './styles/users.css';
import './styles/settings.css';
import './styles/audit.css';
import './styles/invitations.css';
import './styles/profile.css';
import './styles/mailbox.css';
import './styles/access.css';

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // A refusal (4xx) will not change by asking again; a network blip might.
      retry: (count, error) => count < 2 && !(error instanceof ApiError && error.status >= 400 && error.status < 500),
      refetchOnWindowFocus: false,
    },
  },
});

// A Users page opened directly (a reload, a link from an email) asks for its first rows at once,
// beside the profile, rather than after it: one round trip less before the list shows.
const usersPage = /^\/organizations\/([^/]+)\/members(\/|$)/.exec(window.location.pathname);
if (usersPage?.[1]) {
  const status = new URLSearchParams(window.location.search).get('status') === 'inactive' ? 'inactive' : 'active';
  void queryClient.prefetchInfiniteQuery(membersQuery(decodeURIComponent(usersPage[1]), { status, q: '', role: '' }));
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <App />
    </QueryClientProvider>
  </StrictMode>,
);
