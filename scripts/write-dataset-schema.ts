/**
 * Writes public/data/dataset.schema.json, the published JSON Schema of the dataset format, next
 * to the dataset (run before every build: `npm run build` calls it as `prebuild`).
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { datasetJsonSchema, DATASET_SCHEMA_FILE } from '../src/data/jsonSchema.ts';

const target = fileURLToPath(new URL(`../public/data/${DATASET_SCHEMA_FILE}`, import.meta.url));
writeFileSync(target, `${JSON.stringify(datasetJsonSchema(), null, 2)}\n`);
console.log(`wrote ${target}`);
