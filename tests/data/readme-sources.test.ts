import readme from '../../README.md?raw';
import datasetText from '../../public/data/dataset.json?raw';
import { renderSourcesSection } from '../../scripts/lib/readme-sources';
import type { Dataset } from '../../src/data/schema';

describe("README's source list", () => {
  const dataset = JSON.parse(datasetText) as Dataset;

  it('is exactly what data:build generates from the shipped sources table', () => {
    expect(renderSourcesSection(readme, dataset.sources)).toBe(readme);
  });

  it('names every source id with its licence column', () => {
    for (const source of dataset.sources) expect(readme).toContain(`| \`${source.id}\` |`);
  });
});
