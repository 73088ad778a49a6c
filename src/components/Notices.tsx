import { useDashboardStore } from '../store/store';
import { DASHBOARD_ID, focusById } from './focusTargets';

/** Dismissible notices: what a link or a file contained that the dashboard could not use. */
export function Notices() {
  const notices = useDashboardStore((s) => s.notices);
  const dismissNotice = useDashboardStore((s) => s.dismissNotice);
  if (notices.length === 0) return null;
  return (
    <div className="notices">
      {notices.map((notice) => (
        <div key={notice.id} className={`notice notice--${notice.tone}`} role={notice.tone === 'error' ? 'alert' : 'note'} aria-label={notice.title}>
          <div>
            <strong>{notice.title}</strong>
            {notice.details.length > 0 && (
              <ul>
                {notice.details.map((detail, i) => (
                  <li key={i}>{detail}</li>
                ))}
              </ul>
            )}
          </div>
          <button type="button" className="button" onClick={() => {
              // The button goes with its notice: focus moves to the dashboard, not to <body>.
              dismissNotice(notice.id);
              focusById(DASHBOARD_ID);
            }} aria-label={`Dismiss: ${notice.title}`}>
            Dismiss
          </button>
        </div>
      ))}
    </div>
  );
}
