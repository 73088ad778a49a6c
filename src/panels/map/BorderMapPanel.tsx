/**
 * The "Border incidents map" panel: the offline basemap with three toggleable layers
 * (incidents, drone strikes, military operations). It lays out and draws only; what is shown comes
 * from useBorderMapPanelData (pure selectors in mapSelectors.ts).
 */
import { Suspense } from 'react';
import { lazyWithReload } from '../../app/lazyWithReload';
import './map.css';
import { EmptyState, PanelFrame } from '../../components/PanelFrame';
import type { MapLayers } from '../../crossfilter/filters';
import { MAP_LAYER_LABELS, MAP_LAYER_ORDER, type MapLayerId } from './mapSelectors';
import { markerClass } from './markerClass';
import { useBorderMapPanelData } from './useBorderMapPanelData';

/**
 * Leaflet, react-leaflet and their CSS load in a chunk of their own (they are a large share of
 * the first-load JavaScript): the panel's frame, controls, caption and legend render at once,
 * with a placeholder where the map will be.
 */
const BorderMap = lazyWithReload(() => import('./BorderMap').then((m) => ({ default: m.BorderMap })));

function MapLoading() {
  return <div className="border-map border-map--loading skeleton" role="img" aria-label="Loading the map" />;
}

function LayerToggles({ layers, onToggle }: { layers: MapLayers; onToggle: (layer: MapLayerId) => void }) {
  return (
    <fieldset className="map-layers">
      <legend className="map-layers__legend">Layers</legend>
      {MAP_LAYER_ORDER.map((layer) => (
        <label key={layer} className="map-layers__item">
          <input type="checkbox" checked={layers[layer]} onChange={() => onToggle(layer)} />
          {MAP_LAYER_LABELS[layer]}
        </label>
      ))}
    </fieldset>
  );
}

const INCIDENT_LEGEND = [
  { type: 'border-incident', label: 'Border incident' },
  { type: 'raid', label: 'Raid' },
  { type: 'incident', label: 'Other incident' },
  { type: 'base', label: 'Base' },
  { type: 'crossing', label: 'Crossing' },
  { type: 'drone-strike', label: 'Notable drone strike' },
] as const;

/** The key, drawn with the same CSS classes as the markers so the two cannot drift apart. */
function MapLegend({ layers }: { layers: MapLayers }) {
  return (
    <ul className="map-legend" aria-label="Map legend">
      {layers.incidents &&
        INCIDENT_LEGEND.map((entry) => (
          <li key={entry.type}>
            <span className={`map-legend__swatch ${markerClass(entry.type, false)}`} aria-hidden="true" />
            {entry.label}
          </li>
        ))}
      {layers.operations && (
        <li>
          <span className={`map-legend__swatch ${markerClass('military-operation', false)}`} aria-hidden="true" />
          Military operation (shaded area)
        </li>
      )}
      {layers.strikes && (
        <li>
          <span className="map-legend__swatch map-legend__strike" aria-hidden="true" />
          Drone strike (size = deaths; grey = unknown)
        </li>
      )}
      <li>
        <span className="map-legend__swatch map-legend__fata" aria-hidden="true" />
        Former FATA agency
      </li>
      {(layers.incidents || layers.operations || layers.strikes) && (
        <li>
          <span className={`map-legend__swatch ${markerClass('incident', true)}`} aria-hidden="true" />
          Hollow, dashed = approximate location
        </li>
      )}
    </ul>
  );
}

const NOTE =
  'Basemap: Natural Earth countries and geoBoundaries districts/provinces (public domain), no online tiles. ' +
  'Former FATA agencies (shaded) are shown with their 2019 district outlines. Kashmir is drawn with de facto lines; no position is taken on disputed boundaries.';

export function BorderMapPanel() {
  const { view, highlight, toggleMapLayer, select, trackerNote } = useBorderMapPanelData();

  if (!view) {
    return (
      <PanelFrame panel="map">
        <EmptyState>No dataset is loaded.</EmptyState>
      </PanelFrame>
    );
  }

  if (!view.hasIncidentsTable && !view.hasStrikesTable) {
    return (
      <PanelFrame panel="map">
        <EmptyState>This dataset has no incidents table and no strikes table, so the map has nothing to place.</EmptyState>
      </PanelFrame>
    );
  }

  const shown = view.incidents.length + view.operations.length + view.strikes.length;
  const years = view.yearRange ? (view.yearRange.from === view.yearRange.to ? `${view.yearRange.from}` : `${view.yearRange.from}–${view.yearRange.to}`) : 'any year';

  return (
    <PanelFrame
      panel="map"
      controls={<LayerToggles layers={view.layers} onToggle={toggleMapLayer} />}
      hasOwnFilter={view.hasOwnFilter}
      table={view.table}
      note={NOTE}
      sources={view.sources}
    >
      <div className="map-frame">
        <Suspense fallback={<MapLoading />}>
          {/* The map fetches its basemap itself (basemapQuery.ts and TopoJSON decoding live in the lazy chunk). */}
          <BorderMap incidents={view.incidents} operations={view.operations} strikes={view.strikes} highlight={highlight} onSelect={select} />
        </Suspense>
        {view.allLayersOff && (
          <div className="map-frame__overlay">
            <EmptyState>All map layers are off. Turn on Incidents, Drone strikes or Military operations to see them.</EmptyState>
          </div>
        )}
        {!view.allLayersOff && shown === 0 && (
          <div className="map-frame__overlay">
            <EmptyState>Nothing on the map for {years} under the current filters.</EmptyState>
          </div>
        )}
      </div>
      <p className="map-caption" aria-live="polite">
        {view.caption}
        {trackerNote && ` ${trackerNote}`}
        {!view.hasIncidentsTable && ' This dataset has no incidents table.'}
        {!view.hasStrikesTable && ' This dataset has no strikes table.'}
      </p>
      <MapLegend layers={view.layers} />
    </PanelFrame>
  );
}
