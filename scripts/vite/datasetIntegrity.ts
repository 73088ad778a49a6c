/**
 * The shipped dataset (public/data/dataset.json) is validated here, once, when the app is built,
 * and the app is given the SHA-256 of the exact bytes that passed (`__BUILT_IN_DATASET_SHA256__`).
 * In the browser, a dataset whose bytes have that digest is the file checked here, so it is used
 * without loading the validator: zod and the dataset schema (≈28 KB gzip) and a ~50 ms parse stay
 * off the first paint. Any other bytes (a file a host altered, a researcher's file, `?data=`) go
 * through the full validation as before (src/data/datasetQuery.ts).
 *
 * Build: an invalid shipped dataset, or one with fields the schema does not know (the validator
 * would drop them, so the trusted file would not equal its validated form), fails the build.
 * Dev server and tests: a shipped dataset that does not pass gets no digest (null) rather than
 * failing the server, so every load of it is validated and its problems show in the app.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runnerImport, type Plugin } from 'vite';

type Validation = typeof import('../../src/data/validation.ts');
/** The app's own validator, loaded through Vite (not bundled into the config), so the build checks with the code the app runs. */
const VALIDATION = fileURLToPath(new URL('../../src/data/validation.ts', import.meta.url));

export const BUILT_IN_DATASET_FILE = 'data/dataset.json';

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** The digest of the shipped dataset, or the reasons it cannot be trusted without validation. */
export async function checkBuiltInDataset(file: string): Promise<{ sha256: string } | { problems: string[] }> {
  const { formatProblem, validateDataset } = (await runnerImport<Validation>(VALIDATION, { configFile: false, logLevel: 'silent' })).module;
  const bytes = readFileSync(file);
  let parsed: unknown;
  try {
    parsed = JSON.parse(bytes.toString('utf8'));
  } catch (error) {
    return { problems: [`not valid JSON: ${error instanceof Error ? error.message : String(error)}`] };
  }
  const result = validateDataset(parsed);
  if (!result.ok) return { problems: result.problems.slice(0, 20).map(formatProblem) };
  if (result.unknownFields.length > 0) return { problems: result.unknownFields.slice(0, 20).map((f) => `unknown field ${f.table ? `${f.table}.` : ''}${f.field} (${f.count} rows)`) };
  return { sha256: sha256Hex(bytes) };
}

export function datasetIntegrity(): Plugin {
  return {
    name: 'built-in-dataset-integrity',
    async config(config, env) {
      const root = resolve(config.root ?? process.cwd());
      const publicDir = config.publicDir === false ? null : resolve(root, config.publicDir ?? 'public');
      const check = publicDir ? await checkBuiltInDataset(resolve(publicDir, BUILT_IN_DATASET_FILE)) : { problems: ['no public directory'] };
      const building = env.command === 'build' && !process.env.VITEST;
      if ('problems' in check && building) {
        throw new Error(`The shipped dataset ${BUILT_IN_DATASET_FILE} does not pass the dataset schema (run npm run data:check):\n  ${check.problems.join('\n  ')}`);
      }
      return { define: { __BUILT_IN_DATASET_SHA256__: JSON.stringify('sha256' in check ? check.sha256 : null) } };
    },
  };
}
