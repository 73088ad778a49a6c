/** The PowerPoint export names the data's origin on every slide and in the file's subject. */
import { strFromU8, unzipSync } from 'fflate';
import { buildPptx } from '../../src/seminar/deckExport/pptx';
import { exportProvenance } from '../../src/export/provenance';
import { urlOrigin } from '../../src/import/loadDataset';
import { BUILT_IN_ORIGIN } from '../../src/store/datasetSlice';
import type { Deck } from '../../src/seminar/deck';
import { smallDataset } from '../fixtures/loadFixture';

// A 1 × 1 PNG: the picture part is not what this test reads.
const PNG = Uint8Array.from(atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=='), (c) => c.charCodeAt(0));
const slide = { id: 's1', title: 'Aid and frictions', caption: '', query: '', layout: 'grid' as const, sources: [], notes: 'Say \u202Ethis' };
const deck: Deck = { format: 'pk-us-dashboard-deck', version: 1, title: 'Talk', slides: [slide, { ...slide, id: 's2' }] };
const rendered = deck.slides.map((s) => ({ slide: s, sources: ['CRS, Direct overt aid'], png: PNG }));

async function pptxFiles(blob: Blob): Promise<Record<string, string>> {
  const files = unzipSync(new Uint8Array(await blob.arrayBuffer()));
  return Object.fromEntries(Object.entries(files).filter(([name]) => name.endsWith('.xml')).map(([name, bytes]) => [name, strFromU8(bytes)]));
}

describe('Export to PowerPoint', () => {
  it('puts the origin on each slide and the full address in the subject', async () => {
    const provenance = exportProvenance(smallDataset(), urlOrigin('https://mirror.example.net/pk.json'));
    const files = await pptxFiles(await buildPptx(deck, rendered, provenance));
    for (const n of [1, 2]) expect(files[`ppt/slides/slide${n}.xml`]).toContain('Data from mirror.example.net, not the dashboard’s built-in dataset');
    expect(files['docProps/core.xml']).toContain('address: https://mirror.example.net/pk.json');
    expect(files['ppt/notesSlides/notesSlide1.xml']).toContain('Say this');
  });

  it('says nothing about origin for the built-in dataset, and gives its data version', async () => {
    const files = await pptxFiles(await buildPptx(deck, rendered, exportProvenance(smallDataset(), BUILT_IN_ORIGIN)));
    expect(files['ppt/slides/slide1.xml']).not.toContain('not the dashboard’s built-in dataset');
    expect(files['docProps/core.xml']).toContain('data version test-1');
  });
});
