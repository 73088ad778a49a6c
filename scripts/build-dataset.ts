/**
 * `npm run data:build`: regenerates public/data/dataset.json from data/ (deterministic).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { buildDataset, serializeDataset } from './lib/build-dataset';
import { readDataFiles } from './lib/data-files';

const out = resolve(import.meta.dirname, '../public/data/dataset.json');
const dataset = buildDataset(readDataFiles());
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, serializeDataset(dataset));
console.log(
  `data:build wrote ${out}: ${dataset.sources.length} sources, ${dataset.aid?.length ?? 0} aid rows, ` +
    `${dataset.strikes?.length ?? 0} strikes, ${dataset.strikeYears?.length ?? 0} strike-year rows, ` +
    `${dataset.incidents?.length ?? 0} incidents, ${dataset.events?.length ?? 0} events`,
);
