/**
 * The map's export adapter. PNG: the live map cloned (SVG basemap, canvas strikes as an image,
 * the CSS-drawn markers and labels). SVG: a vector export — the basemap and operation areas are
 * the Leaflet SVG panes' own paths, placed where they sit in the map; strikes are circles at
 * `map.latLngToContainerPoint`; markers are drawn from their icons' shapes and colours.
 */
import type { Dataset } from '../../data/schema';
import type { Filters } from '../../crossfilter/filters';
import { filterLine, fileYearsFor } from '../../export/filterLine';
import { svgEl } from '../../export/svgCompose';
import { ISO_PARTIAL_DATE_PATTERN, SOURCE_FIELDS, sourceCells, type TidyField, type TidyValue } from '../../export/csv';
import type { LegendItem, PanelCsv, PanelExportAdapter, SvgChart, SvgChartContext } from '../../export/types';
import { countText, sourceNamer } from '../../data/figures';
import { mapForContainer } from './mapInstances';
import { MAP_LAYER_LABELS, selectMapHighlight, selectMapView, type MapView } from './mapSelectors';
import { BASEMAP_STYLE, STRIKE_COLOR, strikeStyle } from './mapStyle';
import { MARKER_HIT_PAD } from './markerClass';

const MARKER_LEGEND: { type: string; label: string; color: string; shape: LegendItem['shape'] }[] = [
  { type: 'border-incident', label: 'Border incident', color: '#c2410c', shape: 'diamond' },
  { type: 'raid', label: 'Raid', color: '#1d4ed8', shape: 'circle' },
  { type: 'incident', label: 'Other incident', color: '#4b5563', shape: 'circle' },
  { type: 'base', label: 'Base', color: '#0f766e', shape: 'square' },
  { type: 'crossing', label: 'Crossing', color: '#7c3aed', shape: 'rounded' },
  { type: 'drone-strike', label: 'Notable drone strike', color: '#b4232a', shape: 'circle' },
];

/** The same entries, in the same order, as the panel's on-screen legend. */
export function mapLegend(layers: MapView['layers']): LegendItem[] {
  const items: LegendItem[] = [];
  if (layers.incidents) for (const m of MARKER_LEGEND) items.push({ label: m.label, color: m.color, shape: m.shape, stroke: '#ffffff' });
  if (layers.operations) items.push({ label: 'Military operation (shaded area)', color: '#556b2f', shape: 'square', stroke: '#ffffff' });
  if (layers.strikes) items.push({ label: 'Drone strike (size = deaths; grey = unknown)', color: STRIKE_COLOR, shape: 'circle', fillOpacity: 0.55, stroke: '#7f1d1d' });
  items.push({ label: 'Former FATA agency', color: BASEMAP_STYLE.fata.fillColor, shape: 'square', stroke: BASEMAP_STYLE.fata.color, dashed: true });
  if (layers.incidents || layers.operations || layers.strikes) items.push({ label: 'Hollow, dashed = approximate location', color: '#4b5563', shape: 'circle', hollow: true, dashed: true });
  return items;
}

const round = (n: number) => Math.round(n * 10) / 10;

/** The map as vectors, at the live map's size and view. */
export function drawMapSvg({ doc, panelEl, dataset, filters }: SvgChartContext): SvgChart | null {
  const container = panelEl.querySelector<HTMLElement>('.leaflet-container');
  if (!container) return null;
  const box = container.getBoundingClientRect();
  const width = Math.round(box.width);
  const height = Math.round(box.height);
  // A nested <svg> clips to the map's frame, as the screen does.
  const root = svgEl(doc, 'svg', { x: 0, y: 0, width, height, viewBox: `0 0 ${width} ${height}`, overflow: 'hidden', class: 'map-export' });
  root.appendChild(svgEl(doc, 'rect', { x: 0, y: 0, width, height, fill: getComputedStyle(container).backgroundColor || '#dfe8ee' }));

  // Basemap and operation areas: Leaflet's own SVG paths, placed where each pane's <svg> sits.
  for (const paneSvg of container.querySelectorAll<SVGSVGElement>('.leaflet-basemap-pane svg, .leaflet-operations-pane svg, .leaflet-overlay-pane svg')) {
    const r = paneSvg.getBoundingClientRect();
    const clone = doc.importNode(paneSvg, true) as SVGSVGElement;
    clone.removeAttribute('style');
    clone.removeAttribute('class');
    clone.querySelectorAll('[class]').forEach((n) => n.removeAttribute('class'));
    clone.setAttribute('x', String(round(r.left - box.left)));
    clone.setAttribute('y', String(round(r.top - box.top)));
    clone.setAttribute('width', String(round(r.width)));
    clone.setAttribute('height', String(round(r.height)));
    clone.setAttribute('overflow', 'visible');
    root.appendChild(clone);
  }

  // Place labels (permanent tooltips in the labels pane).
  for (const label of container.querySelectorAll<HTMLElement>('.leaflet-labels-pane .map-label')) {
    const r = label.getBoundingClientRect();
    const cs = getComputedStyle(label);
    root.appendChild(
      svgEl(
        doc,
        'text',
        {
          x: round(r.left - box.left + r.width / 2),
          y: round(r.top - box.top + r.height / 2 + parseFloat(cs.fontSize) * 0.35),
          'text-anchor': 'middle',
          'font-size': cs.fontSize,
          'font-weight': cs.fontWeight,
          'letter-spacing': cs.letterSpacing === 'normal' ? undefined : cs.letterSpacing,
          fill: cs.color,
        },
        label.textContent ?? '',
      ),
    );
  }

  // Strikes: circles at the live map's projection of each strike shown.
  const map = mapForContainer(container);
  const view = selectMapView(dataset, filters);
  if (map && view.strikes.length) {
    const { strikeId } = selectMapHighlight(dataset, filters.selection);
    const strikes = svgEl(doc, 'g', { class: 'strikes' });
    for (const s of [...view.strikes].sort((a, b) => Number(a.id === strikeId) - Number(b.id === strikeId))) {
      const p = map.latLngToContainerPoint([s.lat, s.lon]);
      const selected = s.id === strikeId;
      const r = selected ? s.radius + 3 : s.radius;
      if (p.x < -r || p.y < -r || p.x > width + r || p.y > height + r) continue;
      const style = strikeStyle(s.approximate, s.killedMax === null, selected);
      const circle = svgEl(doc, 'circle', {
        cx: round(p.x),
        cy: round(p.y),
        r,
        fill: style.fillColor,
        'fill-opacity': style.fillOpacity,
        stroke: style.color,
        'stroke-width': style.weight,
        'stroke-dasharray': style.dashArray === undefined ? undefined : String(style.dashArray),
      });
      circle.appendChild(svgEl(doc, 'title', {}, `${s.name}, ${s.dateLabel}`));
      strikes.appendChild(circle);
    }
    root.appendChild(strikes);
  }

  // Markers: each divIcon drawn from its mark (the ::before, map.css), not its padded hit area.
  for (const icon of container.querySelectorAll<HTMLElement>('.leaflet-marker-icon.map-marker')) {
    const r = icon.getBoundingClientRect();
    if (r.width === 0) continue;
    const diamond = icon.classList.contains('map-marker--border-incident');
    const cs = getComputedStyle(icon, '::before');
    const approx = icon.classList.contains('map-marker--approx');
    const cx = r.left - box.left + r.width / 2;
    const cy = r.top - box.top + r.height / 2;
    const size = r.width - 2 * MARKER_HIT_PAD;
    const fill = cs.backgroundColor;
    const stroke = approx ? cs.borderTopColor : '#ffffff';
    const attrs = { fill, stroke, 'stroke-width': 2, 'stroke-dasharray': approx ? '3 2' : undefined };
    const outline = { fill: 'none', stroke: 'rgba(0, 0, 0, 0.55)', 'stroke-width': 1 };
    const g = svgEl(doc, 'g', { transform: `translate(${round(cx)} ${round(cy)})` });
    if (diamond) {
      const h = (size / 2) * 0.82 * Math.SQRT2;
      const d = `M0 ${-h} L${h} 0 L0 ${h} L${-h} 0 Z`;
      if (!approx) g.appendChild(svgEl(doc, 'path', { d, ...outline, transform: 'scale(1.08)' }));
      g.appendChild(svgEl(doc, 'path', { d, ...attrs }));
    } else if (cs.borderTopLeftRadius === '50%') {
      if (!approx) g.appendChild(svgEl(doc, 'circle', { r: size / 2 + 0.5, ...outline }));
      g.appendChild(svgEl(doc, 'circle', { r: size / 2 - 1, ...attrs }));
    } else {
      const rx = parseFloat(cs.borderTopLeftRadius) || 0;
      if (!approx) g.appendChild(svgEl(doc, 'rect', { x: -size / 2 - 0.5, y: -size / 2 - 0.5, width: size + 1, height: size + 1, rx, ...outline }));
      g.appendChild(svgEl(doc, 'rect', { x: -size / 2 + 1, y: -size / 2 + 1, width: size - 2, height: size - 2, rx, ...attrs }));
    }
    const name = icon.getAttribute('aria-label');
    if (name) g.appendChild(svgEl(doc, 'title', {}, name));
    root.appendChild(g);
  }
  if (!map && view.strikes.length) root.appendChild(svgEl(doc, 'text', { x: 8, y: height - 8, 'font-size': 11, fill: '#4a5568' }, 'Strikes not drawn: the map was not ready.'));
  return { node: root, width, height };
}

const people = (name: string, title: string): TidyField => ({ name, title, type: 'integer', unit: 'people', description: 'Empty: not reported (unknown, not zero). Where sources disagree, min and max span their values.' });

const MAP_CSV_FIELDS: TidyField[] = [
  { name: 'layer', title: 'Layer', type: 'string', required: true },
  { name: 'type', title: 'Type', type: 'string', required: true },
  { name: 'id', title: 'Id', type: 'string', required: true, description: 'The row id in the dataset (incidents or strikes table).' },
  { name: 'name', title: 'Name', type: 'string', required: true },
  { name: 'date_start', title: 'Date (start)', type: 'string', required: true, pattern: ISO_PARTIAL_DATE_PATTERN, description: 'ISO 8601 at the precision given in date_precision.' },
  { name: 'date_end', title: 'Date (end)', type: 'string', pattern: ISO_PARTIAL_DATE_PATTERN, description: 'ISO 8601; empty for a one-day event.' },
  { name: 'date_precision', title: 'Date precision', type: 'string', required: true, description: 'day, month or year (of date_start).' },
  { name: 'place', title: 'Place', type: 'string' },
  { name: 'district', title: 'District or agency', type: 'string' },
  { name: 'lat', title: 'Latitude', type: 'number', unit: 'degrees (WGS 84)' },
  { name: 'lon', title: 'Longitude', type: 'number', unit: 'degrees (WGS 84)' },
  { name: 'location_precision', title: 'Location precision', type: 'string', description: 'exact, village, district-centroid or approximate.' },
  people('killed_min', 'Killed (min)'),
  people('killed_max', 'Killed (max)'),
  people('wounded_min', 'Wounded / injured (min)'),
  people('wounded_max', 'Wounded / injured (max)'),
  people('civilians_min', 'Civilians killed (min)'),
  people('civilians_max', 'Civilians killed (max)'),
  { name: 'killed_by_source', title: 'Killed, by source', type: 'string', description: 'Each reported value with the sources that give it, where the dataset keeps per-source values.' },
  { name: 'wounded_by_source', title: 'Wounded, by source', type: 'string' },
  ...SOURCE_FIELDS,
];

const datePrecision = (date: string) => (date.length === 10 ? 'day' : date.length === 7 ? 'month' : 'year');

/** The map CSV: one row per located event and drawn strike, counts as integers, dates ISO 8601. */
export function mapCsv(view: MapView, dataset: Dataset): PanelCsv {
  const byId = new Map(dataset.sources.map((s) => [s.id, s]));
  const sourceName = sourceNamer(dataset.sources);
  const incidents = new Map((dataset.incidents ?? []).map((i) => [i.id, i]));
  const strikes = new Map((dataset.strikes ?? []).map((s) => [s.id, s]));
  const rows: Record<string, TidyValue>[] = [];
  for (const m of [...view.incidents, ...view.operations]) {
    const i = incidents.get(m.id);
    if (!i) continue;
    const bySource = (field: 'killed' | 'wounded') => (i.figures?.some((f) => f.field === field) ? countText(i.figures, field, null, null, sourceName) : null);
    rows.push({
      layer: MAP_LAYER_LABELS[m.layer],
      type: m.typeLabel,
      id: i.id,
      name: i.name,
      date_start: i.dateStart,
      date_end: i.dateEnd,
      date_precision: datePrecision(i.dateStart),
      place: i.place,
      district: i.district,
      lat: i.lat,
      lon: i.lon,
      location_precision: i.precision,
      killed_min: i.killedMin,
      killed_max: i.killedMax,
      wounded_min: i.woundedMin,
      wounded_max: i.woundedMax,
      civilians_min: null,
      civilians_max: null,
      killed_by_source: bySource('killed'),
      wounded_by_source: bySource('wounded'),
      ...sourceCells(i.sources, byId),
    });
  }
  for (const p of view.strikes) {
    const s = strikes.get(p.id);
    if (!s) continue;
    rows.push({
      layer: MAP_LAYER_LABELS.strikes,
      type: s.status === 'possible' ? 'Drone strike (possible)' : 'Drone strike',
      id: s.id,
      name: p.name,
      date_start: s.date,
      date_end: null,
      date_precision: 'day',
      place: s.place,
      district: s.agency,
      lat: s.lat,
      lon: s.lon,
      location_precision: s.precision,
      killed_min: s.killedMin,
      killed_max: s.killedMax,
      wounded_min: s.injuredMin,
      wounded_max: s.injuredMax,
      civilians_min: s.civiliansMin,
      civilians_max: s.civiliansMax,
      killed_by_source: null,
      wounded_by_source: null,
      ...sourceCells(s.sources, byId),
    });
  }
  return { table: { fields: MAP_CSV_FIELDS, rows }, measure: 'Located events (incidents, military operations) and drone strikes on the map; counts are people, min and max where sources differ', sourceIds: view.sourceIds };
}

export const mapExport: PanelExportAdapter = {
  csv: (dataset, filters) => mapCsv(selectMapView(dataset, filters), dataset),
  info(dataset: Dataset, filters: Filters) {
    const view = selectMapView(dataset, filters);
    return {
      legend: mapLegend(view.layers),
      filterLine: filterLine(filters, dataset.coverage),
      sources: view.sources,
      fileYears: fileYearsFor(filters, dataset.coverage),
      subtitle: view.caption,
    };
  },
  drawSvg: drawMapSvg,
  excludeFromImage: ['.map-legend', '.map-caption', '.map-frame__notice'],
  svgNote: () =>
    'Vector map: basemap (Natural Earth, geoBoundaries; public domain) and operation areas as paths, drone strikes as circles, markers as shapes, at the view shown on screen. No online tiles.',
};
