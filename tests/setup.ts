import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';
import { useDashboardStore } from '../src/store/store';

// The app store is a module singleton; every test starts from its initial state.
const initialDashboardState = useDashboardStore.getState();

afterEach(() => {
  cleanup();
  useDashboardStore.setState(initialDashboardState, true);
});
