/**
 * The benchmark's peer: a plain dc.js 4 + crossfilter2 dashboard on the app's dataset file
 * (/data/dataset.json, which the bench swaps for its synthetic ones), written the way the dc.js
 * examples write one. Four linked views:
 *
 * - aid stacked by category per fiscal year (dc BarChart, brush a range);
 * - strikes per year (dc BarChart, ordinal: click a year);
 * - strikes and incidents as points over the app's own offline basemap (Leaflet; the filtered
 *   strikes stamped as one pre-drawn dot each on one canvas, incidents as circle markers);
 * - the timeline: the filtered events as buttons in one lane per tone (click one to select it).
 *
 * The same controls as the app's, so the bench can drive both alike: From/To year fields, tone
 * chips (filter the timeline and the map's incidents; both bar charts mark the years that hold a
 * matching event), the aid chart's "By category" / "By programme" switch, and "Play years"
 * (steps a one-year range through the coverage on a timer).
 *
 * One crossfilter per table, each with a year dimension; a year range set anywhere (the From/To
 * fields, the aid brush, a strike-year click) is put on every table's year dimension and the
 * whole chart group redraws. Like the app, everything is drawn in the same task as the input
 * event: dc's 40 ms brush throttle and its transitions are turned off.
 *
 * Plain JavaScript on purpose: dc.js ships no types, and this file is a reference, not app code.
 */
import { scaleBand, scaleLinear } from 'd3-scale';
import { select } from 'd3-selection';
import crossfilter from 'crossfilter2';
import * as dc from 'dc';
import L from 'leaflet';
import { feature } from 'topojson-client';
import 'leaflet/dist/leaflet.css';
import 'dc/dist/style/dc.css';
import './peer.css';

dc.constants.EVENT_DELAY = 0;
dc.config.disableTransitions = true;
dc.config.defaultColors(['#1f5fa8']);

const CATEGORIES = ['security', 'economic', 'csf', 'unsplit'];
const CATEGORY_COLORS = ['#1f5fa8', '#3f9b5a', '#c98a1b', '#8a8f98'];
const TONES = ['cooperation', 'friction', 'context'];
/** Programme stacks: the category colours would repeat, so a wheel of hues. */
const programmeColors = (n) => Array.from({ length: n }, (_, i) => `hsl(${Math.round((i * 360) / Math.max(1, n))} 55% 45%)`);
const yearOfDate = (date) => Number(String(date).slice(0, 4));

const fromField = document.getElementById('from-year');
const toField = document.getElementById('to-year');

/** A strike dot (radius r, CSS px) drawn once at the device pixel ratio. */
function dotSprite(r, ratio) {
  const sprite = document.createElement('canvas');
  sprite.width = sprite.height = Math.ceil((2 * r + 2) * ratio);
  const c = sprite.getContext('2d');
  c.scale(ratio, ratio);
  c.beginPath();
  c.arc(r + 1, r + 1, r, 0, Math.PI * 2);
  c.fillStyle = 'rgba(180, 49, 43, 0.5)';
  c.fill();
  c.strokeStyle = '#7f1d1d';
  c.lineWidth = 0.8;
  c.stroke();
  return sprite;
}

async function main() {
  const [data, topology] = await Promise.all([fetch('/data/dataset.json').then((r) => r.json()), fetch('/geo/basemap.json').then((r) => r.json())]);
  const { from: first, to: last } = data.coverage;
  const allYears = [];
  for (let y = first; y <= last; y++) allYears.push(y);

  // ---------------------------------------------------------------- crossfilters
  const aidRows = data.aid.filter((r) => r.measure === 'crs-appropriations' && r.fiscalYearStart === r.fiscalYearEnd);
  const aidCf = crossfilter(aidRows);
  const aidYear = aidCf.dimension((r) => r.fiscalYearStart);
  const aidByYear = aidYear.group().reduce(
    (p, r) => ((p[r.category] = (p[r.category] ?? 0) + r.amount), p),
    (p, r) => ((p[r.category] -= r.amount), p),
    () => ({ security: 0, economic: 0, csf: 0, unsplit: 0 }),
  );

  const strikeCf = crossfilter(data.strikes);
  const strikeYear = strikeCf.dimension((s) => yearOfDate(s.date));
  const strikesPerYear = strikeYear.group();
  const strikesShown = strikeCf.groupAll();

  const eventCf = crossfilter(data.events);
  const eventYear = eventCf.dimension((e) => yearOfDate(e.date));
  const eventTone = eventCf.dimension((e) => e.tone);
  // Grouped on the year dimension, so it sees the tone filter but not the year range: the years
  // that hold a matching event, whatever years are shown (the charts mark them).
  const eventsPerYear = eventYear.group();
  const eventsShown = eventCf.groupAll();

  const incidentCf = crossfilter(data.incidents ?? []);
  const incidentYear = incidentCf.dimension((i) => yearOfDate(i.dateStart));
  const incidentTone = incidentCf.dimension((i) => i.tone);

  /** The tone filter (empty: every tone) and the years holding an event of those tones. */
  const tones = new Set();
  let toneYears = new Set();

  let years = null; // { from, to } inclusive, or null for all years
  let selectedEvent = null;
  let syncing = false;

  // ---------------------------------------------------------------- aid chart
  const aidChart = new dc.BarChart('#aid-chart');
  aidChart
    .width(600)
    .height(260)
    .margins({ top: 10, right: 10, bottom: 28, left: 56 })
    .dimension(aidYear)
    .group(aidByYear, CATEGORIES[0], (d) => d.value[CATEGORIES[0]])
    .x(scaleLinear().domain([first, last + 1]))
    .xUnits(dc.units.integers)
    .round(Math.round)
    .alwaysUseRounding(true)
    .elasticY(true)
    .renderHorizontalGridLines(true)
    .ordinalColors(CATEGORY_COLORS)
    .brushOn(true);
  for (const c of CATEGORIES.slice(1)) aidChart.stack(aidByYear, c, (d) => d.value[c]);
  // The per-programme breakdown: one stack per programme (a printed TOTAL row is not a programme).
  const programmes = [...new Set(aidRows.filter((r) => String(r.programme).trim().toUpperCase() !== 'TOTAL').map((r) => r.programme))];
  const aidByProgramme = aidYear.group().reduce(
    (p, r) => ((p[r.programme] = (p[r.programme] ?? 0) + r.amount), p),
    (p, r) => ((p[r.programme] -= r.amount), p),
    () => ({}),
  );
  let aidView = 'category';
  const aidViewButtons = [...document.querySelectorAll('.aid-breakdown button')];
  function setAidView(view) {
    if (view === aidView) return;
    aidView = view;
    const [group, keys] = view === 'programme' ? [aidByProgramme, programmes] : [aidByYear, CATEGORIES];
    aidChart.group(group, keys[0], (d) => d.value[keys[0]] ?? 0);
    for (const k of keys.slice(1)) aidChart.stack(group, k, (d) => d.value[k] ?? 0);
    aidChart.ordinalColors(view === 'programme' ? programmeColors(keys.length) : CATEGORY_COLORS);
    for (const b of aidViewButtons) b.setAttribute('aria-pressed', String(b.dataset.view === view));
    aidChart.redraw();
  }
  for (const b of aidViewButtons) b.addEventListener('click', () => setAidView(b.dataset.view));
  aidChart.xAxis().tickFormat((y) => `FY${String(y).slice(2)}`);
  aidChart.on('filtered', (chart) => {
    if (syncing) return;
    const f = chart.filter();
    setYears(f ? { from: Math.round(f[0]), to: Math.round(f[1]) - 1 } : null, 'aid');
  });

  // ---------------------------------------------------------------- strikes per year
  const strikeChart = new dc.BarChart('#strike-chart');
  strikeChart
    .width(600)
    .height(260)
    .margins({ top: 10, right: 10, bottom: 28, left: 48 })
    .dimension(strikeYear)
    .group(strikesPerYear)
    .x(scaleBand().domain(allYears))
    .xUnits(dc.units.ordinal)
    .elasticY(true)
    .renderHorizontalGridLines(true)
    .ordinalColors(['#b4312b'])
    .brushOn(false);
  strikeChart.xAxis().tickFormat((y) => `’${String(y).slice(2)}`);
  // A click selects that one year (again: all years), as in the app.
  // (A bar's datum is its stack layer point; the group's key/value pair is `d.data`.)
  strikeChart.onClick = (d) => {
    const year = d.data.key;
    const only = strikeChart.filters().length === 1 && strikeChart.hasFilter(year);
    if (only) strikeChart.filter(null);
    else strikeChart.replaceFilter(year);
    strikeChart.redrawGroup();
  };
  strikeChart.on('filtered', (chart) => {
    if (syncing) return;
    const ys = chart.filters();
    setYears(ys.length ? { from: Math.min(...ys), to: Math.max(...ys) } : null, 'strikes');
  });

  // The selected event's year and the years with events of the chosen tones, marked on both bar charts.
  const markSelectedYear = (chart) => {
    const year = selectedEvent ? yearOfDate(selectedEvent.date) : null;
    chart
      .selectAll('rect.bar')
      .classed('bar--selected-year', (d) => d && d.x === year)
      .classed('bar--event-year', (d) => d && toneYears.has(d.x));
  };
  aidChart.on('pretransition', markSelectedYear);
  strikeChart.on('pretransition', markSelectedYear);

  // ---------------------------------------------------------------- map
  const map = L.map('map', { zoomSnap: 0.25, attributionControl: false, scrollWheelZoom: false, maxBounds: [[22, 58], [40, 80]] });
  map.fitBounds([[29.5, 66.5], [36.5, 74.5]]);
  const basemapStyle = { color: '#9aa3ad', weight: 0.8, fillColor: '#f0ebdd', fillOpacity: 1 };
  for (const name of ['countries', 'provinces', 'districts', 'borders']) {
    const object = topology.objects[name];
    if (object) L.geoJSON(feature(topology, object), { style: name === 'borders' ? { color: '#5b6472', weight: 1.4 } : basemapStyle, interactive: false }).addTo(map);
  }
  const showStrikes = document.getElementById('layer-strikes');
  const showIncidents = document.getElementById('layer-incidents');
  const strikePane = map.createPane('strikes');
  strikePane.style.zIndex = '450';
  const strikeCanvas = L.DomUtil.create('canvas', 'peer-map__strikes', strikePane);
  const incidentLayer = L.layerGroup().addTo(map);
  const DOT = dotSprite(4, window.devicePixelRatio || 1);

  const mapChart = {
    render() {
      this.redraw();
    },
    redraw() {
      const size = map.getSize();
      const ratio = window.devicePixelRatio || 1;
      strikeCanvas.width = size.x * ratio;
      strikeCanvas.height = size.y * ratio;
      strikeCanvas.style.width = `${size.x}px`;
      strikeCanvas.style.height = `${size.y}px`;
      L.DomUtil.setPosition(strikeCanvas, map.containerPointToLayerPoint([0, 0]));
      const ctx = strikeCanvas.getContext('2d');
      ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
      ctx.clearRect(0, 0, size.x, size.y);
      if (showStrikes.checked) {
        // One pre-drawn dot stamped per strike: far faster than one path of 100k arcs.
        const half = DOT.width / ratio / 2;
        for (const s of strikeCf.allFiltered()) {
          if (s.lat === null || s.lon === null) continue;
          const p = map.latLngToContainerPoint([s.lat, s.lon]);
          ctx.drawImage(DOT, p.x - half, p.y - half, half * 2, half * 2);
        }
      }
      incidentLayer.clearLayers();
      if (showIncidents.checked) {
        for (const i of incidentCf.allFiltered()) {
          if (i.lat === null || i.lon === null) continue;
          L.circleMarker([i.lat, i.lon], { radius: 7, color: '#1f2a44', weight: 1.5, fillColor: i.tone === 'friction' ? '#b4312b' : '#1f5fa8', fillOpacity: 0.8 }).addTo(incidentLayer);
        }
      }
    },
    filterAll() {},
  };
  map.on('moveend zoomend', () => mapChart.redraw());
  showStrikes.addEventListener('change', () => mapChart.redraw());
  showIncidents.addEventListener('change', () => mapChart.redraw());
  dc.chartRegistry.register(mapChart);

  // ---------------------------------------------------------------- timeline
  const timeline = select('#timeline');
  const detail = document.getElementById('event-detail');
  const status = document.getElementById('status');
  const lanes = timeline
    .selectAll('div.timeline__lane')
    .data(TONES)
    .join('div')
    .attr('class', 'timeline__lane')
    .attr('aria-label', (t) => t);
  /** Where an event sits along its lane, in % of the lane's width. */
  const atOf = (e) => {
    const [y, m] = String(e.date).split('-');
    const at = Number(y) + (m ? (Number(m) - 0.5) / 12 : 0.5);
    return ((at - first) / (last + 1 - first)) * 100;
  };
  /** Rows within a lane, so that no two event buttons overlap (each needs about 2.5% of the width). */
  const pack = (shown) => {
    const rowEnds = [];
    const rows = new Map();
    for (const e of [...shown].sort((a, b) => atOf(a) - atOf(b))) {
      const at = atOf(e);
      let row = rowEnds.findIndex((end) => end <= at);
      if (row < 0) row = rowEnds.length;
      rowEnds[row] = at + 2.5;
      rows.set(e.id, row);
    }
    return { rows, count: rowEnds.length };
  };
  const timelineChart = {
    render() {
      this.redraw();
    },
    redraw() {
      const shown = eventCf.allFiltered();
      lanes.each(function (tone) {
        const inLane = shown.filter((e) => e.tone === tone);
        const { rows, count } = pack(inLane);
        select(this)
          .style('height', `${Math.max(1, count) * 18 + 8}px`)
          .selectAll('button')
          .data(inLane, (e) => e.id)
          .join('button')
          .attr('type', 'button')
          .attr('class', (e) => `timeline__event timeline__event--${e.tone}${selectedEvent && selectedEvent.id === e.id ? ' timeline__event--selected' : ''}`)
          .attr('aria-pressed', (e) => String(selectedEvent?.id === e.id))
          .style('left', (e) => `${atOf(e).toFixed(2)}%`)
          .style('top', (e) => `${4 + rows.get(e.id) * 18}px`)
          .text((e) => e.title)
          .on('click', (_evt, e) => {
            selectedEvent = selectedEvent?.id === e.id ? null : e;
            dc.redrawAll();
          });
      });
      detail.textContent = selectedEvent ? `${selectedEvent.date}: ${selectedEvent.title}. ${selectedEvent.description}` : '';
      status.textContent = `Showing ${strikesShown.value().toLocaleString('en-US')} strikes and ${eventsShown.value().toLocaleString('en-US')} events${years ? ` in ${years.from}–${years.to}` : ''}.`;
    },
    filterAll() {},
  };
  dc.chartRegistry.register(timelineChart);

  // ---------------------------------------------------------------- linking
  /** Puts one year range on every table; `origin` is the chart that set it (its own filter is set). */
  function setYears(range, origin) {
    years = range;
    syncing = true;
    if (origin !== 'aid') {
      if (range) aidChart.replaceFilter(dc.filters.RangedFilter(range.from, range.to + 1));
      else aidChart.filter(null);
    }
    if (origin !== 'strikes') {
      strikeChart.filter(null);
      if (range) strikeChart.filter([allYears.filter((y) => y >= range.from && y <= range.to)]);
    }
    syncing = false;
    for (const dim of [eventYear, incidentYear]) {
      if (range) dim.filterRange([range.from, range.to + 1]);
      else dim.filterAll();
    }
    fromField.value = String(range ? range.from : first);
    toField.value = String(range ? range.to : last);
    // The charts redraw their group themselves after a brush or a click.
    if (origin === 'fields' || origin === 'reset') dc.redrawAll();
  }

  const onField = () => {
    const a = Number(fromField.value);
    const b = Number(toField.value);
    // A year is committed when it has four digits and lies in the coverage (as the app does).
    if (![a, b].every((y) => Number.isInteger(y) && y >= first && y <= last)) return;
    setYears(a === first && b === last ? null : { from: Math.min(a, b), to: Math.max(a, b) }, 'fields');
  };
  // ---------------------------------------------------------------- tone chips
  const toneButtons = [...document.querySelectorAll('#tones button')];
  function applyTones() {
    const f = tones.size ? (t) => tones.has(t) : null;
    for (const dim of [eventTone, incidentTone]) {
      if (f) dim.filterFunction(f);
      else dim.filterAll();
    }
    toneYears = new Set(tones.size ? eventsPerYear.all().filter((g) => g.value > 0).map((g) => g.key) : []);
    for (const b of toneButtons) b.setAttribute('aria-pressed', String(tones.has(b.dataset.tone)));
  }
  for (const b of toneButtons)
    b.addEventListener('click', () => {
      const tone = b.dataset.tone;
      if (tones.has(tone)) tones.delete(tone);
      else tones.add(tone);
      applyTones();
      dc.redrawAll();
    });

  // ---------------------------------------------------------------- play
  const playButton = document.getElementById('play');
  const playSpeed = document.getElementById('play-speed');
  let playTimer = null;
  let playYear = first;
  const showPlayYear = () => setYears({ from: playYear, to: playYear }, 'fields');
  function stopPlay() {
    if (playTimer !== null) window.clearInterval(playTimer);
    playTimer = null;
    playButton.textContent = 'Play years';
    playButton.setAttribute('aria-pressed', 'false');
  }
  playButton.addEventListener('click', () => {
    if (playTimer !== null) return stopPlay();
    // Resume from the year on screen unless the last play reached the end (as the app does).
    playYear = years && years.to < last ? years.to : first;
    showPlayYear();
    playButton.textContent = 'Pause';
    playButton.setAttribute('aria-pressed', 'true');
    playTimer = window.setInterval(() => {
      if (playYear >= last) return stopPlay();
      playYear += 1;
      showPlayYear();
    }, Number(playSpeed.value));
  });

  fromField.addEventListener('input', onField);
  toField.addEventListener('input', onField);
  document.getElementById('reset').addEventListener('click', () => {
    selectedEvent = null;
    stopPlay();
    tones.clear();
    applyTones();
    setAidView('category');
    showStrikes.checked = true;
    showIncidents.checked = true;
    setYears(null, 'reset');
  });

  fromField.value = String(first);
  toField.value = String(last);
  dc.renderAll();
  document.documentElement.dataset.peerReady = 'true';
}

main().catch((err) => {
  document.body.textContent = `The peer dashboard failed: ${err.message}`;
  throw err;
});
