import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { PanelFrame } from '../../src/components/PanelFrame';

let shouldThrow = true;
function Fragile() {
  if (shouldThrow) throw new Error('bad row in the chart');
  return <p>Chart drawn</p>;
}

beforeEach(() => {
  shouldThrow = true;
  // React and the boundary log the caught error; keep the test output readable.
  vi.spyOn(console, 'error').mockImplementation(() => {});
  vi.spyOn(console, 'warn').mockImplementation(() => {});
});
afterEach(() => vi.restoreAllMocks());

describe('PanelFrame error boundary', () => {
  it('shows the error card in the failing panel while its sibling still renders', () => {
    render(
      <>
        <PanelFrame panel="aid">
          <Fragile />
        </PanelFrame>
        <PanelFrame panel="drones">
          <p>Drone chart drawn</p>
        </PanelFrame>
      </>,
    );
    const failing = screen.getByRole('region', { name: 'US aid to Pakistan' });
    const alert = within(failing).getByRole('alert');
    expect(alert).toHaveTextContent('This panel failed to draw');
    expect(alert).toHaveTextContent('bad row in the chart');
    expect(within(alert).getByRole('button', { name: 'Reload panel' })).toBeInTheDocument();

    const sibling = screen.getByRole('region', { name: 'Drone strikes' });
    expect(within(sibling).getByText('Drone chart drawn')).toBeInTheDocument();
    expect(within(sibling).queryByRole('alert')).not.toBeInTheDocument();
    // The failing panel keeps its heading, so the page layout and names stay intact.
    expect(within(failing).getByRole('heading', { name: 'US aid to Pakistan' })).toBeInTheDocument();
  });

  it('"Reload panel" draws the panel again once the cause is gone', async () => {
    render(
      <PanelFrame panel="map">
        <Fragile />
      </PanelFrame>,
    );
    const panel = screen.getByRole('region', { name: 'Border incidents map' });
    shouldThrow = false;
    await userEvent.click(within(panel).getByRole('button', { name: 'Reload panel' }));
    expect(within(panel).getByText('Chart drawn')).toBeInTheDocument();
    expect(within(panel).queryByRole('alert')).not.toBeInTheDocument();
  });

  it('shows the card again if the panel still fails after a reload', async () => {
    render(
      <PanelFrame panel="timeline">
        <Fragile />
      </PanelFrame>,
    );
    const panel = screen.getByRole('region', { name: 'Cooperation and friction timeline' });
    await userEvent.click(within(panel).getByRole('button', { name: 'Reload panel' }));
    expect(within(panel).getByRole('button', { name: 'Reload panel' })).toBeInTheDocument();
  });
});
