import { useEffect, useState } from 'react';
import { DATA_PARAM, dropDataParam, loadDatasetFromUrl } from './loadDataset';

/** The `?data=` value the page was opened with, read once. */
export function readDataParam(): string | null {
  if (typeof window === 'undefined') return null;
  const value = new URLSearchParams(window.location.search).get(DATA_PARAM);
  return value && value.trim() !== '' ? value.trim() : null;
}

/**
 * Loads the dataset named by `?data=` when the page opens. While it is pending the built-in
 * dataset is held back (so a shared link does not flash the wrong data and keeps its filters);
 * if it fails, `pending` turns false, the built-in dataset comes in, and the problems are shown.
 */
export function useDataParam(): { pending: boolean } {
  const [url] = useState(readDataParam);
  const [pending, setPending] = useState(url !== null);

  useEffect(() => {
    if (url === null) return;
    const controller = new AbortController();
    void loadDatasetFromUrl(url, controller.signal).then((outcome) => {
      if (controller.signal.aborted) return;
      // The address did not give a dataset: keep the URL honest about what is on screen.
      if (outcome.status === 'rejected') dropDataParam();
      setPending(false);
    });
    return () => controller.abort();
  }, [url]);

  return { pending };
}
