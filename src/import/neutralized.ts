/**
 * Datasets whose text has already had its bidirectional controls removed (data/bidi.ts). The
 * parse worker neutralises the dataset it validated, so the page need not walk 100,000 rows
 * again in the task that puts them on screen (a sixth of a second at that size).
 */
import { neutralizeBidiDeep } from '../data/bidi';
import type { Dataset } from '../data/schema';

const neutral = new WeakSet<Dataset>();

/** Records that every string in `dataset` is already neutral (it came out of neutralizeBidiDeep). */
export function markNeutralized(dataset: Dataset): Dataset {
  neutral.add(dataset);
  return dataset;
}

/** The dataset with its bidirectional controls removed: itself when it was neutralised before. */
export function neutralizedDataset(dataset: Dataset): Dataset {
  return neutral.has(dataset) ? dataset : markNeutralized(neutralizeBidiDeep(dataset));
}
