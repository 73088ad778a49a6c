/**
 * Node-only: reads the committed data/ files the build needs (scripts use this; the tests load
 * the same files through Vite's import.meta.glob so they stay free of Node types).
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DATA_FILES, type DataFiles } from './build-dataset';

export const DATA_DIR = resolve(import.meta.dirname, '../../data');

export function readDataFiles(dir: string = DATA_DIR): DataFiles {
  const files: Record<string, string> = {};
  for (const rel of DATA_FILES) files[rel] = readFileSync(join(dir, rel), 'utf8');
  return files;
}
