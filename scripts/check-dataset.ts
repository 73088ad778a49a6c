/**
 * `npm run data:check`: validates public/data/dataset.json (or the file given as argument)
 * and prints a summary. Exits 1 on any problem, printing each as `path: message`.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { checkDataset } from './lib/check-dataset';
import { readDataFiles } from './lib/data-files';
import { regionTester } from './lib/region';

const file = resolve(process.argv[2] ?? resolve(import.meta.dirname, '../public/data/dataset.json'));
let input: unknown;
try {
  input = JSON.parse(readFileSync(file, 'utf8'));
} catch (err) {
  console.error(`${file}: cannot read or parse JSON (${err instanceof Error ? err.message : String(err)})`);
  process.exit(1);
}
const { problems, summary } = checkDataset(input, regionTester(readDataFiles()));
console.log(`data:check ${file}`);
for (const line of summary) console.log(`  ${line}`);
if (problems.length > 0) {
  console.error(`${problems.length} problem(s):`);
  for (const p of problems) console.error(p);
  process.exit(1);
}
console.log('OK: no problems');
