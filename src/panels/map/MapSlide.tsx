/**
 * The border map on a slide: the offline basemap filling the slide area, with the key and the
 * selected incident written beside it in slide-sized type (Leaflet's own popups, hover tooltips
 * and zoom buttons stay hidden in present mode).
 */
import { Suspense } from 'react';
import { lazyWithReload } from '../../app/lazyWithReload';
import { SlideFrame, type PanelSlideProps } from '../../components/slide/SlideFrame';
import { yearsLabel } from '../../components/slide/slideKit';
import { mapMeta } from './mapMeta';
import { markerClass } from './markerClass';
import { useBorderMapPanelData } from './useBorderMapPanelData';

const BorderMap = lazyWithReload(() => import('./BorderMap').then((m) => ({ default: m.BorderMap })));

export function MapSlide(_props: PanelSlideProps) {
  const { view, highlight, select } = useBorderMapPanelData();
  if (!view) return null;
  const selected = view.incidents.find((i) => i.id === highlight.incidentId) ?? view.operations.find((i) => i.id === highlight.incidentId) ?? null;
  const strike = highlight.strikeId ? view.strikes.find((s) => s.id === highlight.strikeId) : undefined;
  const years = yearsLabel(view.yearRange, 'all years');
  const counts = [
    view.layers.incidents && `${view.incidents.length} incidents`,
    view.layers.strikes && `${view.strikes.length.toLocaleString('en-US')} drone strikes`,
    view.layers.operations && view.operations.length > 0 && `${view.operations.length} operations`,
  ].filter(Boolean);

  const aside = (
    <>
      <ul className="map-slide__key" aria-label="Map key">
        {view.layers.incidents && (
          <li>
            <span className={`map-legend__swatch ${markerClass('border-incident', false)}`} aria-hidden="true" />
            Incident
          </li>
        )}
        {view.layers.strikes && (
          <li>
            <span className="map-legend__swatch map-legend__strike" aria-hidden="true" />
            Drone strike
          </li>
        )}
        {view.layers.operations && view.operations.length > 0 && (
          <li>
            <span className={`map-legend__swatch ${markerClass('military-operation', false)}`} aria-hidden="true" />
            Army operation
          </li>
        )}
        <li>
          <span className={`map-legend__swatch ${markerClass('incident', true)}`} aria-hidden="true" />
          Dashed: approximate
        </li>
      </ul>
      {selected && (
        <div className="map-slide__card">
          <p className="map-slide__card-title">{selected.name}</p>
          <p>{selected.dateLabel}</p>
          <p>Killed: {selected.killed}</p>
          {selected.wounded !== 'unknown' && <p>Wounded: {selected.wounded}</p>}
          <p>{selected.district}</p>
        </div>
      )}
      {strike && (
        <div className="map-slide__card">
          <p className="map-slide__card-title">Drone strike, {strike.dateLabel}</p>
          <p>Killed: {strike.killed}</p>
          <p>{strike.agency}</p>
        </div>
      )}
    </>
  );

  return (
    <SlideFrame panel="map" title={mapMeta.title} subtitle={`${years}: ${counts.join(', ') || 'all layers off'}`} aside={aside}>
      {() => (
        <div className="map-slide">
          <Suspense fallback={<div className="border-map border-map--loading skeleton" role="img" aria-label="Loading the map" />}>
            <BorderMap incidents={view.incidents} operations={view.operations} strikes={view.strikes} highlight={highlight} onSelect={select} />
          </Suspense>
        </div>
      )}
    </SlideFrame>
  );
}
