import { exportFileName, fileYears, filterParts, slugify } from '../../src/export/fileName';
import { fileYearsFor, filterLine, yearsText } from '../../src/export/filterLine';
import { slideFileName } from '../../src/export/exportSlides';

const none = { tones: [], themes: [] };
const coverage = { from: 2001, to: 2024 };

describe('file names', () => {
  it('slugs titles to lower-case ASCII words', () => {
    expect(slugify('US aid to Pakistan')).toBe('us-aid-to-pakistan');
    expect(slugify('Cooperation and friction timeline')).toBe('cooperation-and-friction-timeline');
    expect(slugify('  Pakistan–US relations: Ḥaqqānī!  ')).toBe('pakistan-us-relations-haqqani');
    expect(slugify('!!!')).toBe('');
  });

  it('names the panel and the filters: years (FY for aid), tones, themes', () => {
    expect(exportFileName({ title: 'US aid to Pakistan', years: fileYears({ from: 2008, to: 2011 }, coverage, true), filters: none, ext: 'png' })).toBe('us-aid-to-pakistan_FY2008-FY2011.png');
    expect(exportFileName({ title: 'Drone strikes', years: fileYears({ from: 2008, to: 2011 }, coverage), filters: { tones: ['friction'], themes: [] }, ext: 'csv' })).toBe('drone-strikes_2008-2011_friction.csv');
    expect(exportFileName({ title: 'Drone strikes', years: fileYears({ from: 2009, to: 2009 }, coverage), filters: { tones: ['cooperation', 'friction'], themes: ['border'] }, ext: 'svg' })).toBe(
      'drone-strikes_2009_cooperation_friction_border.svg',
    );
  });

  it('writes all years as the coverage, and scale or slide suffixes', () => {
    expect(exportFileName({ title: 'Border incidents map', years: fileYearsFor({ yearRange: null }, coverage, true), filters: none, ext: 'png' })).toBe('border-incidents-map_2001-2024.png');
    expect(exportFileName({ title: 'Border incidents map', years: '2001-2024', filters: none, ext: 'png', suffix: '@4x' })).toBe('border-incidents-map_2001-2024@4x.png');
    expect(exportFileName({ title: 'Dashboard', years: '2008-2011', filters: none, ext: 'png', suffix: 'slide-16x9' })).toBe('dashboard_2008-2011_slide-16x9.png');
    expect(exportFileName({ title: '', years: '2001-2024', filters: none, ext: 'csv' })).toBe('export_2001-2024.csv');
  });

  it('lists tone and theme parts in filter order', () => {
    expect(filterParts({ tones: ['context'], themes: ['military-operation', 'aid'] })).toEqual(['context', 'military-operation', 'aid']);
  });

  it('numbers slide files in order', () => {
    expect(slideFileName(0, 'Salala attack', 3)).toBe('01-salala-attack.png');
    expect(slideFileName(11, '', 120)).toBe('012-slide.png');
  });
});

describe('filter line', () => {
  it('reads like the filter bar, with fiscal years for aid', () => {
    expect(filterLine({ yearRange: { from: 2008, to: 2011 }, tones: ['friction'], themes: [] }, coverage, true)).toBe('FY2008–FY2011 · friction');
    expect(filterLine({ yearRange: { from: 2008, to: 2011 }, tones: ['friction'], themes: ['border', 'aid'] }, coverage)).toBe('2008–2011 · friction · Border, Aid');
    expect(filterLine({ yearRange: null, tones: [], themes: [] }, coverage)).toBe('All years (2001–2024)');
    expect(yearsText({ from: 2009, to: 2009 }, true)).toBe('FY2009');
  });
});
