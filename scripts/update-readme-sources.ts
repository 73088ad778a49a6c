/**
 * Rewrites the README's list of sources from the shipped dataset, so the README can never
 * drift from the `sources` table. Run by `npm run data:build`; a data test checks the result.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { renderSourcesSection } from './lib/readme-sources';
import type { Dataset } from '../src/data/schema';

const root = fileURLToPath(new URL('..', import.meta.url));
const dataset = JSON.parse(readFileSync(`${root}public/data/dataset.json`, 'utf8')) as Dataset;
const readmePath = `${root}README.md`;
const readme = readFileSync(readmePath, 'utf8');
const next = renderSourcesSection(readme, dataset.sources);
if (next !== readme) writeFileSync(readmePath, next);
console.log(`README: listed ${dataset.sources.length} sources`);
