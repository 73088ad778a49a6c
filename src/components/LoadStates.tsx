import { PANEL_IDS } from '../crossfilter/filters';
import { PanelSkeleton } from './PanelFrame';
import { formatProblem, type DatasetProblem } from '../data/validation';

/** The panel frames in place while the dataset loads, so nothing jumps when it arrives. */
export function DashboardSkeleton() {
  return (
    <>
      <p className="sr-only" role="status">
        Loading the dataset…
      </p>
      <div className="panel-grid">
        {PANEL_IDS.map((id) => (
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

export function DatasetProblemsView({ problems, heading = 'The dataset is not valid' }: { problems: DatasetProblem[]; heading?: string }) {
  const shown = problems.slice(0, PROBLEM_DISPLAY_LIMIT);
  const hidden = problems.length - shown.length;
  return (
    <div className="load-error" role="alert">
      <h2>{heading}</h2>
      <p>
        {problems.length === 1 ? 'One problem was found' : `${problems.length} problems were found`}. Each line gives where in the JSON the problem is and what is expected.
      </p>
      <ul className="problem-list" aria-label="Dataset problems">
        {shown.map((problem, i) => (
          <li key={i}>
            <code>{formatProblem(problem)}</code>
          </li>
        ))}
      </ul>
      {hidden > 0 && <p>…and {hidden} more.</p>}
    </div>
  );
}
