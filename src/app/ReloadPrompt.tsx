import { useEffect, useRef } from 'react';
import { createPortal } from 'react-dom';
import { dismissReloadOffer, reloadApp, useReloadOffer } from './reloadOffer';
import './reloadPrompt.css';

/**
 * "A new version is available — Reload". In the entry chunk on purpose: when a deployment has
 * removed this version's chunks, a lazily loaded prompt could not load either. Portalled to
 * <body>, so it stays usable over present mode (which makes #root inert) and the deck editor.
 */
export function ReloadPrompt() {
  const reason = useReloadOffer((s) => s.reason);
  const reloadButton = useRef<HTMLButtonElement>(null);

  // Something the user asked for failed to load: the way on is this button, wherever focus was
  // (a modal sheet keeps Tab inside itself).
  useEffect(() => {
    if (reason === 'stale') reloadButton.current?.focus();
  }, [reason]);

  if (reason === null) return null;
  return createPortal(
    <section className="reload-prompt" aria-labelledby="reload-prompt-title">
      <p role="status">
        <strong id="reload-prompt-title">A new version is available.</strong>{' '}
        {reason === 'stale' ? 'This tab still runs the old one, and part of it is no longer available. Reload to continue: your view and your slides are kept.' : 'Reload to use it: your view and your slides are kept.'}
      </p>
      <div className="reload-prompt__actions">
        <button ref={reloadButton} type="button" className="button button--primary" onClick={reloadApp}>
          Reload
        </button>
        {reason === 'update' && (
          <button type="button" className="button button--link" onClick={dismissReloadOffer}>
            Later
          </button>
        )}
      </div>
    </section>,
    document.body,
  );
}
