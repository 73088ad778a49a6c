import { PanelFrame } from '../../components/PanelFrame';
import { useDashboardStore } from '../../store/store';

export function DronePanel() {
  const rowCount = useDashboardStore((s) => s.dataset?.strikes?.length ?? 0);
  return (
    <PanelFrame panel="drones">
      <p>{rowCount} strikes loaded.</p>
    </PanelFrame>
  );
}
