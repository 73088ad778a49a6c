import { useId, type ReactNode } from 'react';
import { useElementSize, type ElementSize } from './useElementSize';
import './slide.css';

export interface PanelSlideProps {
  /** Pixels per slide point (see slideKit.ts): the view's type and marks scale with it. */
  unit: number;
  /**
   * A panel may offer another way to show itself on a slide: the timeline's events list ('list'),
   * or a variant its meta lists in `slideVariants` (the lens's 'claims').
   */
  variant?: string;
}

export interface LegendEntry {
  key: string;
  label: string;
  color: string;
  /** Drawn as a line rather than a block. */
  line?: boolean;
  faint?: boolean;
}

interface SlideFrameProps {
  panel: string;
  title: string;
  /** What is measured and in which unit: always said on a slide. */
  subtitle?: string;
  legend?: readonly LegendEntry[];
  /** One short line under the chart: the reading the slide is about. */
  footnote?: ReactNode;
  /** Draws into the measured chart area (nothing is drawn until it has a size). */
  children: (box: ElementSize) => ReactNode;
  /** Content beside the chart area (a map's legend and selected item). */
  aside?: ReactNode;
}

/**
 * The frame every panel's slide view shares: a region named by the panel's title, the measure
 * line, the chart area (measured, so the view draws to fit and never scrolls), the legend and one
 * footnote. It carries no working controls: present mode keeps those out of sight.
 */
export function SlideFrame({ panel, title, subtitle, legend, footnote, children, aside }: SlideFrameProps) {
  const headingId = useId();
  const [chartRef, box] = useElementSize<HTMLDivElement>();
  return (
    <section className="slide-panel" aria-labelledby={headingId} data-panel={panel}>
      <header className="slide-panel__header">
        <h2 id={headingId} className="slide-panel__title">
          {title}
        </h2>
        {subtitle && <p className="slide-panel__subtitle">{subtitle}</p>}
      </header>
      <div className="slide-panel__body">
        <div ref={chartRef} className="slide-panel__chart">
          {box.width > 0 && box.height > 0 && children(box)}
        </div>
        {aside && <div className="slide-panel__aside">{aside}</div>}
      </div>
      {legend && legend.length > 0 && (
        <ul className="slide-legend" aria-label={`${title}: legend`}>
          {legend.map((entry) => (
            <li key={entry.key} className={entry.faint ? 'slide-legend__item slide-legend__item--faint' : 'slide-legend__item'}>
              <span className={entry.line ? 'slide-legend__swatch slide-legend__swatch--line' : 'slide-legend__swatch'} style={{ background: entry.color }} aria-hidden="true" />
              {entry.label}
            </li>
          ))}
        </ul>
      )}
      {footnote && <p className="slide-panel__footnote">{footnote}</p>}
    </section>
  );
}
