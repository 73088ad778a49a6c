import type { MouseEvent } from 'react';
import type { PanelMeta } from '../panels/panelMeta';
import { DASHBOARD_ID, focusById, panelHeadingId } from './focusTargets';

/**
 * The page's first Tab stops: "Skip to the dashboard", then one link per panel (from the
 * registry), hidden until focused. Activating one moves focus itself rather than changing the
 * URL's fragment: the view lives in the query string, and a fragment jump would add a history entry.
 */
export function SkipLinks({ panels }: { panels: readonly PanelMeta[] }) {
  const jump = (event: MouseEvent<HTMLAnchorElement>, id: string) => {
    if (focusById(id)) event.preventDefault();
  };
  return (
    <nav className="skip-links" aria-label="Skip links">
      <ul>
        <li>
          <a href={`#${DASHBOARD_ID}`} onClick={(e) => jump(e, DASHBOARD_ID)}>
            Skip to the dashboard
          </a>
        </li>
        {panels.map((panel) => (
          <li key={panel.id}>
            <a href={`#${panelHeadingId(panel.id)}`} onClick={(e) => jump(e, panelHeadingId(panel.id))}>
              Skip to {panel.title}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
