/**
 * One-off import: copies the FACT columns of the shared research files into data/raw/.
 * Run from the project root with the shared folder beside it: `npx tsx scripts/import-raw.ts`.
 * The build never reads ../shared; it reads only what this script (or a person) put in data/.
 *
 * Prose columns are dropped on purpose: TBIJ `summary`, `target` (names of people) and
 * `bij_link`; PBC `Comments`, `References` and `Special Mention (Site)`.
 */
import { chmodSync, copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseCsv, writeCsv } from './lib/csv';

const root = resolve(import.meta.dirname, '..');
const shared = resolve(root, process.argv[2] ?? '../shared');
const rawIn = join(shared, 'data/raw');
const researchIn = join(shared, 'data/research');
const rawOut = join(root, 'data/raw');

function subset(text: string, keep: string[]): string {
  const [header, ...rows] = parseCsv(text);
  if (!header) throw new Error('empty CSV');
  const idx = keep.map((k) => {
    const i = header.indexOf(k);
    if (i < 0) throw new Error(`column ${k} missing`);
    return i;
  });
  const body = rows.filter((r) => r.some((c) => c.trim() !== '')).map((r) => idx.map((i) => r[i] ?? ''));
  return writeCsv(keep.map((k) => k.trim()), body);
}

// TBIJ via dronestre.am (derived CSV of the Apr-2016 snapshot): facts only.
writeFileSync(
  join(rawOut, 'tbij_dronestream_pakistan_strikes_2004-2016.csv'),
  subset(readFileSync(join(rawIn, 'tbij_dronestream_pakistan_strikes_2004-2016.csv'), 'utf8'), [
    'bureau_id', 'date', 'country', 'town', 'location', 'lat', 'lon',
    'deaths_text', 'deaths_min', 'deaths_max', 'civilians_text', 'civ_min', 'civ_max',
    'injuries_text', 'inj_min', 'inj_max', 'children_text',
  ]),
);

// Pakistan Body Count via Kaggle: cp1252 in the original, written here as UTF-8. Keeps the TOTALS row.
const pbc = new TextDecoder('windows-1252').decode(readFileSync(join(rawIn, 'PakistanDroneAttacks_PBC_kaggle.csv')));
writeFileSync(
  join(rawOut, 'pbc_pakistan_drone_attacks_2004-2017.csv'),
  subset(pbc, [
    'S#', 'Date', 'Time', 'Location', 'City', 'Province', 'No of Strike', 'Al-Qaeda', 'Taliban',
    'Civilians Min', 'Civilians Max', 'Foreigners Min', 'Foreigners Max', 'Total Died Min', 'Total Died Mix',
    'Injured Min', 'Injured Max', 'Women/Children  ', 'Longitude', 'Latitude',
  ]),
);

// ForeignAssistance.gov country summary (all columns are facts) and the geoBoundaries files: verbatim.
for (const f of [
  'foreignassistance_gov_country_summary_PAK.csv',
  'geoBoundaries-PAK-ADM2_simplified.topojson',
  'geoBoundaries-PAK-ADM2-metaData.json',
  'geoBoundaries-AFG-ADM1_simplified.topojson',
  'geoBoundaries-AFG-ADM1-metaData.json',
]) {
  copyFileSync(join(rawIn, f), join(rawOut, f));
  chmodSync(join(rawOut, f), 0o644);
}

// CRS table transcription (long format), facts only: period, programme, category, amount, and the
// footnote/cell note column, with the edition as a short key instead of the citation prose.
const crs = parseCsv(readFileSync(join(researchIn, 'A_us_aid_crs_table_long.csv'), 'utf8'));
const [, ...crsRows] = crs;
const edition = (src: string): string =>
  src.includes('24 Oct 2013') ? 'crs-2013-10' : src.includes('6 Mar 2014') ? 'crs-2014-03' : src.includes('12 Mar 2019') ? 'crs-2019-03' : 'unknown';
writeFileSync(
  join(rawOut, 'crs_pakistan_aid_table_long.csv'),
  writeCsv(
    ['edition', 'period', 'program', 'category', 'usd_millions', 'cell_note'],
    crsRows.filter((r) => r.length > 1).map((r) => [edition(r[0] ?? ''), r[1] ?? '', r[2] ?? '', r[3] ?? '', r[4] ?? '', r[5] ?? '']),
  ),
);
console.log(`import-raw: wrote data/raw from ${shared}`);
