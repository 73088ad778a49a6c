/**
 * The page's side of the CSV import: one worker per import, asked to read and then to build.
 * Where workers are missing (jsdom) the same session runs in the page, so the result never
 * depends on which path was taken. Datasets cross the boundary as columns (columnTransfer.ts)
 * both ways, so a 100,000-row dataset on screen or imported never holds the page.
 */
import type { Dataset } from '../../data/schema';
import { decodeDataset, encodeDataset, transferables, type EncodedDataset } from '../../data/columnTransfer';
import type { EncodingChoice } from './decode';
import { CsvSession, type BuildOptions, type BuildOutcome, type CsvPreview } from './csvSession';

type Built = Extract<BuildOutcome, { ok: true }>;
/** A build as it crosses the boundary: the dataset as columns, with its JSON for storage. */
export type WireBuild = (Omit<Built, 'dataset'> & { encoded: EncodedDataset; json: Blob }) | Extract<BuildOutcome, { ok: false }>;
/** What `build` resolves with: the session's outcome, plus the dataset's JSON when the worker wrote it. */
export type ImportOutcome = (Built & { json?: Blob }) | Extract<BuildOutcome, { ok: false }>;

export type CsvRequest = { kind: 'read'; blob: Blob; encoding: EncodingChoice; fileName: string } | { kind: 'build'; options: BuildOptions; current: EncodedDataset | null };
export type CsvResponse = { kind: 'preview'; preview: CsvPreview } | { kind: 'built'; outcome: WireBuild } | { kind: 'failed'; message: string };

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

  private ask(request: CsvRequest, transfer: Transferable[] = []): Promise<CsvResponse> {
    const worker = this.worker;
    if (!worker) return Promise.reject(new Error('no worker'));
    return new Promise((resolve, reject) => {
      worker.onmessage = (event: MessageEvent<CsvResponse>) => resolve(event.data);
      worker.onerror = (event) => {
        event.preventDefault();
        reject(new Error(event.message || 'the import worker failed'));
      };
      worker.postMessage(request, transfer);
    });
  }

  async read(blob: Blob, encoding: EncodingChoice, fileName: string): Promise<CsvPreview> {
    if (this.local) return this.local.read(new Uint8Array(await blob.arrayBuffer()), encoding, fileName);
    const answer = await this.ask({ kind: 'read', blob, encoding, fileName });
    if (answer.kind === 'preview') return answer.preview;
    throw new Error(answer.kind === 'failed' ? answer.message : 'unexpected answer');
  }

  async build(options: BuildOptions, current: Dataset | null): Promise<ImportOutcome> {
    if (this.local) return this.local.build(options, current);
    const encoded = current ? await encodeDataset(current, { sliceMs: 20 }) : null;
    const answer = await this.ask({ kind: 'build', options, current: encoded }, encoded ? transferables(encoded) : []);
    if (answer.kind !== 'built') throw new Error(answer.kind === 'failed' ? answer.message : 'unexpected answer');
    const built = answer.outcome;
    if (!built.ok) return built;
    const { encoded: columns, ...rest } = built;
    return { ...rest, dataset: await decodeDataset(columns) };
  }

  dispose(): void {
    this.worker?.terminate();
    this.worker = null;
  }
}
