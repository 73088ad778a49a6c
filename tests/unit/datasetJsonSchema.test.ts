/** The published JSON Schema (dataset.schema.json) accepts the shipped dataset and the template, and refuses what the format refuses. */
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { datasetJsonSchema } from '../../src/data/jsonSchema';
import { buildTemplate } from '../../src/import/template';
import shipped from '../../public/data/dataset.json';

function validator() {
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  addFormats(ajv);
  return ajv.compile(datasetJsonSchema());
}

describe('dataset.schema.json', () => {
  it('accepts the shipped dataset and the template', () => {
    const validate = validator();
    expect(validate(shipped), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    expect(validate(buildTemplate('2026-12-02'))).toBe(true);
  });

  it('refuses a negative count, an unknown enum value and a missing sources list', () => {
    const validate = validator();
    const template = buildTemplate('2026-12-02');
    expect(validate({ ...template, strikes: [{ ...template.strikes![0]!, civiliansMin: -1 }] })).toBe(false);
    expect(validate.errors?.[0]?.instancePath).toMatch(/^\/strikes\/0\/civiliansMin/);
    expect(validate({ ...template, strikes: [{ ...template.strikes![0]!, tracker: 'someone' }] })).toBe(false);
    const { sources: _, ...noSources } = template;
    expect(validate(noSources)).toBe(false);
  });
});
