import { PanelFrame } from '../../components/PanelFrame';
import { useDashboardStore } from '../../store/store';

export function TimelinePanel() {
  const rowCount = useDashboardStore((s) => s.dataset?.events?.length ?? 0);
  return (
    <PanelFrame panel="timeline">
      <p>{rowCount} events loaded.</p>
    </PanelFrame>
  );
}
