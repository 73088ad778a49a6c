import { useQueryClient } from '@tanstack/react-query';
import { datasetQueryOptions } from '../data/datasetQuery';
import { restoreBuiltInDataset } from './loadDataset';

/** "Restore the built-in dataset" (from the header's controls or the data-origin banner). */
export function useRestoreBuiltIn(builtInUrl?: string): () => void {
  const queryClient = useQueryClient();
  return () => void restoreBuiltInDataset(() => queryClient.fetchQuery(datasetQueryOptions(builtInUrl)));
}
