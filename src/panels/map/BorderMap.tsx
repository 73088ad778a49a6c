/**
 * The Leaflet map itself: the offline vector basemap, the three data layers and the labels. It
 * draws what the view model says and reports clicks/keys through `onSelect`; it holds no filter
 * logic. Every popup and tooltip is React content (react-leaflet portals), never an HTML string.
 *
 * Stacking (custom panes): basemap 200 < operation areas 350 < labels 380 < strikes 420
 * < markers 600 (Leaflet's) < popups 700. Panes keep the late-arriving basemap under the data.
 */
import 'leaflet/dist/leaflet.css';
// Lets the export project strikes with the live map (src/export): registers every Leaflet map.
import './mapInstances';
import { memo, useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import L from 'leaflet';
import { Circle, GeoJSON, MapContainer, Marker, Pane, Popup, Tooltip, useMap } from 'react-leaflet';
import type { Feature, Geometry } from 'geojson';
import type { Selection } from '../../crossfilter/filters';
import { useBasemapQuery, type Basemap, type AdminProps, type CountryProps } from './basemapQuery';
import { placeText, type LocatedMarker, type StrikePoint } from './mapSelectors';
import {
  BASEMAP_STYLE,
  INITIAL_BOUNDS,
  MAX_BOUNDS,
  MAX_ZOOM,
  MIN_ZOOM,
  OPERATION_RADIUS_M,
  fanOutOffsets,
  markerIcon,
  operationAreaStyle,
} from './mapStyle';
import { StrikeCanvasLayer } from './strikeCanvasLayer';

type OnSelect = (selection: Selection | null) => void;

// ------------------------------------------------------------------ renderers

/**
 * Canvas needs a real 2D context (jsdom has `getContext` but no CanvasRenderingContext2D).
 * Strikes prefer canvas (thousands of points stay fast); the basemap prefers SVG (crisp, and
 * html-to-image can clone it for export). Where neither works, vector layers are skipped.
 */
const canCanvas = () => L.Browser.canvas && typeof CanvasRenderingContext2D !== 'undefined';
const canSvg = () => L.Browser.svg;

function makeRenderer(pane: string, prefer: 'svg' | 'canvas'): L.Renderer | null {
  if (prefer === 'canvas' && canCanvas()) return L.canvas({ pane, padding: 0.5 });
  if (canSvg()) return L.svg({ pane, padding: 0.5 });
  if (canCanvas()) return L.canvas({ pane, padding: 0.5 });
  return null;
}

/** One renderer per pane, made once per mounted pane. */
function useRenderer(pane: string, prefer: 'svg' | 'canvas'): L.Renderer | null {
  const [renderer] = useState(() => makeRenderer(pane, prefer));
  return renderer;
}

// ------------------------------------------------------------------ basemap

const countryStyle = (f?: Feature<Geometry, CountryProps>) => BASEMAP_STYLE.countryFill(f?.properties.name ?? '');
const districtStyle = (f?: Feature<Geometry, AdminProps>) => (f?.properties.fata ? BASEMAP_STYLE.fata : BASEMAP_STYLE.district);

const BasemapLayers = memo(function BasemapLayers({ basemap }: { basemap: Basemap }) {
  const renderer = useRenderer('basemap', 'svg');
  if (!renderer) return null;
  // `renderer` and `interactive` are Leaflet path options that GeoJSON passes on to every path.
  const common = { renderer, interactive: false } as object;
  return (
    <>
      <GeoJSON data={basemap.countries} style={countryStyle} {...common} />
      <GeoJSON data={basemap.provinces} style={BASEMAP_STYLE.province} {...common} />
      <GeoJSON data={basemap.districts} style={districtStyle} {...common} />
      <GeoJSON data={basemap.coast} style={BASEMAP_STYLE.coast} {...common} />
      <GeoJSON data={basemap.borders} style={BASEMAP_STYLE.border} {...common} />
    </>
  );
});

const LABELS: { text: string; at: [number, number]; small?: boolean }[] = [
  { text: 'AFGHANISTAN', at: [33.7, 66.3] },
  { text: 'PAKISTAN', at: [29.6, 71.0] },
  { text: 'INDIA', at: [30.0, 76.3] },
  { text: 'IRAN', at: [30.2, 60.2] },
  { text: 'TAJIKISTAN', at: [38.4, 70.2] },
  { text: 'CHINA', at: [36.6, 78.2] },
];

const labelAnchor = L.divIcon({ className: 'map-label-anchor', iconSize: [0, 0], html: '' });

/** A few place labels: permanent React tooltips on invisible, non-interactive anchors. */
const PlaceLabels = memo(function PlaceLabels() {
  return (
    <>
      {LABELS.map((l) => (
        <Marker key={l.text} position={l.at} icon={labelAnchor} interactive={false} keyboard={false}>
          <Tooltip permanent direction="center" pane="labels" className={l.small ? 'map-label map-label--small' : 'map-label'} opacity={1}>
            {l.text}
          </Tooltip>
        </Marker>
      ))}
    </>
  );
});

// ------------------------------------------------------------------ popups

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="map-popup__fact">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

function SourceList({ titles }: { titles: string[] }) {
  if (titles.length === 0) return null;
  return (
    <p className="map-popup__sources">
      <span className="map-popup__label">Sources: </span>
      {titles.join('; ')}
    </p>
  );
}

/**
 * Long texts scroll inside the popup; the box is focusable so keyboard users can scroll it, and a
 * focusable scroller needs a role that says what it holds (an article), not a bare group.
 */
function PopupBox({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div className="map-popup" tabIndex={0} role="article" aria-label={title}>
      {children}
    </div>
  );
}

function LocatedPopupContent({ item }: { item: LocatedMarker }) {
  return (
    <PopupBox title={item.name}>
      <h3 className="map-popup__title">{item.name}</h3>
      <dl className="map-popup__facts">
        <Fact label={item.dateEnd ? 'Dates' : 'Date'}>{item.dateLabel}</Fact>
        <Fact label="Type">{item.typeLabel}</Fact>
        <Fact label="Killed">{item.killed}</Fact>
        <Fact label="Wounded">{item.wounded}</Fact>
        <Fact label="Place">{placeText(item.place, item.district) || 'unknown'}</Fact>
      </dl>
      {item.precisionNote && <p className="map-popup__approx">{item.precisionNote}</p>}
      {item.description && <p className="map-popup__text">{item.description}</p>}
      {item.discrepancies && <p className="map-popup__text map-popup__muted">Sources disagree: {item.discrepancies}</p>}
      {item.singleSource && <p className="map-popup__muted">Single-source claim.</p>}
      <SourceList titles={item.sourceTitles} />
    </PopupBox>
  );
}

function StrikePopupContent({ strike }: { strike: StrikePoint }) {
  return (
    <PopupBox title={`${strike.name}, ${strike.dateLabel}`}>
      <h3 className="map-popup__title">{strike.name}</h3>
      <dl className="map-popup__facts">
        <Fact label="Date">{strike.dateLabel}</Fact>
        <Fact label="Place">{placeText(strike.place, strike.agency) || 'unknown'}</Fact>
        <Fact label="Killed">{strike.killed}</Fact>
        <Fact label="Civilians">{strike.civilians}</Fact>
        <Fact label="Injured">{strike.injured}</Fact>
        {strike.status === 'possible' && <Fact label="Status">possible strike (outside the confirmed count)</Fact>}
      </dl>
      {strike.precisionNote && <p className="map-popup__approx">{strike.precisionNote}</p>}
      <SourceList titles={strike.sourceTitles} />
    </PopupBox>
  );
}

// ------------------------------------------------------------------ markers

/**
 * A focusable, named marker for an incident or operation. Leaflet gives a keyboard marker
 * tabindex 0 and role="button"; we add its name (aria-label), its selected state (aria-pressed)
 * and Enter/Space to select it.
 */
const LocatedMarkerView = memo(function LocatedMarkerView({
  item,
  selected,
  tabStop,
  dx,
  onSelect,
  onFocusMarker,
  onMoveFocus,
}: {
  item: LocatedMarker;
  selected: boolean;
  /** The markers are one Tab stop (roving tabindex): this one holds it. */
  tabStop: boolean;
  dx: number;
  onSelect: OnSelect;
  onFocusMarker: (id: string) => void;
  onMoveFocus: (from: string, key: RovingKey) => void;
}) {
  const ref = useRef<L.Marker>(null);
  const icon = markerIcon(item.layer === 'operations' ? 'military-operation' : item.type, item.approximate, selected, dx);
  const activate = useCallback(() => onSelect({ kind: 'incident', id: item.id }), [onSelect, item.id]);
  const eventHandlers = useMemo(() => ({ click: activate }), [activate]);
  // A new array would make react-leaflet call setLatLng (and move the open popup) on every render.
  const position = useMemo<[number, number]>(() => [item.lat, item.lon], [item.lat, item.lon]);

  useEffect(() => {
    const el = ref.current?.getElement();
    if (!el) return;
    el.dataset.markerId = item.id;
    el.setAttribute('aria-label', item.accessibleName);
    el.setAttribute('aria-pressed', String(selected));
    el.setAttribute('role', 'button');
    el.tabIndex = tabStop ? 0 : -1;
  }, [item.id, item.accessibleName, selected, icon, tabStop]);

  useEffect(() => {
    const el = ref.current?.getElement();
    if (!el) return;
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.key === 'Enter' || e.key === ' ') {
        e.preventDefault();
        e.stopPropagation();
        activate();
      } else if (isRovingKey(e.key)) {
        // Arrow keys move between markers here, rather than pan the map.
        e.preventDefault();
        e.stopPropagation();
        onMoveFocus(item.id, e.key);
      }
    };
    const onFocus = () => onFocusMarker(item.id);
    el.addEventListener('keydown', onKeyDown);
    el.addEventListener('focus', onFocus);
    return () => {
      el.removeEventListener('keydown', onKeyDown);
      el.removeEventListener('focus', onFocus);
    };
  }, [activate, onFocusMarker, onMoveFocus, item.id, icon]);

  useEffect(() => {
    const marker = ref.current;
    if (!marker) return;
    if (selected) marker.openPopup();
    else if (marker.isPopupOpen()) marker.closePopup();
  }, [selected]);

  return (
    <Marker ref={ref} position={position} icon={icon} keyboard title={item.accessibleName} zIndexOffset={selected ? 1000 : tabStop ? 500 : 0} eventHandlers={eventHandlers}>
      <Tooltip direction="top" offset={[0, -8]}>
        {item.name}, {item.dateLabel}
      </Tooltip>
      <Popup maxWidth={300} autoPan={false}>
        <LocatedPopupContent item={item} />
      </Popup>
    </Marker>
  );
});

const OperationArea = memo(function OperationArea({ item, selected, renderer }: { item: LocatedMarker; selected: boolean; renderer: L.Renderer }) {
  const center = useMemo<[number, number]>(() => [item.lat, item.lon], [item.lat, item.lon]);
  return <Circle center={center} radius={OPERATION_RADIUS_M} pathOptions={operationAreaStyle(item.approximate, selected)} renderer={renderer} interactive={false} />;
});

function OperationAreas({ items, selectedId }: { items: LocatedMarker[]; selectedId: string | null }) {
  const renderer = useRenderer('operations', 'svg');
  if (!renderer) return null;
  return (
    <>
      {items.map((item) => (
        <OperationArea key={item.id} item={item} selected={item.id === selectedId} renderer={renderer} />
      ))}
    </>
  );
}

/**
 * Every strike on one canvas (strikeCanvasLayer.ts), driven imperatively: React only hands over
 * the strike list and the selection. The selected strike's popup is the one React popup.
 */
const StrikesLayer = memo(function StrikesLayer({ strikes, selectedId, onSelect }: { strikes: StrikePoint[]; selectedId: string | null; onSelect: OnSelect }) {
  const map = useMap();
  const [layer] = useState(() => new StrikeCanvasLayer('strikes'));
  useEffect(() => {
    layer.setOnSelect((id) => onSelect({ kind: 'strike', id }));
  }, [layer, onSelect]);
  useEffect(() => {
    layer.addTo(map);
    return () => {
      layer.remove();
    };
  }, [map, layer]);
  useEffect(() => {
    layer.setData(strikes, selectedId);
  }, [layer, strikes, selectedId]);
  const selected = useMemo(() => (selectedId === null ? undefined : strikes.find((s) => s.id === selectedId)), [strikes, selectedId]);
  if (!selected) return null;
  return (
    <Popup key={selected.id} position={[selected.lat, selected.lon]} offset={[0, -Math.round(selected.radius)]} maxWidth={280} autoPan={false} pane="popupPane">
      <StrikePopupContent strike={selected} />
    </Popup>
  );
});

// ------------------------------------------------------------------ map

/** Leaflet only watches the window; the panel can change size on its own (table, grid). */
function ResizeWatcher() {
  const map = useMap();
  useEffect(() => {
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(() => map.invalidateSize({ pan: false }));
    observer.observe(map.getContainer());
    return () => observer.disconnect();
  }, [map]);
  return null;
}

const POPUP_PAD = 16;

/**
 * Brings an opened popup into view, once, after the frame that shows it. (Leaflet's own autoPan
 * re-measures the popup and restarts the pan on every popup update; each restart ends the running
 * pan with a synchronous `moveend`, which redraws the whole SVG basemap.)
 */
function PopupAutoPan() {
  const map = useMap();
  useEffect(() => {
    let frame = 0;
    const onOpen = (e: L.PopupEvent) => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => {
        const el = e.popup.getElement();
        if (!el || !map.hasLayer(e.popup)) return;
        const box = map.getContainer().getBoundingClientRect();
        const r = el.getBoundingClientRect();
        let dx = 0;
        let dy = 0;
        if (r.right + POPUP_PAD > box.right) dx = r.right + POPUP_PAD - box.right;
        if (r.left - dx - POPUP_PAD < box.left) dx = r.left - POPUP_PAD - box.left;
        if (r.bottom + POPUP_PAD > box.bottom) dy = r.bottom + POPUP_PAD - box.bottom;
        if (r.top - dy - POPUP_PAD < box.top) dy = r.top - POPUP_PAD - box.top;
        if (dx !== 0 || dy !== 0) map.panBy([dx, dy]);
      });
    };
    map.on('popupopen', onOpen);
    return () => {
      cancelAnimationFrame(frame);
      map.off('popupopen', onOpen);
    };
  }, [map]);
  return null;
}

/**
 * Escape anywhere in the map (a marker, an open popup, the map itself) clears the selection,
 * which closes its popup (and the event card); focus goes back to the selected marker, or to
 * the map when the selection was a strike (drawn on the canvas, no element of its own).
 */
function EscapeClosesPopup({ hasSelection, onSelect }: { hasSelection: boolean; onSelect: OnSelect }) {
  const map = useMap();
  useEffect(() => {
    if (!hasSelection) return;
    const container = map.getContainer();
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      e.preventDefault();
      e.stopPropagation();
      const focused = document.activeElement;
      const selectedMarker = container.querySelector<HTMLElement>('.leaflet-marker-icon[aria-pressed="true"]');
      const returnTo = focused instanceof HTMLElement && focused.matches('.leaflet-marker-icon') ? focused : (selectedMarker ?? container);
      onSelect(null);
      returnTo.focus();
    };
    container.addEventListener('keydown', onKeyDown);
    return () => container.removeEventListener('keydown', onKeyDown);
  }, [map, hasSelection, onSelect]);
  return null;
}

/**
 * Names the map's keyboard-focusable container (Leaflet gives it tabindex 0 for arrow-key panning).
 * A region, not a group: a Tab stop needs a role that says it can be used (axe focus-order-semantics).
 */
function ContainerLabel({ label }: { label: string }) {
  const map = useMap();
  useEffect(() => {
    const el = map.getContainer();
    el.setAttribute('role', 'region');
    el.setAttribute('aria-label', label);
  }, [map, label]);
  return null;
}

export interface BorderMapProps {
  incidents: LocatedMarker[];
  operations: LocatedMarker[];
  strikes: StrikePoint[];
  highlight: { incidentId: string | null; strikeId: string | null };
  onSelect: OnSelect;
}

const ROVING_KEYS = ['ArrowRight', 'ArrowDown', 'ArrowLeft', 'ArrowUp', 'Home', 'End'] as const;
type RovingKey = (typeof ROVING_KEYS)[number];
const isRovingKey = (key: string): key is RovingKey => (ROVING_KEYS as readonly string[]).includes(key);

/**
 * The incident and operation markers are one Tab stop, with arrow keys (and Home, End) between
 * them, as in the timeline: dozens of Tab stops on one map made the page's tab order long. The
 * stop is the selected marker, else the one last focused, else the first; it is drawn on top, so
 * the focused marker is never hidden under its neighbours.
 */
function useMarkerTabStop(ids: readonly string[], selectedId: string | null, markerElement: (id: string) => HTMLElement | undefined) {
  const [focusedId, setFocusedId] = useState<string | null>(null);
  const tabStopId = selectedId !== null && ids.includes(selectedId) ? selectedId : focusedId !== null && ids.includes(focusedId) ? focusedId : (ids[0] ?? null);
  const onMoveFocus = useCallback(
    (from: string, key: RovingKey) => {
      const i = ids.indexOf(from);
      if (i < 0 || ids.length === 0) return;
      const next = key === 'Home' ? 0 : key === 'End' ? ids.length - 1 : key === 'ArrowRight' || key === 'ArrowDown' ? Math.min(i + 1, ids.length - 1) : Math.max(i - 1, 0);
      const id = ids[next]!;
      setFocusedId(id);
      markerElement(id)?.focus();
    },
    [ids, markerElement],
  );
  return { tabStopId, onFocusMarker: setFocusedId, onMoveFocus };
}

export function BorderMap({ incidents, operations, strikes, highlight, onSelect }: BorderMapProps) {
  // Drawing order, which is also the arrow-key order: operations, then incidents.
  const markers = useMemo(() => [...operations, ...incidents], [operations, incidents]);
  const offsets = useMemo(() => fanOutOffsets(markers), [markers]);
  const markerIds = useMemo(() => markers.map((m) => m.id), [markers]);
  const mapRef = useRef<L.Map>(null);
  const markerElement = useCallback((id: string) => {
    const container = mapRef.current?.getContainer();
    return [...(container?.querySelectorAll<HTMLElement>('.leaflet-marker-icon.map-marker') ?? [])].find((el) => el.dataset.markerId === id);
  }, []);
  const { tabStopId, onFocusMarker, onMoveFocus } = useMarkerTabStop(markerIds, highlight.incidentId, markerElement);
  const query = useBasemapQuery();
  const basemap = query.data;
  return (
    <>
    <MapContainer
      ref={mapRef}
      className="border-map"
      bounds={INITIAL_BOUNDS}
      maxBounds={MAX_BOUNDS}
      maxBoundsViscosity={0.8}
      minZoom={MIN_ZOOM}
      maxZoom={MAX_ZOOM}
      zoomSnap={0.25}
      zoomDelta={0.5}
      wheelPxPerZoomLevel={120}
      attributionControl={false}
      scrollWheelZoom={false}
    >
      <ContainerLabel label="Map of the Pakistan–Afghanistan border region. Use arrow keys to pan, plus and minus to zoom, Tab to reach the markers and arrow keys between them." />
      <ResizeWatcher />
      <PopupAutoPan />
      <EscapeClosesPopup hasSelection={highlight.incidentId !== null || highlight.strikeId !== null} onSelect={onSelect} />
      <Pane name="basemap" style={{ zIndex: '200' }}>
        {basemap && <BasemapLayers basemap={basemap} />}
      </Pane>
      <Pane name="operations" style={{ zIndex: '350' }}>
        <OperationAreas items={operations} selectedId={highlight.incidentId} />
      </Pane>
      <Pane name="labels" style={{ zIndex: '380', pointerEvents: 'none' }}>
        {basemap && <PlaceLabels />}
      </Pane>
      <Pane name="strikes" style={{ zIndex: '420' }}>
        <StrikesLayer strikes={strikes} selectedId={highlight.strikeId} onSelect={onSelect} />
      </Pane>
      {markers.map((item) => (
        <LocatedMarkerView
          key={item.id}
          item={item}
          selected={item.id === highlight.incidentId}
          tabStop={item.id === tabStopId}
          dx={offsets.get(item.id) ?? 0}
          onSelect={onSelect}
          onFocusMarker={onFocusMarker}
          onMoveFocus={onMoveFocus}
        />
      ))}
    </MapContainer>
      {query.isPending && <p className="map-frame__notice">Loading the basemap…</p>}
      {query.isError && <p className="map-frame__notice">The basemap could not be loaded; markers are drawn without it.</p>}
    </>
  );
}
