import { Suspense, type JSX } from 'react';
import { createPortal } from 'react-dom';
import { exitFullscreenSafely } from './fullscreen';
import { useSeminarStore } from './seminarStore';
import { lazyWithReload } from '../app/lazyWithReload';

/** Present mode's view and its slide drawings load only when a talk starts. */
const SeminarView = lazyWithReload(() => import('./SeminarView'));

/** Leaves seminar mode and full screen; the view the speaker had before presenting comes back. */
export function leaveSeminar(): void {
  useSeminarStore.getState().exit();
  exitFullscreenSafely();
}

/**
 * Seminar mode: a full-screen layer over the (hidden, inert) dashboard. App places it once; it
 * renders nothing until "Present".
 */
export function SeminarRoot(): JSX.Element | null {
  const active = useSeminarStore((s) => s.active);
  if (!active) return null;
  return createPortal(
    <Suspense fallback={<div className="seminar seminar--loading" role="status">Opening present mode…</div>}>
      <SeminarView />
    </Suspense>,
    document.body,
  );
}
