import { PanelFrame } from '../../components/PanelFrame';
import { useDashboardStore } from '../../store/store';

export function AidPanel() {
  const rowCount = useDashboardStore((s) => s.dataset?.aid?.length ?? 0);
  return (
    <PanelFrame panel="aid">
      <p>{rowCount} aid rows loaded.</p>
    </PanelFrame>
  );
}
