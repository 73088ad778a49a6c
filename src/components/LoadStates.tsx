import { useState, type ReactNode } from 'react';
import { PANELS } from '../panels/registry';
import { copyText } from '../import/copyText';
import { PanelSkeleton } from './PanelFrame';
import { formatProblem, type DatasetProblem } from '../data/problems';
import { formatGroup, groupProblems, problemsAsCsv } from '../data/problemGroups';
import { downloadBlob } from '../export/download';

/** The panel frames in place while the dataset loads, so nothing jumps when it arrives. */
export function DashboardSkeleton() {
  return (
    <>
      <p className="sr-only" role="status">
        Loading the dataset…
      </p>
      <div className="panel-grid">
        {PANELS.map(({ id }) => (
          <PanelSkeleton key={id} panel={id} />
        ))}
      </div>
    </>
  );
}

export function NetworkErrorView({ message, onRetry, retrying }: { message: string; onRetry: () => void; retrying: boolean }) {
  return (
    <div className="load-error" role="alert">
      <h2>The dataset could not be loaded</h2>
      <p>The dashboard could not fetch its data. Check the connection (or that the server is running) and try again.</p>
      <p className="load-error__detail">{message}</p>
      <button type="button" className="button button--primary" onClick={onRetry} disabled={retrying}>
        {retrying ? 'Retrying…' : 'Retry'}
      </button>
    </div>
  );
}

/** Shown only up to this many problems at once; the rest are counted. */
const PROBLEM_DISPLAY_LIMIT = 100;

/** The problem list as plain text, one problem per line, for the clipboard or an issue report. */
export function problemsAsText(heading: string, problems: readonly DatasetProblem[], total = problems.length): string {
  const lines = problems.map(formatProblem);
  if (total > problems.length) lines.push(`…and ${total - problems.length} more`);
  return [heading, ...lines].join('\n');
}

/** "Copy problems": the Clipboard API, else the legacy copy, else the text shown for copying by hand. */
export function CopyProblemsButton({ text }: { text: string }) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  return (
    <div className="problem-copy">
      <button type="button" className="button" onClick={() => void copyText(text).then((ok) => setState(ok ? 'copied' : 'failed'))}>
        Copy problems
      </button>
      <span role="status" className="problem-copy__status">
        {state === 'copied' ? 'Copied to the clipboard.' : state === 'failed' ? 'The browser refused to copy; select the text below and copy it.' : ''}
      </span>
      {state === 'failed' && <textarea className="problem-copy__text" readOnly value={text} aria-label="Problems as text" rows={6} onFocus={(e) => e.currentTarget.select()} />}
    </div>
  );
}

export function DatasetProblemsView({
  problems,
  heading = 'The dataset is not valid',
  total = problems.length,
  children,
}: {
  problems: DatasetProblem[];
  heading?: string;
  /** How many problems were found, when `problems` holds only the first of them. */
  total?: number;
  /** Extra content under the list (what happens now, a dismiss button). */
  children?: ReactNode;
}) {
  const shown = problems.slice(0, PROBLEM_DISPLAY_LIMIT);
  const hidden = total - shown.length;
  // One mistake repeated on many rows reads as one line with a count and the first row ids.
  const groups = groupProblems(problems);
  const grouped = groups.length < problems.length;
  const list = (
    <ul className="problem-list" aria-label="Dataset problems">
      {shown.map((problem, i) => (
        <li key={i}>
          <code>{formatProblem(problem)}</code>
        </li>
      ))}
    </ul>
  );
  return (
    <div className="load-error" role="alert">
      <h2>{heading}</h2>
      <p>
        {total === 1 ? 'One problem was found' : `${total.toLocaleString('en-US')} problems were found`}
        {grouped ? `, breaking ${groups.length} rule${groups.length === 1 ? '' : 's'}` : ''}. Each line gives where in the file the problem is and what is expected.
      </p>
      {grouped ? (
        <>
          <ul className="problem-list" aria-label="Problems by rule">
            {groups.map((group, i) => (
              <li key={i}>
                <code>{formatGroup(group)}</code>
              </li>
            ))}
          </ul>
          <details className="problem-details">
            <summary>Every problem, one per line</summary>
            {list}
            {hidden > 0 && <p>…and {hidden.toLocaleString('en-US')} more (all of them are in the CSV).</p>}
          </details>
        </>
      ) : (
        <>
          {list}
          {hidden > 0 && <p>…and {hidden} more.</p>}
        </>
      )}
      <div className="problem-actions">
        <CopyProblemsButton text={problemsAsText(heading, problems, total)} />
        <button type="button" className="button" onClick={() => downloadBlob(new Blob([problemsAsCsv(problems)], { type: 'text/csv' }), 'dataset-problems.csv')}>
          Download problems (CSV)
        </button>
      </div>
      {children}
    </div>
  );
}
