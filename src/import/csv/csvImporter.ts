/**
 * The page's side of the CSV import: one worker per import, asked to read and then to build.
 * Where workers are missing (jsdom) the same session runs in the page, so the result never
 * depends on which path was taken.
 */
import type { Dataset } from '../../data/schema';
import type { EncodingChoice } from './decode';
import { CsvSession, type BuildOptions, type BuildOutcome, type CsvPreview } from './csvSession';

export type CsvRequest = { kind: 'read'; blob: Blob; encoding: EncodingChoice; fileName: string } | { kind: 'build'; options: BuildOptions; current: Dataset | null };
export type CsvResponse = { kind: 'preview'; preview: CsvPreview } | { kind: 'built'; outcome: BuildOutcome } | { kind: 'failed'; message: string };

export class CsvImporter {
  private worker: Worker | null = null;
  private local: CsvSession | null = null;

  constructor() {
    if (typeof Worker === 'undefined') {
      this.local = new CsvSession();
      return;
    }
    try {
      this.worker = new Worker(new URL('./csvImport.worker.ts', import.meta.url), { type: 'module', name: 'csv-import' });
    } catch {
      this.local = new CsvSession();
    }
  }

  private ask(request: CsvRequest): Promise<CsvResponse> {
    const worker = this.worker;
    if (!worker) return Promise.reject(new Error('no worker'));
    return new Promise((resolve, reject) => {
      worker.onmessage = (event: MessageEvent<CsvResponse>) => resolve(event.data);
      worker.onerror = (event) => {
        event.preventDefault();
        reject(new Error(event.message || 'the import worker failed'));
      };
      worker.postMessage(request);
    });
  }

  async read(blob: Blob, encoding: EncodingChoice, fileName: string): Promise<CsvPreview> {
    if (this.local) return this.local.read(new Uint8Array(await blob.arrayBuffer()), encoding, fileName);
    const answer = await this.ask({ kind: 'read', blob, encoding, fileName });
    if (answer.kind === 'preview') return answer.preview;
    throw new Error(answer.kind === 'failed' ? answer.message : 'unexpected answer');
  }

  async build(options: BuildOptions, current: Dataset | null): Promise<BuildOutcome> {
    if (this.local) return this.local.build(options, current);
    const answer = await this.ask({ kind: 'build', options, current });
    if (answer.kind === 'built') return answer.outcome;
    throw new Error(answer.kind === 'failed' ? answer.message : 'unexpected answer');
  }

  dispose(): void {
    this.worker?.terminate();
    this.worker = null;
  }
}
