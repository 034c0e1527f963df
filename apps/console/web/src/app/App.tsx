import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from 'react-router/dom';
import { setAccessTokenSource } from '../api/client';
import { ApiError } from '../api/problem';
import { AuthProvider, useAuth } from '../auth/AuthProvider';
import { router } from './routes';
import type { RuntimeConfig } from './runtime-config';
import { cssVariablesResolver, styleNonce, theme } from './theme';

function ApiSetup({ children }: { children: React.ReactNode }) {
  const auth = useAuth();
  setAccessTokenSource(auth.accessToken);
  return children;
}

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 10_000,
      // A refusal will not change by asking again; a lost connection might.
      retry: (failures, error) => failures < 2 && !(error instanceof ApiError && error.status >= 400 && error.status < 500),
      refetchOnWindowFocus: false,
    },
  },
});

export function App({ config }: { config: RuntimeConfig }) {
  return (
    <MantineProvider theme={theme} getStyleNonce={styleNonce} cssVariablesResolver={cssVariablesResolver} defaultColorScheme="light">
      <Notifications position="top-right" />
      <AuthProvider config={config}>
        <ApiSetup>
          <QueryClientProvider client={queryClient}>
            <RouterProvider router={router} />
          </QueryClientProvider>
        </ApiSetup>
      </AuthProvider>
    </MantineProvider>
  );
}
