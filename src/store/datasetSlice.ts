import type { StateCreator } from 'zustand';
import type { Dataset } from '../data/schema';
import type { DashboardState } from './store';

/** Where the dataset on screen came from; shown in the header so nobody mistakes a custom file for the shipped one. */
export interface DatasetOrigin {
  kind: 'built-in' | 'file' | 'url';
  label: string;
  /** For a user's own data (a file, a CSV import or a merge): what the banner names. */
  local?: { fileName: string; rows: number; loadedAt: string; merged: boolean };
  /**
   * For a `?data=` address: the address that served the data after any redirects (the
   * response's URL), its host as the banner and the exports name it, and the address asked for.
   */
  remote?: { url: string; host: string; requested: string };
}

export interface DatasetSlice {
  dataset: Dataset | null;
  datasetOrigin: DatasetOrigin;
  /** Replaces the dataset. Callers pass only a dataset that has already passed validation. */
  setDataset: (dataset: Dataset, origin: DatasetOrigin) => void;
}

export const BUILT_IN_ORIGIN: DatasetOrigin = { kind: 'built-in', label: 'Built-in dataset' };

export const createDatasetSlice: StateCreator<DashboardState, [], [], DatasetSlice> = (set) => ({
  dataset: null,
  datasetOrigin: BUILT_IN_ORIGIN,
  setDataset: (dataset, origin) => set({ dataset, datasetOrigin: origin }),
});
