/**
 * The dataset format as a JSON Schema (draft 2020-12), generated from the zod schema so the two
 * cannot drift. Cross-row rules (every source id exists, min ≤ max, real calendar days) are
 * not expressible there; the app's own checks add them, and docs/DATA_FORMAT.md lists them.
 */
import { z } from 'zod';
import { DatasetSchema } from './datasetSchema';

export const DATASET_SCHEMA_FILE = 'dataset.schema.json';

export function datasetJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(DatasetSchema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  return {
    ...schema,
    $id: DATASET_SCHEMA_FILE,
    title: 'Pakistan–US relations dashboard dataset',
    description: 'One JSON document: sources plus optional tables (aid, strikes, strikeYears, incidents, events). See docs/DATA_FORMAT.md for every field and the rules a JSON Schema cannot state.',
  };
}
