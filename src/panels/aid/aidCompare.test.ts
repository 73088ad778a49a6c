import { describe, expect, it } from 'vitest';
import type { Dataset } from '../../data/schema';
import { DEFAULT_FILTERS } from '../../crossfilter/filters';
import { selectAidView } from './aidSelectors';
import shippedDataset from '../../../public/data/dataset.json?raw';

const dataset = JSON.parse(shippedDataset) as Dataset;
/** A measure's drawn total for one fiscal year, summed here from the dataset's rows. */
const rowsTotal = (measure: string, fy: number) =>
  dataset.aid!.filter((r) => r.measure === measure && r.fiscalYearStart === fy && r.fiscalYearEnd === fy && r.status === 'actual' && r.programme !== 'TOTAL').reduce((s, r) => s + r.amount, 0) ||
  dataset.aid!.filter((r) => r.measure === measure && r.fiscalYearStart === fy && r.fiscalYearEnd === fy).reduce((s, r) => s + r.amount, 0);

describe('Compare measures', () => {
  const view = selectAidView(dataset, { ...DEFAULT_FILTERS, aidCompare: true });
  const compare = view.compare!;
  const year = (fy: number) => compare.years.find((y) => y.fiscalYear === fy)!;
  const value = (fy: number, measure: string) => year(fy).values[compare.measures.indexOf(measure as never)];

  it('puts every measure side by side per fiscal year, with no blank end after CRS', () => {
    expect(compare.measures).toEqual(['crs-appropriations', 'fa-obligations', 'fa-disbursements']);
    expect(compare.crsLastActual).toBe(2018);
    for (let fy = 2019; fy <= 2024; fy++) {
      expect(value(fy, 'fa-obligations')!.value).toBeCloseTo(rowsTotal('fa-obligations', fy), 9);
      expect(value(fy, 'fa-disbursements')!.value).toBeCloseTo(rowsTotal('fa-disbursements', fy), 9);
    }
    expect(value(2019, 'crs-appropriations')).toBeNull();
    expect(value(2020, 'crs-appropriations')!.status).toBe('request');
  });

  it('CRS FY2010 is the bar the CRS view draws (4,504, CSF 1,499 of it)', () => {
    expect(value(2010, 'crs-appropriations')!.value).toBe(4504);
    expect(value(2010, 'crs-appropriations')!.csf).toBe(1499);
  });

  it('never splits the FY2002–07 total: each year shows its yearly average, flagged, and the table says so', () => {
    const v = value(2004, 'crs-appropriations')!;
    expect(v.aggregate).toEqual({ start: 2002, end: 2007, total: expect.any(Number) });
    expect(v.value).toBeCloseTo(v.aggregate!.total / 6, 9);
    const row = compare.table.rows.find((r) => r.fiscalYear === 'FY2004')!;
    expect(row.note).toMatch(/yearly average of the FY2002–FY2007 total/);
  });

  it('follows the dollars switch and the other panels’ years', () => {
    const constant = selectAidView(dataset, { ...DEFAULT_FILTERS, aidCompare: true, aidDollars: 'constant', yearRange: { from: 2019, to: 2024 }, yearRangeOrigin: 'drones' }).compare!;
    expect(constant.years.map((y) => y.fiscalYear)).toEqual([2019, 2020, 2021, 2022, 2023, 2024]);
    const cpi = (y: number) => dataset.priceIndex!.find((r) => r.year === y)!.value;
    expect(constant.years[0]!.values[1]!.value).toBeCloseTo(rowsTotal('fa-obligations', 2019) * (cpi(2024) / cpi(2019)), 9);
    expect(constant.table.measure).toMatch(/constant 2024/);
  });

  it('is off unless asked for, and the CRS view knows where CRS stops', () => {
    const plain = selectAidView(dataset, DEFAULT_FILTERS);
    expect(plain.compare).toBeNull();
    expect(plain.crsCutoff).toEqual({ lastActual: 2018, continuedTo: 2024 });
    expect(selectAidView(dataset, { ...DEFAULT_FILTERS, aidMeasure: 'fa-obligations' }).crsCutoff).toBeNull();
  });
});
