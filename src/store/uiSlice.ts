import type { StateCreator } from 'zustand';
import type { PanelId } from '../crossfilter/filters';
import type { DashboardState } from './store';

export interface Notice {
  id: string;
  tone: 'info' | 'warning' | 'error';
  title: string;
  details: string[];
}

export interface UiSlice {
  /** Which panels show their data table instead of (or under) the chart. */
  openTables: Partial<Record<PanelId, boolean>>;
  toggleTable: (panel: PanelId) => void;
  notices: Notice[];
  showNotice: (notice: Notice) => void;
  dismissNotice: (id: string) => void;
}

export const createUiSlice: StateCreator<DashboardState, [], [], UiSlice> = (set) => ({
  openTables: {},
  toggleTable: (panel) => set((s) => ({ openTables: { ...s.openTables, [panel]: !s.openTables[panel] } })),
  notices: [],
  showNotice: (notice) => set((s) => ({ notices: [...s.notices.filter((n) => n.id !== notice.id), notice] })),
  dismissNotice: (id) => set((s) => ({ notices: s.notices.filter((n) => n.id !== id) })),
});
