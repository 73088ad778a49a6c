/**
 * What the dashboard's first load holds of seminar mode: stand-ins for the header's "Present" and
 * "Slides" buttons and for the present-mode layer. The real ones (the seminar store, the deck
 * codec with its zod schema, the example deck) load once the panels have painted, and replace the
 * stand-ins in place: the same buttons, disabled for that moment. Present mode's view and the deck
 * editor load later still, when first opened (SeminarRoot, SeminarControls).
 */
import { Suspense, type JSX } from 'react';
import { lazyWithReload } from '../app/lazyWithReload';
import { useAfterFirstPaint } from '../app/afterFirstPaint';
import './seminar.css';

const Controls = lazyWithReload(() => import('./SeminarControls').then((m) => ({ default: m.SeminarControls })));
const Root = lazyWithReload(() => import('./SeminarRoot').then((m) => ({ default: m.SeminarRoot })));

function ControlsStandIn(): JSX.Element {
  return (
    <div className="seminar-controls">
      <button type="button" className="button button--primary" disabled>
        Present
      </button>
      <button type="button" className="button" disabled>
        Slides
      </button>
    </div>
  );
}

export function SeminarControls(): JSX.Element {
  const ready = useAfterFirstPaint();
  if (!ready) return <ControlsStandIn />;
  return (
    <Suspense fallback={<ControlsStandIn />}>
      <Controls />
    </Suspense>
  );
}

export function SeminarRoot(): JSX.Element | null {
  const ready = useAfterFirstPaint();
  if (!ready) return null;
  return (
    <Suspense fallback={null}>
      <Root />
    </Suspense>
  );
}
