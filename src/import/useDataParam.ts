import { useEffect, useState } from 'react';
import { useDashboardStore } from '../store/store';
import { DATA_PARAM, dropDataParam, foreignDataAddress, loadDatasetFromUrl } from './loadDataset';

/** The `?data=` value the page was opened with, read once. */
export function readDataParam(): string | null {
  if (typeof window === 'undefined') return null;
  const value = new URLSearchParams(window.location.search).get(DATA_PARAM);
  return value && value.trim() !== '' ? value.trim() : null;
}

/** The question asked before data from another site is fetched. */
export interface DataParamConfirm {
  /** The full host the data would come from ("data.example.org:8443"). */
  host: string;
  href: string;
  load: () => void;
  cancel: () => void;
}

/**
 * Loads the dataset named by `?data=` when the page opens. An address on another origin is
 * fetched only after the user says so (`confirm` holds the question meanwhile): a crafted link
 * must not put someone else's figures under the dashboard's title unasked. While the question
 * or the request is pending the built-in dataset is held back (so a shared link does not flash
 * the wrong data and keeps its filters); on Cancel or failure `pending` turns false, the
 * built-in dataset comes in, and a notice or the problems say why.
 */
export function useDataParam(): { pending: boolean; confirm: DataParamConfirm | null } {
  const [url] = useState(readDataParam);
  const [foreign] = useState(() => (url === null ? null : foreignDataAddress(url)));
  const [phase, setPhase] = useState<'asking' | 'loading' | 'done'>(url === null ? 'done' : foreign ? 'asking' : 'loading');

  useEffect(() => {
    if (url === null || phase !== 'loading') return;
    const controller = new AbortController();
    void loadDatasetFromUrl(url, controller.signal).then((outcome) => {
      if (controller.signal.aborted) return;
      // The address did not give a dataset: keep the URL honest about what is on screen.
      if (outcome.status === 'rejected') dropDataParam();
      setPhase('done');
    });
    return () => controller.abort();
  }, [url, phase]);

  const confirm: DataParamConfirm | null =
    phase === 'asking' && foreign
      ? {
          ...foreign,
          load: () => setPhase('loading'),
          cancel: () => {
            dropDataParam();
            useDashboardStore.getState().showNotice({
              id: 'data-param',
              tone: 'info',
              title: `Data from ${foreign.host} was not loaded: the built-in dataset is shown`,
              details: [`The link asked for ${foreign.href}.`],
            });
            setPhase('done');
          },
        }
      : null;
  return { pending: phase !== 'done', confirm };
}
