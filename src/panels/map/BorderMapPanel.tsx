import { PanelFrame } from '../../components/PanelFrame';
import { useDashboardStore } from '../../store/store';

export function BorderMapPanel() {
  const rowCount = useDashboardStore((s) => s.dataset?.incidents?.length ?? 0);
  return (
    <PanelFrame panel="map">
      <p>{rowCount} located incidents loaded.</p>
    </PanelFrame>
  );
}
