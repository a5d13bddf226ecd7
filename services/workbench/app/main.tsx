import { createRoot } from 'react-dom/client';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { BrowserRouter } from 'react-router-dom';
import { AuthProvider, ClientConfig, createUserManager } from './auth/auth-context';
import { setupI18n } from './i18n/i18n';
import { App } from './app';
import { SignInPage } from './layout/sign-in-page';
import { ApiError } from './api/api-error';
import './styles.css';

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // A missing or forbidden thing will not appear on a retry; an unreachable service may.
      retry: (count, error) =>
        count < 2 && (!(error instanceof ApiError) || error.unavailable || error.status >= 500),
      refetchOnWindowFocus: true,
      staleTime: 5_000,
    },
  },
});

async function start(): Promise<void> {
  await setupI18n();
  const root = createRoot(document.getElementById('root') as HTMLElement);
  const res = await fetch('/config.json');
  const config = (await res.json()) as ClientConfig;
  const manager = createUserManager(config);
  root.render(
    <QueryClientProvider client={queryClient}>
      <AuthProvider
        manager={manager}
        loading={<p className="loading">…</p>}
        signedOut={(signIn, error) => <SignInPage signIn={signIn} error={error} />}
      >
        <BrowserRouter>
          <App />
        </BrowserRouter>
      </AuthProvider>
    </QueryClientProvider>,
  );
}

void start();
