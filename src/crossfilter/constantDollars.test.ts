import { describe, expect, it } from 'vitest';
import type { Dataset } from '../data/schema';
import { DEFAULT_FILTERS } from './filters';
import { constantFactor, dollarsFor, indexByYear } from './constantDollars';
import { selectAidView } from '../panels/aid/aidSelectors';
import { selectLensView } from '../panels/lens/lensSelectors';
import shippedDataset from '../../public/data/dataset.json?raw';

const dataset = JSON.parse(shippedDataset) as Dataset;
/** The index as the dataset's rows give it (not typed here). */
const cpi = (year: number) => {
  const row = dataset.priceIndex!.find((r) => r.year === year);
  if (!row) throw new Error(`no index row for ${year}`);
  return row.value;
};

describe('constant 2024 dollars from the dataset price index', () => {
  it('deflates a fiscal year with the CPI-U of the calendar year it ends in', () => {
    const factor = constantFactor(indexByYear(dataset.priceIndex), 2010);
    expect(factor).toBeCloseTo(cpi(2024) / cpi(2010), 12);
    // About 1.44: a 2010 dollar bought what 1.44 dollars bought in 2024.
    expect(factor!).toBeGreaterThan(1.4);
    expect(factor!).toBeLessThan(1.5);
  });

  it('deflates a multi-year total at the mean index of its years', () => {
    const index = indexByYear(dataset.priceIndex);
    const mean = [2002, 2003, 2004, 2005, 2006, 2007].reduce((s, y) => s + cpi(y), 0) / 6;
    expect(constantFactor(index, 2002, 2007)).toBeCloseTo(cpi(2024) / mean, 12);
  });

  it('has no factor for a year the index lacks, or without the base year', () => {
    const index = indexByYear(dataset.priceIndex);
    expect(constantFactor(index, 2030)).toBeNull();
    expect(constantFactor(new Map([[2010, 218]]), 2010)).toBeNull();
  });

  it('falls back to current dollars, and says why, when the dataset has no index', () => {
    const d = dollarsFor({ priceIndex: undefined }, 'constant');
    expect(d.basis).toBe('current');
    expect(d.constantAvailable).toBe(false);
    expect(d.unavailableReason).toMatch(/no price index/);
    expect(d.factor(2010)).toBe(1);
  });

  it('the aid view: FY2010 constant = current × index 2024 / index 2010, for each category and the total', () => {
    const current = selectAidView(dataset, DEFAULT_FILTERS);
    const constant = selectAidView(dataset, { ...DEFAULT_FILTERS, aidDollars: 'constant' });
    const ratio = cpi(2024) / cpi(2010);
    const fy10 = current.slots.find((s) => s.key === '2010')!;
    const fy10c = constant.slots.find((s) => s.key === '2010')!;
    // CRS (Mar-2014 edition): security 1,236, economic 1,769, CSF 1,499 in FY2010.
    expect(fy10.amounts).toEqual({ security: 1236, economic: 1769, csf: 1499 });
    for (const key of ['security', 'economic', 'csf']) expect(fy10c.amounts[key]).toBeCloseTo(fy10.amounts[key]! * ratio, 9);
    expect(fy10c.total).toBeCloseTo(4504 * ratio, 9);
    expect(constant.axis).toBe('Appropriated, constant 2024 US$ m');
    expect(current.axis).toBe('Appropriated, US$ m');
  });

  it('the aid table keeps the printed figure beside the deflated one, and cites the index', () => {
    const view = selectAidView(dataset, { ...DEFAULT_FILTERS, aidDollars: 'constant' });
    expect(view.table.columns.map((c) => c.header)).toContain('Amount (constant 2024 US$ m)');
    const esf = view.table.rows.find((r) => r.fiscalYear === 'FY2010' && r.programme === 'ESF')!;
    expect(esf.amountPrinted).toBe(1292);
    expect(esf.amount).toBeCloseTo(1292 * (cpi(2024) / cpi(2010)), 9);
    expect(view.table.measure).toMatch(/constant 2024/);
    expect(view.sourceIds).toContain('bls-cpi-u');
  });

  it('ForeignAssistance.gov FY2024 is unchanged in 2024 dollars (factor 1)', () => {
    const current = selectAidView(dataset, { ...DEFAULT_FILTERS, aidMeasure: 'fa-obligations' });
    const constant = selectAidView(dataset, { ...DEFAULT_FILTERS, aidMeasure: 'fa-obligations', aidDollars: 'constant' });
    expect(constant.slots.find((s) => s.key === '2024')!.total).toBeCloseTo(current.slots.find((s) => s.key === '2024')!.total!, 9);
    expect(constant.undeflatedYears).toEqual([]);
  });

  it('the lens follows the switch; its claims stay as printed', () => {
    const lensCurrent = selectLensView(dataset, { ...DEFAULT_FILTERS });
    const lensConstant = selectLensView(dataset, { ...DEFAULT_FILTERS, aidDollars: 'constant' });
    if (lensCurrent.state !== 'ok' || lensConstant.state !== 'ok') throw new Error('no lens');
    const fy10 = (v: typeof lensCurrent) => v.slots.find((s) => s.start === 2010 && s.end === 2010)!;
    expect(fy10(lensConstant).total).toBeCloseTo(fy10(lensCurrent).total * (cpi(2024) / cpi(2010)), 9);
    expect(lensConstant.claims.map((c) => c.comparisons[0]?.value)).toEqual(lensCurrent.claims.map((c) => c.comparisons[0]?.value));
    expect(lensConstant.table.columns.find((c) => c.key === 'total')!.header).toBe('Total aid (constant 2024 US$ m)');
  });
});
