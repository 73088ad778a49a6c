import { useEffect, useRef } from 'react';
import { DatasetProblemsView } from '../components/LoadStates';
import { useDashboardStore } from '../store/store';
import { useImportStore } from './importStore';
import { restoreFocus } from '../components/focusTargets';

/** The problems of the last rejected file or address, over a dashboard that still shows what it showed before. */
export function ImportProblems() {
  const rejection = useImportStore((s) => s.rejection);
  const dismiss = useImportStore((s) => s.dismissRejection);
  const hasDataset = useDashboardStore((s) => s.dataset !== null);
  const originLabel = useDashboardStore((s) => s.datasetOrigin.label);
  const ref = useRef<HTMLDivElement>(null);
  const focusBefore = useRef<Element | null>(null);

  // Keyboard and screen-reader users land on the list instead of hunting for it; Dismiss takes
  // them back to where they were (the import button), else to the dashboard.
  useEffect(() => {
    if (!rejection) return;
    if (!ref.current?.contains(document.activeElement)) focusBefore.current = document.activeElement;
    ref.current?.focus();
  }, [rejection]);
  const onDismiss = () => {
    dismiss();
    restoreFocus(focusBefore.current);
    focusBefore.current = null;
  };

  if (!rejection) return null;
  const heading = `${rejection.source} was not loaded`;
  const after = (
    <>
      <p>Nothing was changed.{hasDataset ? ` On screen: ${originLabel}.` : ''}</p>
      <button type="button" className="button" onClick={onDismiss}>
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
