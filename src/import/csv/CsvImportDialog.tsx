/**
 * "Import CSV…": map a spreadsheet's columns onto one of the dataset's tables, check the rows with
 * the dataset's own rules, then add them to the data on screen or replace it. Loaded on demand
 * (with papaparse and its worker) the first time someone imports a CSV.
 */
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { TRACKERS, type Tracker } from '../../data/schema';
import { DatasetProblemsView } from '../../components/LoadStates';
import { useDashboardStore } from '../../store/store';
import { applyDataset, fileOrigin, showLoadNotices } from '../loadDataset';
import { CsvImporter, type ImportOutcome } from './csvImporter';
import { guessTracker, TRACKER_LABELS, type CsvPreview, type ImportMode } from './csvSession';
import { ENCODING_LABELS, ENCODINGS, type EncodingChoice } from './decode';
import { DATE_ORDER_LABELS, DATE_STYLE_LABELS, type DateOrder } from './dates';
import { autoMatch, CSV_TABLE_LABELS, CSV_TABLES, TARGET_FIELDS, type ColumnMapping, type CsvTable } from './fields';
import { downloadTemplate } from '../template';
import './csvImport.css';

const KEY_DATE_FIELD: Record<CsvTable, string> = { strikes: 'date', events: 'date', incidents: 'dateStart', aid: 'fiscalYearStart' };
const today = () => new Date().toISOString().slice(0, 10);
const defaultPrefix = (table: CsvTable, tracker: Tracker) => (table === 'strikes' && tracker !== 'user' ? `${tracker}-` : '');

export default function CsvImportDialog({ file, onClose }: { file: File; onClose: () => void }) {
  const titleId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [importer] = useState(() => new CsvImporter());
  const current = useDashboardStore((s) => s.dataset);
  const [encoding, setEncoding] = useState<EncodingChoice>('auto');
  const [preview, setPreview] = useState<CsvPreview | null>(null);
  const [readError, setReadError] = useState<string | null>(null);
  const [table, setTable] = useState<CsvTable>('strikes');
  const [mapping, setMapping] = useState<ColumnMapping>([]);
  const [dateOrder, setDateOrder] = useState<DateOrder>('dmy');
  const [tracker, setTracker] = useState<Tracker>(() => guessTracker(file.name));
  const [idPrefix, setIdPrefix] = useState(() => defaultPrefix('strikes', guessTracker(file.name)));
  const [mode, setMode] = useState<ImportMode>(current ? 'add' : 'replace');
  const [busy, setBusy] = useState<string | null>(`Reading ${file.name}…`);
  const [outcome, setOutcome] = useState<ImportOutcome | null>(null);

  useEffect(() => () => importer.dispose(), [importer]);
  useEffect(() => headingRef.current?.focus(), []);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') onClose();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);

  useEffect(() => {
    let live = true;
    importer
      .read(file, encoding, file.name)
      .then((p) => {
        if (!live) return;
        setPreview(p);
        setReadError(p.problem ?? null);
        setTable(p.table);
        setMapping(p.mapping);
        const dateColumn = p.mapping.indexOf(KEY_DATE_FIELD[p.table]);
        const info = dateColumn === -1 ? null : p.dateColumns[dateColumn];
        if (info) setDateOrder(info.order);
        setIdPrefix(defaultPrefix(p.table, guessTracker(file.name)));
      })
      .catch((err: unknown) => live && setReadError(`${file.name} could not be read: ${err instanceof Error ? err.message : String(err)}`))
      .finally(() => live && setBusy(null));
    return () => {
      live = false;
    };
  }, [importer, file, encoding]);

  const fields = TARGET_FIELDS[table];
  const dateColumn = mapping.indexOf(KEY_DATE_FIELD[table]);
  const dateInfo = preview && dateColumn !== -1 ? preview.dateColumns[dateColumn] : null;
  const mappedColumns = useMemo(() => mapping.map((f, i) => [f, i] as const).filter((x): x is readonly [string, number] => x[0] !== null), [mapping]);

  const changeTable = (next: CsvTable) => {
    setTable(next);
    setMapping(preview ? autoMatch(preview.headers, next) : []);
    setIdPrefix(defaultPrefix(next, tracker));
    setOutcome(null);
  };
  const changeField = (column: number, field: string | null) => {
    setMapping((m) => m.map((f, i) => (i === column ? field : f === field && field !== null ? null : f)));
    setOutcome(null);
  };

  const load = (result: Extract<ImportOutcome, { ok: true }>) => {
    const merged = mode === 'add' && current !== null;
    applyDataset(result.dataset, fileOrigin(file.name, result.dataset, { merged }), { resetFilters: !merged, ...(result.json ? { json: result.json } : {}) });
    const notices = [...result.notices];
    if (result.failed > 0) notices.push(`${result.failed.toLocaleString('en-US')} row${result.failed === 1 ? '' : 's'} failed the checks and ${result.failed === 1 ? 'was' : 'were'} not loaded.`);
    showLoadNotices(file.name, notices);
    onClose();
  };

  const check = async () => {
    setBusy('Checking the rows…');
    setOutcome(null);
    try {
      const result = await importer.build({ table, mapping, dateOrder, tracker, idPrefix, mode: current ? mode : 'replace', fileName: file.name, today: today() }, mode === 'add' ? current : null);
      if (result.ok && result.failed === 0) load(result);
      else setOutcome(result);
    } catch (err) {
      setReadError(`The rows could not be checked: ${err instanceof Error ? err.message : String(err)}`);
    } finally {
      setBusy(null);
    }
  };

  const hasId = mapping.includes('id');

  return (
    <div className="csv-import__backdrop">
      <div className="csv-import" role="dialog" aria-modal="true" aria-labelledby={titleId}>
        <h2 id={titleId} ref={headingRef} tabIndex={-1}>
          Import CSV: {file.name}
        </h2>
        <p className="csv-import__status" role="status">
          {busy ?? ''}
        </p>
        {readError && (
          <p className="csv-import__error" role="alert">
            {readError}
          </p>
        )}
        {preview && !preview.problem && !outcome && (
          <>
            <div className="csv-import__options">
              <label>
                <span>The rows are</span>
                <select value={table} onChange={(e) => changeTable(e.target.value as CsvTable)}>
                  {CSV_TABLES.map((t) => (
                    <option key={t} value={t}>
                      {CSV_TABLE_LABELS[t]}
                    </option>
                  ))}
                </select>
              </label>
              <label>
                <span>Encoding</span>
                <select
                  value={encoding}
                  onChange={(e) => {
                    setBusy(`Reading ${file.name}…`);
                    setEncoding(e.target.value as EncodingChoice);
                  }}
                >
                  <option value="auto">Detect ({ENCODING_LABELS[preview.encoding]})</option>
                  {ENCODINGS.map((e) => (
                    <option key={e} value={e}>
                      {ENCODING_LABELS[e]}
                    </option>
                  ))}
                </select>
              </label>
              {table === 'strikes' && (
                <label>
                  <span>Tracker</span>
                  <select
                    value={tracker}
                    onChange={(e) => {
                      const next = e.target.value as Tracker;
                      if (idPrefix === defaultPrefix(table, tracker)) setIdPrefix(defaultPrefix(table, next));
                      setTracker(next);
                    }}
                  >
                    {TRACKERS.map((t) => (
                      <option key={t} value={t}>
                        {TRACKER_LABELS[t]}
                      </option>
                    ))}
                  </select>
                </label>
              )}
              <label>
                <span>Id prefix</span>
                <input type="text" value={idPrefix} maxLength={20} onChange={(e) => setIdPrefix(e.target.value)} />
              </label>
              <label>
                <span>Day/month order</span>
                <select value={dateOrder} onChange={(e) => setDateOrder(e.target.value as DateOrder)}>
                  {(Object.keys(DATE_ORDER_LABELS) as DateOrder[]).map((o) => (
                    <option key={o} value={o}>
                      {DATE_ORDER_LABELS[o]}
                    </option>
                  ))}
                </select>
              </label>
            </div>
            <p className="csv-import__facts">
              {preview.rowCount.toLocaleString('en-US')} rows. Encoding {ENCODING_LABELS[preview.encoding]} ({preview.encodingReason}).{' '}
              {dateInfo?.sample ? (
                <>
                  Dates in “{preview.headers[dateColumn]}” are {DATE_STYLE_LABELS[dateInfo.style]}
                  {dateInfo.style === 'numeric' ? `, read ${DATE_ORDER_LABELS[dateOrder]}${dateInfo.orderFromData ? ' as the data shows' : ': the data does not settle the order, check it'}` : ''}: “{dateInfo.sample.raw}” becomes {dateInfo.sample.iso ?? 'not a date'}.
                </>
              ) : (
                'No date column is mapped yet.'
              )}
              {!hasId && ' No column is mapped to id: rows get the prefix and their row number as id.'}
            </p>
            <div className="csv-import__scroll">
              <table className="csv-import__mapping">
                <caption>Columns: match each to a field, or ignore it</caption>
                <thead>
                  <tr>
                    <th scope="col">Column in the file</th>
                    <th scope="col">First values</th>
                    <th scope="col">Becomes</th>
                  </tr>
                </thead>
                <tbody>
                  {preview.headers.map((header, i) => (
                    <tr key={i}>
                      <th scope="row">{header || `(column ${i + 1})`}</th>
                      <td className="csv-import__sample">{preview.preview.slice(0, 3).map((r) => r[i] ?? '').filter(Boolean).join(' · ')}</td>
                      <td>
                        <select aria-label={`Field for column ${header || i + 1}`} value={mapping[i] ?? ''} onChange={(e) => changeField(i, e.target.value || null)}>
                          <option value="">Ignore</option>
                          {fields.map((f) => (
                            <option key={f.name} value={f.name}>
                              {f.name}
                            </option>
                          ))}
                        </select>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <div className="csv-import__scroll">
              <table className="csv-import__preview">
                <caption>First rows, as mapped</caption>
                <thead>
                  <tr>
                    {mappedColumns.map(([field]) => (
                      <th key={field} scope="col">
                        {field}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {preview.preview.map((row, r) => (
                    <tr key={r}>
                      {mappedColumns.map(([field, column]) => (
                        <td key={field}>{row[column] ?? ''}</td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <fieldset className="csv-import__mode">
              <legend>What to do with the rows</legend>
              <label>
                <input type="radio" name="csv-mode" value="add" checked={mode === 'add' && current !== null} disabled={current === null} onChange={() => setMode('add')} /> Add to current data
              </label>
              <label>
                <input type="radio" name="csv-mode" value="replace" checked={mode === 'replace' || current === null} onChange={() => setMode('replace')} /> Replace
              </label>
            </fieldset>
          </>
        )}
        {outcome && (
          <div className="csv-import__outcome">
            <DatasetProblemsView
              problems={outcome.problems}
              total={outcome.problemCount}
              heading={outcome.ok ? `${outcome.loaded.toLocaleString('en-US')} rows are valid; ${outcome.failed.toLocaleString('en-US')} failed the checks` : `${file.name} cannot be imported`}
            >
              {outcome.notices.map((n) => (
                <p key={n}>{n}</p>
              ))}
            </DatasetProblemsView>
          </div>
        )}
        <div className="csv-import__actions">
          {outcome?.ok && (
            <button type="button" className="button button--primary" onClick={() => load(outcome)}>
              Load {outcome.loaded.toLocaleString('en-US')} valid rows
            </button>
          )}
          {outcome && (
            <button type="button" className="button" onClick={() => setOutcome(null)}>
              Back to the columns
            </button>
          )}
          {preview && !preview.problem && !outcome && (
            <button type="button" className="button button--primary" disabled={busy !== null} onClick={() => void check()}>
              Check and import
            </button>
          )}
          <button type="button" className="button" onClick={() => downloadTemplate()}>
            Download template
          </button>
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
        </div>
      </div>
    </div>
  );
}
