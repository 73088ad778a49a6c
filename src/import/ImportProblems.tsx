import { useEffect, useRef } from 'react';
import { DatasetProblemsView } from '../components/LoadStates';
import { useDashboardStore } from '../store/store';
import { useImportStore } from './importStore';

/** The problems of the last rejected file or address, over a dashboard that still shows what it showed before. */
export function ImportProblems() {
  const rejection = useImportStore((s) => s.rejection);
  const dismiss = useImportStore((s) => s.dismissRejection);
  const hasDataset = useDashboardStore((s) => s.dataset !== null);
  const originLabel = useDashboardStore((s) => s.datasetOrigin.label);
  const ref = useRef<HTMLDivElement>(null);

  // Keyboard and screen-reader users land on the list instead of hunting for it.
  useEffect(() => {
    if (rejection) ref.current?.focus();
  }, [rejection]);

  if (!rejection) return null;
  const heading = `${rejection.source} was not loaded`;
  const after = (
    <>
      <p>Nothing was changed.{hasDataset ? ` On screen: ${originLabel}.` : ''}</p>
      <button type="button" className="button" onClick={dismiss}>
        Dismiss
      </button>
    </>
  );
  return (
    <div className="import-problems" ref={ref} tabIndex={-1} aria-label="Dataset not loaded">
      {rejection.network ? (
        // The file never arrived: what happened on the network, not a list of places in a file.
        <div className="load-error" role="alert">
          <h2>{heading}</h2>
          {rejection.problems.map((problem, i) => (
            <p key={i} className="load-error__network">
              {problem.message}
            </p>
          ))}
          {after}
        </div>
      ) : (
        <DatasetProblemsView problems={rejection.problems} total={rejection.problemCount} heading={heading}>
          {after}
        </DatasetProblemsView>
      )}
    </div>
  );
}
