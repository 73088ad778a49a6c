/**
 * The user's dataset (a loaded file, an imported CSV or a merge) kept in IndexedDB, so a reload
 * brings it back instead of silently showing the built-in data. It stays until "Restore the
 * built-in dataset". Stored as the JSON text, so reading it back goes through the same worker
 * validation as a file (a dataset saved by an older version is checked against today's schema).
 */
import { createStore, del, get, set, type UseStore } from 'idb-keyval';
import type { Dataset } from '../data/schema';
import type { DatasetOrigin } from '../store/datasetSlice';

const KEY = 'user-dataset';

interface Stored {
  origin: DatasetOrigin;
  json: Blob;
}

let store: UseStore | null = null;
function idb(): UseStore | null {
  if (typeof indexedDB === 'undefined') return null;
  store ??= createStore('pak-us-dashboard', 'datasets');
  return store;
}

export const canPersist = () => typeof indexedDB !== 'undefined';

/**
 * Stores the dataset. `json`, when given, is the dataset's JSON as it was read or written off the
 * main thread (the file picked, the worker's output): writing out 100,000 rows here would hold
 * the page for a third of a second.
 */
export async function saveUserDataset(dataset: Dataset, origin: DatasetOrigin, json?: Blob): Promise<boolean> {
  const db = idb();
  if (!db) return false;
  try {
    await set(KEY, { origin, json: json ?? new Blob([JSON.stringify(dataset)], { type: 'application/json' }) } satisfies Stored, db);
    return true;
  } catch {
    // Private mode or a full disk: the data stays on screen, it just will not survive a reload.
    return false;
  }
}

export async function readUserDataset(): Promise<Stored | null> {
  const db = idb();
  if (!db) return null;
  try {
    const value = (await get(KEY, db)) as Stored | undefined;
    return value && value.json instanceof Blob && value.origin ? value : null;
  } catch {
    return null;
  }
}

export async function clearUserDataset(): Promise<void> {
  const db = idb();
  if (!db) return;
  try {
    await del(KEY, db);
  } catch {
    // Nothing stored, or storage unavailable: either way nothing will come back on reload.
  }
}
