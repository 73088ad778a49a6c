import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import { App } from '../../src/App';

/** Renders the whole app with a fresh query cache, as main.tsx does. */
export function renderApp() {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retryDelay: 0 } } });
  return render(
    <QueryClientProvider client={queryClient}>
      <App datasetUrl="/data/dataset.json" />
    </QueryClientProvider>,
  );
}
