/**
 * The state of bringing in a dataset: what is being checked, and the last rejected file with
 * its problems. Kept apart from the dashboard store because nothing here is shared with the
 * panels or the URL; the dataset itself enters the dashboard store only once it is valid.
 */
import { create } from 'zustand';
import type { DatasetProblem } from '../data/validation';

export interface Rejection {
  /** What was refused, as the user knows it: a file name or an address. */
  source: string;
  problems: DatasetProblem[];
  /** Every problem found; `problems` may hold only the first of them. */
  problemCount: number;
  /** The file never arrived (no answer, an error status, CORS): `problems` says what happened on the network. */
  network?: boolean;
}

interface ImportState {
  /** Set while a file or address is read and checked, e.g. "Checking mine.json…". */
  busy: string | null;
  rejection: Rejection | null;
  /** Bumped by every load; a load that finishes after a newer one started is ignored. */
  generation: number;
  begin: (busy: string) => number;
  finish: (generation: number, rejection: Rejection | null) => boolean;
  dismissRejection: () => void;
}

export const useImportStore = create<ImportState>()((set, get) => ({
  busy: null,
  rejection: null,
  generation: 0,
  begin: (busy) => {
    const generation = get().generation + 1;
    set({ busy, generation });
    return generation;
  },
  finish: (generation, rejection) => {
    if (generation !== get().generation) return false;
    set({ busy: null, rejection });
    return true;
  },
  dismissRejection: () => set({ rejection: null }),
}));

const initialImportState = useImportStore.getState();

/** For tests: back to the first state. */
export const resetImportStore = () => useImportStore.setState(initialImportState, true);
