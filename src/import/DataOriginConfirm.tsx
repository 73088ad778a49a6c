import { useEffect, useId, useRef, type KeyboardEvent } from 'react';
import { keepTabInside } from '../components/focusTargets';
import type { DataParamConfirm } from './useDataParam';

/**
 * "Load data from <host>?": asked before a `?data=` link fetches from another site. The host is
 * shown in full (it wraps, never cut), focus starts on Cancel (the safe answer), Tab stays in
 * the dialog and Escape cancels.
 */
export function DataOriginConfirm({ confirm }: { confirm: DataParamConfirm }) {
  const titleId = useId();
  const descriptionId = useId();
  const dialogRef = useRef<HTMLDivElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    cancelRef.current?.focus();
    // Closed either way: focus goes to the page's main content, not to <body>.
    return () => {
      if (document.activeElement === document.body || !document.activeElement?.isConnected) document.querySelector<HTMLElement>('main')?.focus();
    };
  }, []);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      confirm.cancel();
      return;
    }
    keepTabInside(event, dialogRef.current);
  };

  return (
    <div className="data-origin-confirm__backdrop">
      <div ref={dialogRef} className="data-origin-confirm" role="alertdialog" aria-modal="true" aria-labelledby={titleId} aria-describedby={descriptionId} onKeyDown={onKeyDown}>
        <h2 id={titleId} className="data-origin-confirm__title">
          Load data from {confirm.host}?
        </h2>
        <div id={descriptionId}>
          <p>
            This link asks the dashboard to show data from another site instead of its built-in dataset. Its figures are not checked against the dashboard’s sources. Load it only if you trust{' '}
            <strong className="data-origin__host">{confirm.host}</strong>.
          </p>
          <p className="data-origin-confirm__address">
            Address: <span className="data-origin__host">{confirm.href}</span>
          </p>
        </div>
        <div className="data-origin-confirm__actions">
          <button type="button" className="button button--primary" onClick={confirm.load}>
            Load
          </button>
          <button ref={cancelRef} type="button" className="button" onClick={confirm.cancel}>
            Cancel
          </button>
        </div>
      </div>
    </div>
  );
}
