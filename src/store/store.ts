/**
 * One zustand store built from three slices: the dataset, the filters and the UI. Panels read
 * it only through selectors, so a panel re-renders only when what it reads changes.
 */
import { create } from 'zustand';
import { createDatasetSlice, type DatasetSlice } from './datasetSlice';
import { createFilterSlice, type FilterSlice } from './filterSlice';
import { createUiSlice, type UiSlice } from './uiSlice';

export type DashboardState = DatasetSlice & FilterSlice & UiSlice;

export const createDashboardStore = () =>
  create<DashboardState>()((...a) => ({
    ...createDatasetSlice(...a),
    ...createFilterSlice(...a),
    ...createUiSlice(...a),
  }));

export const useDashboardStore = createDashboardStore();
