import { useEffect, useState } from 'react';
import { loadPersistedDataset } from './loadDataset';
import { canPersist } from './persistDataset';
import { readDataParam } from './useDataParam';

/**
 * Brings back the user's dataset from the last visit. While it is read the built-in dataset is
 * held back, so a reload does not flash the wrong data. A `?data=` link wins: it names its data.
 */
export function usePersistedDataset(): { pending: boolean } {
  const [pending, setPending] = useState(() => canPersist() && readDataParam() === null);
  useEffect(() => {
    if (!pending) return;
    let live = true;
    void loadPersistedDataset()
      .catch(() => false)
      .then(() => {
        if (live) setPending(false);
      });
    return () => {
      live = false;
    };
    // Read once, when the page opens.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  return { pending };
}
