// Evidence.Analytics interactive evidence gap map.
// Draws the first view from #evidence-data (the library's counts and the studies listed first), then reads every study
// from #evidence-records (JSON, deflated and in Base64) once the first frame is drawn, or at once when the reader acts
// first. Counts distinct studies per cell under the chosen filters and renders everything with DOM text APIs
// (textContent, setAttribute): no data value is ever parsed as HTML.
(function () {
  'use strict';

  const started = performance.now();
  const data = JSON.parse(document.getElementById('evidence-data').textContent);
  const parsed = performance.now();
  const vocab = data.vocab;
  const PAGE = data.listLength; // studies listed at first, and added by "Show more" five times over
  const DIGIT_WIDTH = 7.3; // a digit of a bubble's count (bold 13 px: 0.556 em), for placing it over or beside the bubble
  const WIDEST_DIGIT = 9.1; // the same digit in the widest common sans-serif (DejaVu Sans Bold, 0.696 em), for room beside it

  // ---- Records --------------------------------------------------------------------------------------------------
  // Interventions and studies arrive by column (see InteractiveEvidenceMapData): one array per field, lists flat with
  // a count per record, a missing DOI or timing null. Each finding is one number, ((intervention + 1) × domains +
  // domain) × 8 + direction, where intervention -1 means all the study's interventions.
  let interventions = null; // set by readRecords
  let studies = null; // set by readRecords, in citation order
  let findings = null; // every study's findings, one after another

  // One-item lists, by far the most common, share one array per value (nothing changes these arrays).
  const singles = new Array(256);
  const single = x => x < 256 ? singles[x] || (singles[x] = [x]) : [x];
  function unflatten(counts, items) {
    const lists = new Array(counts.length);
    for (let i = 0, at = 0; i < counts.length; i++) {
      const n = counts[i];
      lists[i] = n === 1 ? single(items[at]) : items.slice(at, at + n);
      at += n;
    }
    return lists;
  }
  function Intervention(c, j, types) {
    this.id = c.id[j];
    this.name = c.name[j];
    this.types = types;
    this.level = c.level[j];
    this.levels = single(this.level);
    this.timing = c.timing[j] === null ? undefined : c.timing[j];
  }
  function Study(c, i, countries, about, findingsFrom) {
    this.index = i; // the studies arrive sorted by citation, so the index is also the citation order
    this.id = c.id[i];
    this.authors = c.authors[i];
    this.year = c.year[i];
    this.title = c.title[i];
    this.doi = c.doi[i] === null ? undefined : c.doi[i];
    this.label = c.label[i];
    this.design = c.design[i];
    this.group = vocab.designGroupOfDesign[this.design];
    this.countries = countries;
    this.countryKeys = countries.length ? countries : single(noCountry);
    this.interventions = about;
    this.timing = c.timing[i] === null ? undefined : c.timing[i];
    this.timings = this.timing === undefined ? [] : single(this.timing);
    this.timingKeys = this.timing === undefined ? single(noTiming) : this.timings;
    // The overall risk of bias (0 low, 1 some concerns, 2 high), or undefined when the study has none.
    this.risk = c.risk && c.risk[i] !== null ? c.risk[i] : undefined;
    this.findingsFrom = findingsFrom; // this study's findings are findings[findingsFrom .. findingsTo - 1]
    this.findingsTo = findingsFrom + c.findingCounts[i];
    this.all = undefined; // allOf
    this.search = undefined; // searchText
  }

  // The records block follows this script, so that the first view is drawn before the browser has even read it; until
  // the parser is done with the document, what needs the studies waits for it.
  const parsing = () => document.readyState === 'loading';
  function whenParsed(action) {
    if (parsing()) document.addEventListener('DOMContentLoaded', () => action(), { once: true });
    else action();
  }

  // The records are inflated here rather than with the browser's DecompressionStream, which is asynchronous and whose
  // first use alone costs 60–70 ms.
  function readRecords() {
    if (studies !== null) return;
    if (parsing()) throw new Error('The study records were asked for before the page had read them.');
    const t0 = performance.now();
    const base64 = document.getElementById('evidence-records').textContent;
    const bytes = typeof Uint8Array.fromBase64 === 'function'
      ? Uint8Array.fromBase64(base64)
      : Uint8Array.from(atob(base64), ch => ch.charCodeAt(0));
    const t1 = performance.now();
    const json = new TextDecoder().decode(inflate(bytes, data.records.length));
    const t2 = performance.now();
    const records = JSON.parse(json);
    const t3 = performance.now();
    const ic = records.interventions;
    interventions = unflatten(ic.typeCounts, ic.types).map((types, j) => new Intervention(ic, j, types));
    const sc = records.studies;
    findings = sc.findings;
    const countries = unflatten(sc.countryCounts, sc.countries);
    const about = unflatten(sc.interventionCounts, sc.interventions);
    studies = new Array(countries.length);
    for (let i = 0, from = 0; i < studies.length; i++) {
      studies[i] = new Study(sc, i, countries[i], about[i], from);
      from = studies[i].findingsTo;
    }
    if (filtered === null) filtered = studies;
    timings.interactive = performance.now();
    timings.records = timings.interactive - t0;
    timings.recordPhases = { decode: t1 - t0, inflate: t2 - t1, parse: t3 - t2, build: timings.interactive - t3 };
  }

  // The studies the page lists first, as the page data give them: enough to list them before the records are read,
  // with each one's direction per outcome ([domain, direction] pairs) resolved by the library.
  const firstList = data.firstList.id.map((id, i) => {
    const c = data.firstList;
    const pairs = c.directions[i];
    const directions = [];
    for (let k = 0; k < pairs.length; k += 2) directions.push([pairs[k], pairs[k + 1]]);
    return {
      index: i, id, authors: c.authors[i], year: c.year[i], title: c.title[i], doi: c.doi[i] === null ? undefined : c.doi[i],
      label: c.label[i], design: c.design[i], countries: c.countries[i], directions,
    };
  });

  // ---- Index: the keys each finding is counted under -------------------------------------------------------------
  // These are the library's rules (EvidenceMaps.Map, EvidenceStatistics.Share): a finding that names no intervention
  // is about all its study's interventions, so its intervention types are the union over them; a study's single
  // direction on a domain combines its findings there by the within-study rule (WithinStudyDirection).
  const DIR = vocab.direction; // {improved, noDifference, worsened, mixed, notReported}: the library's enum values
  function union(lists) {
    const seen = new Set();
    for (const list of lists) for (const x of list) seen.add(x);
    return Array.from(seen).sort((a, b) => a - b);
  }
  // Key arrays are shared, not copied: most findings name no intervention and reuse their study's arrays.
  const domainKeys = vocab.outcomeDomains.map((_, d) => [d]);
  // Country and timing get a "Not reported" row or column when some study has none, as in the library's maps.
  const countryTerms = vocab.countries.slice();
  const timingTerms = vocab.timings.slice();
  const noCountry = data.withoutCountry ? countryTerms.push({ label: 'Not reported' }) - 1 : -1;
  const noTiming = data.withoutTiming ? timingTerms.push({ label: 'Not reported' }) - 1 : -1;

  // What a study contributes when only the interventions in `about` count: each finding about them ("f", used when
  // a row or column is the outcome domain) and the study as a whole ("whole", used otherwise).
  function itemsFor(s, about) {
    const one = about.length === 1 ? interventions[about[0]] : null;
    const types = one ? one.types : union(about.map(j => interventions[j].types));
    const levels = one ? one.levels : union(about.map(j => interventions[j].levels));
    const f = [];
    const D = domainKeys.length;
    for (let at = s.findingsFrom; at < s.findingsTo; at++) {
      const packed = findings[at];
      const direction = packed & 7;
      const rest = (packed - direction) / 8;
      const domain = rest % D;
      const j = (rest - domain) / D - 1;
      if (j >= 0 && about.indexOf(j) < 0) continue;
      const own = j >= 0 ? interventions[j] : null;
      f.push({ domain: domainKeys[domain], direction, types: own ? own.types : types, levels: own ? own.levels : levels });
    }
    return { f, whole: [{ domain: [], types, levels }], directions: null };
  }

  // WithinStudyDirection.Resolve: the direction at least `threshold` of the reported findings share, else mixed.
  function resolve(improved, noDifference, worsened, reported) {
    if (reported === 0) return DIR.notReported;
    const needed = vocab.threshold * reported - 1e-9;
    if (improved >= needed) return DIR.improved;
    if (noDifference >= needed) return DIR.noDifference;
    if (worsened >= needed) return DIR.worsened;
    return DIR.mixed;
  }

  // A study's direction per domain over the findings that count, as [domain, direction] pairs in domain order.
  function directionsOf(items) {
    if (items.directions) return items.directions;
    const byDomain = new Map();
    for (const x of items.f) {
      const d = x.domain[0];
      let c = byDomain.get(d);
      if (!c) byDomain.set(d, c = [0, 0, 0, 0, 0]);
      c[x.direction]++;
    }
    items.directions = Array.from(byDomain.keys()).sort((a, b) => a - b).map(d => {
      const c = byDomain.get(d);
      const reported = c[DIR.improved] + c[DIR.noDifference] + c[DIR.worsened] + c[DIR.mixed];
      return [d, resolve(c[DIR.improved], c[DIR.noDifference], c[DIR.worsened], reported)];
    });
    return items.directions;
  }

  // Everything a study contributes when no typology filter narrows it, built the first time it is needed: the first
  // view is counted by the library (data.initial), so loading the page builds this only for the studies it lists.
  function allOf(s) {
    if (s.all === undefined) s.all = itemsFor(s, s.interventions);
    return s.all;
  }
  function searchText(s) {
    if (s.search === undefined) {
      s.search = [s.id, s.authors, s.title, String(s.year), s.doi || '', vocab.designs[s.design].label]
        .concat(s.countries.map(c => vocab.countries[c].label)).join(' ').toLowerCase();
    }
    return s.search;
  }

  // ---- Dimensions the map can use as rows or columns --------------------------------------------------------------
  const dimensions = {
    interventionType: { label: 'Intervention type', terms: vocab.interventionTypes, keys: (s, x) => x.types },
    outcomeDomain: { label: 'Outcome domain', terms: vocab.outcomeDomains, keys: (s, x) => x.domain, findingLevel: true },
    typologyLevel: { label: 'Typology level', terms: vocab.typologyLevels, keys: (s, x) => x.levels },
    designGroup: { label: 'Design group', terms: vocab.designGroups, keys: s => [s.group] },
    design: { label: 'Design', terms: vocab.designs, keys: s => [s.design] },
    timing: { label: 'Timing', terms: timingTerms, keys: s => s.timingKeys },
    country: { label: 'Country', terms: countryTerms, keys: s => s.countryKeys },
  };

  // ---- Filters --------------------------------------------------------------------------------------------------
  // Study filters keep or drop whole studies. The typology filter is an intervention filter, as in the library's
  // EvidenceFilter: only the study's interventions at the chosen levels, and the findings about them, count.
  const facets = [
    { key: 'designGroup', label: 'Design group', terms: vocab.designGroups, values: s => [s.group] },
    { key: 'design', label: 'Design', terms: vocab.designs, values: s => [s.design] },
    { key: 'country', label: 'Country', terms: vocab.countries, values: s => s.countries },
    { key: 'typologyLevel', label: 'Typology level', terms: vocab.typologyLevels, intervention: true },
    { key: 'timing', label: 'Timing', terms: vocab.timings, values: s => s.timings },
  ];
  const studyFacets = facets.filter(f => !f.intervention);
  const minYear = data.years[0];
  const maxYear = data.years[1];

  const state = {
    mode: 'and',
    selected: Object.fromEntries(facets.map(f => [f.key, new Set()])),
    yearFrom: minYear,
    yearTo: maxYear,
    rows: 'interventionType',
    cols: 'outcomeDomain',
    style: data.cellStyle === 'heat' ? 'heat' : 'bubble',
    cell: null, // {r, c}
    search: '',
    sort: 'label',
    shown: PAGE,
    riskOverlay: false,
  };

  function facetMatch(facet, s) {
    const chosen = state.selected[facet.key];
    for (const v of facet.values(s)) if (chosen.has(v)) return true;
    return false;
  }

  // What of a study the filters keep: null (nothing), all of it, or only its interventions at the chosen typology
  // levels. AND: every active filter must hold, exactly the library's EvidenceFilter. OR: any one may hold, so the
  // result is the union of what each filter alone keeps. Within one filter, the ticked values are alternatives.
  function scope(s) {
    let active = 0;
    let matched = 0;
    for (const facet of studyFacets) {
      if (state.selected[facet.key].size === 0) continue;
      active++;
      if (facetMatch(facet, s)) matched++;
    }
    if (state.yearFrom > minYear || state.yearTo < maxYear) {
      active++;
      if (s.year >= state.yearFrom && s.year <= state.yearTo) matched++;
    }
    const levels = state.selected.typologyLevel;
    if (levels.size === 0) return matched === active || (state.mode === 'or' && matched > 0) ? allOf(s) : null;
    if (state.mode === 'or' && matched > 0) return allOf(s);
    if (state.mode === 'and' && matched < active) return null;
    const about = s.interventions.filter(j => levels.has(interventions[j].level));
    if (about.length === 0) return null;
    return about.length === s.interventions.length ? allOf(s) : itemsFor(s, about);
  }

  // ---- Counting: distinct studies per cell, row, column and in total ----------------------------------------------
  // Each study is visited once; a stamp per cell records the last study counted there, so a study with several
  // findings (or several intervention types) in a cell counts once.
  function findingMode() {
    return !!(dimensions[state.rows].findingLevel || dimensions[state.cols].findingLevel);
  }

  function count(filtered, scopes) {
    const R = dimensions[state.rows].terms.length;
    const C = dimensions[state.cols].terms.length;
    const rowKeys = dimensions[state.rows].keys;
    const colKeys = dimensions[state.cols].keys;
    const byFinding = findingMode();
    const cells = new Int32Array(R * C);
    const cellStamp = new Int32Array(R * C).fill(-1);
    const rows = new Int32Array(R);
    const rowStamp = new Int32Array(R).fill(-1);
    const cols = new Int32Array(C);
    const colStamp = new Int32Array(C).fill(-1);
    // For the risk-of-bias overlay: per cell, the studies with an overall judgement and those judged high.
    const assessed = new Int32Array(R * C);
    const high = new Int32Array(R * C);
    let total = 0;
    let entries = 0;
    for (let i = 0; i < filtered.length; i++) {
      const s = filtered[i];
      let inMap = false;
      for (const x of byFinding ? scopes[i].f : scopes[i].whole) {
        const rk = rowKeys(s, x);
        const ck = colKeys(s, x);
        if (rk.length === 0 || ck.length === 0) continue;
        inMap = true;
        for (const r of rk) {
          if (rowStamp[r] !== i) { rowStamp[r] = i; rows[r]++; }
          for (const c of ck) {
            const cell = r * C + c;
            if (cellStamp[cell] !== i) {
              cellStamp[cell] = i; cells[cell]++; entries++;
              if (s.risk !== undefined) { assessed[cell]++; if (s.risk === 2) high[cell]++; }
            }
          }
        }
        for (const c of ck) if (colStamp[c] !== i) { colStamp[c] = i; cols[c]++; }
      }
      if (inMap) total++;
    }
    return { R, C, cells, rows, cols, total, entries, assessed, high };
  }

  // The unfiltered cell counts of each layout, so that a cell the filters empty is drawn as filtered out, not as a gap
  // (a gap is a pair no study in the review has evidence for).
  const baselines = new Map();
  function isFiltered() {
    return facets.some(f => state.selected[f.key].size > 0) || state.yearFrom > minYear || state.yearTo < maxYear;
  }
  function baselineCells() {
    const key = state.rows + '|' + state.cols;
    if (!baselines.has(key)) baselines.set(key, count(studies, studies.map(allOf)).cells);
    return baselines.get(key);
  }

  function inCell(s, items, r, c) {
    const rowKeys = dimensions[state.rows].keys;
    const colKeys = dimensions[state.cols].keys;
    for (const x of findingMode() ? items.f : items.whole) {
      if (rowKeys(s, x).includes(r) && colKeys(s, x).includes(c)) return true;
    }
    return false;
  }

  // ---- Wilson score interval (Wilson 1927; GUIDE.md §2), exactly as the library's Proportion computes it ----------
  function wilson(k, n, z) {
    if (n === 0) return null;
    const p = k / n;
    const z2 = z * z;
    const centre = (p + z2 / (2 * n)) / (1 + z2 / n);
    const half = z * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n)) / (1 + z2 / n);
    // At k = 0 and k = n the formula gives exactly 0 and 1 in exact arithmetic; pin them against rounding.
    return [k === 0 ? 0 : Math.max(0, centre - half), k === n ? 1 : Math.min(1, centre + half)];
  }

  // evidence.Share(design: DesignGroup.Rct, outcome: d, filter) for every outcome: among the RCTs the filters keep
  // with findings on the domain, those whose single direction is improved, out of those with a reported direction.
  // Ranked as the library's RankOutcomes: lower limit, then share, then n, then label.
  function shares(filtered, scopes) {
    const D = vocab.outcomeDomains.length;
    const n = new Int32Array(D);
    const k = new Int32Array(D);
    for (let i = 0; i < filtered.length; i++) {
      if (filtered[i].group !== vocab.rct) continue;
      for (const [d, direction] of directionsOf(scopes[i])) {
        if (direction === DIR.notReported) continue;
        n[d]++;
        if (direction === DIR.improved) k[d]++;
      }
    }
    return rankShares(k, n);
  }

  // The shares from counts per outcome: k improved of n reporting a direction.
  function rankShares(k, n) {
    const D = vocab.outcomeDomains.length;
    const result = [];
    for (let d = 0; d < D; d++) {
      if (n[d] === 0) continue;
      result.push({ domain: d, k: k[d], n: n[d], p: k[d] / n[d], ci: wilson(k[d], n[d], data.z) });
    }
    const label = d => vocab.outcomeDomains[d].label;
    result.sort((a, b) => b.ci[0] - a.ci[0] || b.p - a.p || b.n - a.n || (label(a.domain) < label(b.domain) ? -1 : label(a.domain) > label(b.domain) ? 1 : 0));
    return result;
  }

  // ---- DOM helpers ----------------------------------------------------------------------------------------------
  const $ = id => document.getElementById(id);
  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    if (attrs) for (const [name, value] of Object.entries(attrs)) {
      if (value === null || value === undefined || value === false) continue;
      if (name === 'text') node.textContent = value;
      else node.setAttribute(name, value === true ? '' : String(value));
    }
    for (const child of children) if (child !== null && child !== undefined) node.append(child);
    return node;
  }
  const SVG = 'http://www.w3.org/2000/svg';
  function svg(tag, attrs) {
    const node = document.createElementNS(SVG, tag);
    for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, String(value));
    return node;
  }
  // Counts (whole, never negative) with a comma between thousands, as en-GB writes them: "12,345". Written out rather
  // than with Intl.NumberFormat, whose first use loads the browser's locale data, 10–30 ms of the page's load.
  const number = { format: n => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',') };
  const percent = x => Math.round(x * 100) + '%';
  const plural = (n, one, many) => number.format(n) + ' ' + (n === 1 ? one : many);

  // ---- Rendering ------------------------------------------------------------------------------------------------
  // The first view (no filters, intervention type by outcome domain) comes counted from the library; every later view
  // is counted here. Until the first filter change every study is kept whole, and `scopes` is built when first asked.
  let initial = data.initial || null;
  let filtered = null; // null until the records are read, then every study until the first filter change
  let scopes = null;
  let counts = null;
  let shareRows = null;

  function currentScopes() {
    readRecords();
    if (scopes === null) scopes = filtered.map(allOf);
    return scopes;
  }

  function refresh() {
    const t0 = performance.now();
    if (initial) {
      filtered = studies;
      scopes = null;
      const cells = Int32Array.from(initial.cells);
      counts = { R: initial.rows.length, C: initial.cols.length, cells, rows: Int32Array.from(initial.rows),
        cols: Int32Array.from(initial.cols), total: initial.total, entries: initial.entries };
      const k = new Int32Array(vocab.outcomeDomains.length);
      const n = new Int32Array(vocab.outcomeDomains.length);
      for (const [d, improved, reported] of initial.shares) { k[d] = improved; n[d] = reported; }
      shareRows = rankShares(k, n);
      baselines.set(state.rows + '|' + state.cols, cells);
      counts.baseline = cells;
      initial = null;
    } else {
      if (parsing()) { whenParsed(refresh); return; }
      readRecords();
      filtered = [];
      scopes = [];
      for (const s of studies) {
        const kept = scope(s);
        if (kept) { filtered.push(s); scopes.push(kept); }
      }
      counts = count(filtered, scopes);
      counts.baseline = isFiltered() ? baselineCells() : counts.cells;
      shareRows = shares(filtered, scopes);
    }
    const t1 = performance.now();
    renderMap();
    const t2 = performance.now();
    renderStudies();
    const t3 = performance.now();
    renderShares();
    timings.phases = { count: t1 - t0, map: t2 - t1, studies: t3 - t2, shares: performance.now() - t3 };
    $('status').textContent = 'Showing ' + number.format(filtered ? filtered.length : data.studyCount) + ' of ' + plural(data.studyCount, 'study', 'studies') +
      ' (' + plural(counts.total, 'study', 'studies') + ' in the map, ' + plural(counts.entries, 'study–cell entry', 'study–cell entries') + ').';
    $('filter-summary').textContent = filterSummary();
    timings.refresh.push(performance.now() - t0);
  }

  // The active filters in words, shown above the map (and on paper, where the filter panel is not printed).
  function filterSummary() {
    const parts = [];
    for (const facet of facets) {
      const chosen = Array.from(state.selected[facet.key]).sort((a, b) => a - b).map(i => facet.terms[i].label);
      if (chosen.length) parts.push(facet.label + ': ' + chosen.join(' or '));
    }
    if (state.yearFrom > minYear || state.yearTo < maxYear) parts.push('Years ' + state.yearFrom + '–' + state.yearTo);
    return parts.length === 0 ? 'No filters: every study is included.'
      : 'Filters (' + (state.mode === 'and' ? 'all must hold' : 'any may hold') + '): ' + parts.join(state.mode === 'and' ? '; AND ' : '; OR ') + '.';
  }

  // From #eef3fb to #08306b (a sequential blue); lightness falls as the count grows. The count is written in black
  // or white, whichever contrasts more with the shade (WCAG 2 relative luminance).
  function heatColour(t) {
    const from = [238, 243, 251];
    const to = [8, 48, 107];
    const mix = from.map((a, i) => Math.round(a + (to[i] - a) * t));
    const linear = mix.map(v => { const c = v / 255; return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4); });
    const luminance = 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2];
    const onWhite = 1.05 / (luminance + 0.05);
    const onBlack = (luminance + 0.05) / 0.05;
    return { background: 'rgb(' + mix.join(',') + ')', ink: onWhite > onBlack ? '#fff' : '#000' };
  }

  function renderMap() {
    // The first view's counts come from the library without the overlay's; count them here when it is first shown.
    if (state.riskOverlay && !counts.high) {
      if (parsing()) { whenParsed(renderMap); return; }
      const kept = currentScopes();
      const again = count(filtered, kept);
      counts.assessed = again.assessed;
      counts.high = again.high;
    }
    const rowDim = dimensions[state.rows];
    const colDim = dimensions[state.cols];
    const { R, C, cells, rows, cols, total, baseline } = counts;
    let max = 0;
    for (let i = 0; i < cells.length; i++) if (cells[i] > max) max = cells[i];
    const table = $('map-table');
    table.replaceChildren();
    table.setAttribute('role', 'grid');
    table.setAttribute('aria-label', rowDim.label + ' by ' + colDim.label.toLowerCase() + ': distinct studies per cell');
    table.classList.toggle('heat', state.style === 'heat');
    table.append(el('caption', { class: 'visually-hidden', text: rowDim.label + ' (rows) by ' + colDim.label.toLowerCase() + ' (columns)' }));

    const head = el('tr', { role: 'row' }, el('th', { scope: 'col', class: 'corner', role: 'columnheader' },
      el('span', { class: 'corner-rows', text: rowDim.label + ' ↓' }), el('span', { class: 'corner-cols', text: colDim.label + ' →' })));
    for (let c = 0; c < C; c++) {
      const term = colDim.terms[c];
      head.append(el('th', { scope: 'col', role: 'columnheader', title: term.description || null }, el('span', { text: term.label })));
    }
    head.append(el('th', { scope: 'col', role: 'columnheader', class: 'total', text: 'Total studies' }));
    table.append(el('thead', null, head));

    const body = el('tbody');
    let filteredOut = 0;
    for (let r = 0; r < R; r++) {
      const term = rowDim.terms[r];
      const tr = el('tr', { role: 'row' }, el('th', { scope: 'row', role: 'rowheader', title: term.description || null, text: term.label }));
      for (let c = 0; c < C; c++) {
        const n = cells[r * C + c];
        const unfiltered = baseline[r * C + c];
        const out = n === 0 && unfiltered > 0;
        if (out) filteredOut++;
        const selected = state.cell && state.cell.r === r && state.cell.c === c;
        const assessedHere = state.riskOverlay && n > 0 ? counts.assessed[r * C + c] : 0;
        const highHere = assessedHere > 0 ? counts.high[r * C + c] : 0;
        const riskText = assessedHere > 0 ? 'high risk of bias ' + highHere + ' of ' + assessedHere + ' assessed (' + Math.round(100 * highHere / assessedHere) + '%)' : '';
        const label = term.label + ' and ' + colDim.terms[c].label + ': ' + (n > 0 ? plural(n, 'study', 'studies')
          : out ? 'no studies in the current filter (filtered out; ' + plural(unfiltered, 'study', 'studies') + ' without filters)' : 'no studies (gap)')
          + (riskText ? '; ' + riskText : '');
        const button = el('button', {
          type: 'button', class: 'cell' + (n > 0 ? '' : out ? ' filtered-out' : ' gap'), 'data-r': r, 'data-c': c,
          'aria-label': label, 'aria-pressed': selected ? 'true' : 'false', tabindex: -1,
        });
        if (state.style === 'heat') {
          const t = max === 0 ? 0 : n / max;
          if (n > 0) {
            const shade = heatColour(0.12 + 0.88 * t);
            button.style.background = shade.background;
            button.style.color = shade.ink;
          }
          button.append(out ? el('span', { class: 'count out', text: 'filtered out' })
            : el('span', { class: 'count', text: n === 0 ? '–' : number.format(n) }));
        } else if (n > 0) {
          // Bubble area proportional to the count: radius ∝ √n, the largest filling the cell.
          // A count whose digits would be wider than its bubble is written beside it (to the bubble's right), not over it.
          const radius = Math.max(5, 22 * Math.sqrt(n / max));
          const digits = number.format(n).length;
          const beside = 2 * radius < Math.max(DIGIT_WIDTH * digits, 10) + 8;
          const cx = beside ? Math.max(radius + 2, 24 - (DIGIT_WIDTH * digits + 3) / 2) : 24;
          // Wider than 48 px when the digits beside a large bubble need it (a count of thousands), so that the column makes
          // room for them rather than letting them run into the next cell; room for the widest fonts' digits and the halo.
          const width = beside ? Math.max(48, Math.ceil(cx + radius + 2 + WIDEST_DIGIT * digits + 2)) : 48;
          const picture = svg('svg', { viewBox: `0 0 ${width} 48`, width, height: 48, 'aria-hidden': 'true', focusable: 'false' });
          picture.append(svg('circle', { cx: cx.toFixed(2), cy: 24, r: radius.toFixed(2), class: 'bubble' }));
          const text = svg('text', beside
            ? { x: (cx + radius + 2).toFixed(2), y: 24, 'text-anchor': 'start', 'dominant-baseline': 'central', class: 'bubble-count beside' }
            : { x: 24, y: 24, 'text-anchor': 'middle', 'dominant-baseline': 'central', class: 'bubble-count' });
          text.textContent = number.format(n);
          picture.append(text);
          button.append(picture);
        } else {
          button.append(out ? el('span', { class: 'count out', text: 'filtered out' }) : el('span', { class: 'count', text: '–' }));
        }
        if (riskText) {
          button.classList.add('with-risk');
          button.append(el('span', { class: 'risk-overlay', title: riskText, 'aria-hidden': 'true', text: highHere + '/' + assessedHere + ' high' }));
        }
        tr.append(el('td', { role: 'gridcell', class: selected ? 'selected' : null }, button));
      }
      tr.append(el('td', { class: 'total', role: 'gridcell', text: number.format(rows[r]) }));
      body.append(tr);
    }
    table.append(body);

    const foot = el('tr', { role: 'row' }, el('th', { scope: 'row', role: 'rowheader', class: 'total', text: 'Total studies' }));
    for (let c = 0; c < C; c++) foot.append(el('td', { class: 'total', role: 'gridcell', text: number.format(cols[c]) }));
    foot.append(el('td', { class: 'total grand', role: 'gridcell', 'aria-label': 'All studies in the map: ' + number.format(total), text: number.format(total) }));
    table.append(el('tfoot', null, foot));

    const focusR = state.cell ? state.cell.r : 0;
    const focusC = state.cell ? state.cell.c : 0;
    const first = table.querySelector('button.cell[data-r="' + focusR + '"][data-c="' + focusC + '"]') || table.querySelector('button.cell');
    if (first) first.tabIndex = 0;

    $('legend').textContent = (state.style === 'heat'
      ? 'Darker cells hold more studies; '
      : 'Bubble area is proportional to the number of distinct studies; ') +
      '– marks a gap (no studies). ' + (filteredOut === 0 ? '' : 'Hatched cells marked “filtered out” have studies, but none in the current filter. ') + (max === 0
        ? 'No study in the current filter has evidence for these rows and columns.'
        : 'The largest cell holds ' + plural(max, 'study', 'studies') + '.');
    renderDescriptions();
  }

  function renderDescriptions() {
    const box = $('descriptions');
    box.replaceChildren();
    for (const dim of [dimensions[state.rows], dimensions[state.cols]]) {
      const list = el('dl');
      for (const term of dim.terms) {
        list.append(el('dt', { text: term.label }), el('dd', { text: term.description || 'No description given.' }));
      }
      box.append(el('h3', { text: dim.label }), list);
    }
  }

  function cellStudies() {
    readRecords();
    if (!state.cell) return filtered;
    const scopes = currentScopes();
    return filtered.filter((s, i) => inCell(s, scopes[i], state.cell.r, state.cell.c));
  }

  // Sorting compares precomputed numbers: citation order is the data order, and the design and country orders are
  // ranked once, with a collator, the first time they are asked for.
  let collator = null; // made when first needed: the first Intl object loads locale data (10–30 ms)
  const countryText = s => s.countries.map(c => vocab.countries[c].label).join(', ');
  const ranks = {};
  function rankBy(name, text) {
    if (!ranks[name]) {
      collator = collator || new Intl.Collator('en', { sensitivity: 'base', numeric: true });
      const order = studies.slice().sort((a, b) => collator.compare(text(a), text(b)) || a.index - b.index);
      const rank = new Int32Array(studies.length);
      order.forEach((s, r) => { rank[s.index] = r; });
      ranks[name] = rank;
    }
    return ranks[name];
  }
  const sorters = {
    label: () => (a, b) => a.index - b.index,
    year: () => (a, b) => a.year - b.year || a.index - b.index,
    'year-desc': () => (a, b) => b.year - a.year || a.index - b.index,
    design: () => { const r = rankBy('design', s => vocab.designs[s.design].label); return (a, b) => r[a.index] - r[b.index]; },
    country: () => { const r = rankBy('country', countryText); return (a, b) => r[a.index] - r[b.index]; },
  };

  function listedStudies() {
    const query = state.search.trim().toLowerCase();
    const words = query ? query.split(/\s+/) : [];
    const list = words.length ? cellStudies().filter(s => { const text = searchText(s); return words.every(w => text.includes(w)); }) : cellStudies().slice();
    return list.sort((sorters[state.sort] || sorters.label)());
  }

  function directionText(s) {
    return directionsOf(allOf(s)).map(d => vocab.outcomeDomains[d[0]].label + ' ' + vocab.directions[d[1]].symbol + ' ' + vocab.directions[d[1]].label).join('; ');
  }

  // The list the page starts with, before the records are read: no cell, search or other order, the first page.
  const isFirstList = () => studies === null && !state.cell && !state.search && state.sort === 'label' && state.shown === PAGE;

  function renderStudies() {
    const first = isFirstList();
    if (!first && parsing()) { whenParsed(renderStudies); return; }
    const list = first ? firstList : listedStudies();
    const listed = first ? data.studyCount : list.length;
    const shown = list.slice(0, state.shown);
    const rowDim = dimensions[state.rows];
    const colDim = dimensions[state.cols];
    const where = state.cell
      ? rowDim.terms[state.cell.r].label + ' × ' + colDim.terms[state.cell.c].label
      : 'All filtered studies';
    $('studies-heading').textContent = 'Studies: ' + where;
    $('studies-summary').textContent = plural(listed, 'study', 'studies') + (state.search ? (listed === 1 ? ' matches' : ' match') + ' the search.' : '.');
    const highlight = state.cell && state.cols === 'outcomeDomain' ? state.cell.c
      : state.cell && state.rows === 'outcomeDomain' ? state.cell.r : -1;
    const tbody = $('study-table').tBodies[0];
    tbody.replaceChildren();
    const fragment = document.createDocumentFragment();
    for (const s of shown) {
      const cite = el('td', { class: 'citation' },
        el('span', { class: 'study-label', text: s.label }), ' ',
        el('span', { class: 'study-id', text: '(' + s.id + ')' }),
        el('br'),
        el('span', { class: 'study-title', text: s.title }));
      if (s.doi) {
        const link = el('a', { rel: 'noopener noreferrer', text: 'doi:' + s.doi });
        link.href = 'https://doi.org/' + encodeURI(s.doi);
        cite.append(el('br'), link);
      }
      const directions = s.directions || directionsOf(allOf(s));
      const dirs = directions.length ? el('ul', { class: 'directions' }) : el('span', { class: 'no-findings', text: 'No findings coded' });
      for (const d of directions) {
        const dir = vocab.directions[d[1]];
        dirs.append(el('li', { class: 'dir dir-' + d[1] + (d[0] === highlight ? ' current' : '') },
          el('span', { class: 'symbol', 'aria-hidden': 'true', text: dir.symbol }), ' ',
          el('span', { text: vocab.outcomeDomains[d[0]].label + ': ' + dir.label })));
      }
      fragment.append(el('tr', { 'data-id': s.id }, cite,
        el('td', { text: vocab.designs[s.design].label }),
        el('td', { text: countryText(s) || 'Not reported' }),
        el('td', null, dirs)));
    }
    tbody.append(fragment);
    const more = $('more');
    more.hidden = listed <= state.shown;
    more.textContent = 'Show more (' + number.format(Math.max(0, listed - state.shown)) + ' not shown)';
    $('show-all').disabled = !state.cell;
  }

  function renderShares() {
    const rows = shareRows;
    const level = Math.round(data.confidenceLevel * 100);
    $('shares-help').textContent = 'Among the RCTs in the current filter that report a direction on each outcome, the share whose direction was improvement, with a ' +
      level + '% Wilson interval. A study with several findings on an outcome takes the direction at least ' + Math.round(vocab.threshold * 100) +
      '% of them share, otherwise mixed. Direction is coded regardless of statistical significance; the unit is the study, not the finding.';
    const table = $('shares-table');
    table.replaceChildren();
    table.append(el('caption', { class: 'visually-hidden', text: 'Share of RCTs reporting improvement, by outcome' }));
    table.append(el('thead', null, el('tr', null,
      el('th', { scope: 'col', text: 'Outcome' }), el('th', { scope: 'col', text: 'Improved / RCTs' }),
      el('th', { scope: 'col', text: 'Share (' + level + '% CI)' }), el('th', { scope: 'col', text: 'Interval', class: 'interval-head' }))));
    const body = el('tbody');
    if (rows.length === 0) {
      body.append(el('tr', null, el('td', { colspan: 4, text: 'No RCT in the current filter reports an outcome.' })));
    }
    for (const row of rows) {
      const [lo, hi] = row.ci;
      const picture = intervalPicture(row.p, lo, hi);
      body.append(el('tr', { 'data-domain': vocab.outcomeDomains[row.domain].label },
        el('th', { scope: 'row', text: vocab.outcomeDomains[row.domain].label }),
        el('td', { class: 'num', text: row.k + ' of ' + row.n }),
        el('td', { class: 'num', text: percent(row.p) + ' (' + percent(lo) + ' to ' + percent(hi) + ')' }),
        el('td', { class: 'interval' }, picture)));
    }
    table.append(body);
  }

  // A share and its interval on a 0–100% axis with ticks and labels at 0, 50 and 100%. The axis is inset by the dot's
  // radius and the labels' half-width, so a share of 0% or 100% is drawn whole, not cut by the picture's edge.
  const AXIS = { left: 14, width: 200, height: 30, y: 8 };
  function intervalPicture(p, lo, hi) {
    const x = v => (AXIS.left + v * AXIS.width).toFixed(1);
    const picture = svg('svg', { viewBox: '0 0 ' + (AXIS.width + 2 * AXIS.left) + ' ' + AXIS.height, class: 'interval-svg', role: 'img',
      'aria-label': percent(p) + ', interval ' + percent(lo) + ' to ' + percent(hi) });
    picture.append(svg('line', { x1: x(0), x2: x(1), y1: AXIS.y, y2: AXIS.y, class: 'axis' }));
    for (const tick of [0, 0.5, 1]) {
      picture.append(svg('line', { x1: x(tick), x2: x(tick), y1: AXIS.y + 3, y2: AXIS.y + 7, class: 'axis tick' }));
      const label = svg('text', { x: x(tick), y: AXIS.height - 2, 'text-anchor': 'middle', class: 'tick-label' });
      label.textContent = Math.round(tick * 100) + '%';
      picture.append(label);
    }
    picture.append(svg('line', { x1: x(lo), x2: x(hi), y1: AXIS.y, y2: AXIS.y, class: 'ci' }));
    picture.append(svg('circle', { cx: x(p), cy: AXIS.y, r: 4, class: 'point' }));
    return picture;
  }

  // ---- Filters UI -----------------------------------------------------------------------------------------------
  function buildFilters() {
    const box = $('facets');
    for (const facet of facets) {
      if (facet.terms.length === 0) continue;
      const fieldset = el('fieldset', { class: 'facet', 'data-facet': facet.key }, el('legend', { text: facet.label }));
      facet.terms.forEach((term, i) => {
        const input = el('input', { type: 'checkbox', name: facet.key, value: i });
        input.addEventListener('change', () => {
          if (input.checked) state.selected[facet.key].add(i); else state.selected[facet.key].delete(i);
          onFilterChange();
        });
        fieldset.append(el('label', { title: term.description || null }, input, ' ' + term.label));
      });
      box.append(fieldset);
    }
    for (const [id, key] of [['year-from', 'yearFrom'], ['year-to', 'yearTo']]) {
      const input = $(id);
      input.min = minYear;
      input.max = maxYear;
      input.value = state[key];
      input.addEventListener('change', () => {
        // Both boxes as the reader sees them: a refused year stays in its box until it is corrected.
        const yearIn = (id, blank) => { const value = parseInt($(id).value, 10); return Number.isFinite(value) ? value : blank; };
        const from = yearIn('year-from', minYear);
        const to = yearIn('year-to', maxYear);
        // A range that ends before it starts matches no year: it is refused, said so beside the inputs, and the
        // filter keeps the last range that made sense until it is corrected.
        if (from > to) {
          showYearError('From ' + from + ' is after To ' + to + ': no year can match. Change one of them; the map still uses ' +
            (state.yearFrom === minYear && state.yearTo === maxYear ? 'every year' : state.yearFrom + '–' + state.yearTo) + '.', input);
          return;
        }
        showYearError(null);
        state.yearFrom = from;
        state.yearTo = to;
        onFilterChange();
      });
    }
    for (const radio of document.querySelectorAll('input[name=mode]')) {
      radio.addEventListener('change', () => { state.mode = radio.value; onFilterChange(); });
    }
    $('reset').addEventListener('click', () => {
      for (const facet of facets) state.selected[facet.key].clear();
      for (const box of document.querySelectorAll('#facets input')) box.checked = false;
      state.yearFrom = minYear; state.yearTo = maxYear;
      $('year-from').value = minYear; $('year-to').value = maxYear;
      showYearError(null);
      onFilterChange();
    });
    $('filters').addEventListener('submit', e => e.preventDefault());
  }

  function showYearError(message, input) {
    const error = $('year-error');
    error.textContent = message || '';
    error.hidden = !message;
    for (const id of ['year-from', 'year-to']) {
      const box = $(id);
      if (message && box === input) box.setAttribute('aria-invalid', 'true'); else box.removeAttribute('aria-invalid');
    }
  }

  function onFilterChange() {
    state.shown = PAGE;
    refresh();
  }

  function buildControls() {
    for (const [id, key] of [['rows-dim', 'rows'], ['cols-dim', 'cols']]) {
      const select = $(id);
      for (const [name, dim] of Object.entries(dimensions)) {
        if (dim.terms.length === 0) continue;
        select.append(el('option', { value: name, text: dim.label }));
      }
      select.value = state[key];
      select.addEventListener('change', () => {
        state[key] = select.value;
        state.cell = null;
        state.shown = PAGE;
        refresh();
      });
    }
    for (const radio of document.querySelectorAll('input[name=style]')) {
      radio.checked = radio.value === state.style;
      radio.addEventListener('change', () => { state.style = radio.value; renderMap(); });
    }
    const overlay = $('risk-overlay');
    overlay.closest('label').hidden = !data.riskOfBias;
    overlay.addEventListener('change', () => { state.riskOverlay = overlay.checked; renderMap(); });
    const table = $('map-table');
    table.addEventListener('click', e => {
      const button = e.target.closest('button.cell');
      if (!button) return;
      selectCell(+button.dataset.r, +button.dataset.c);
    });
    table.addEventListener('keydown', onGridKey);
    $('search').addEventListener('input', e => { state.search = e.target.value; state.shown = PAGE; renderStudies(); });
    $('sort').addEventListener('change', e => { state.sort = e.target.value; renderStudies(); });
    $('more').addEventListener('click', () => { state.shown += PAGE * 5; renderStudies(); });
    $('show-all').addEventListener('click', () => {
      const previous = state.cell;
      state.cell = null;
      state.shown = PAGE;
      renderMap();
      renderStudies();
      if (previous) focusCell(previous.r, previous.c);
    });
    $('export-csv').addEventListener('click', () => whenParsed(() => download('evidence-map-studies.csv', 'text/csv;charset=utf-8', toCsv(listedStudies()))));
    $('export-ris').addEventListener('click', () => whenParsed(() => download('evidence-map-studies.ris', 'application/x-research-info-systems', toRis(listedStudies()))));
  }

  function selectCell(r, c) {
    state.cell = { r, c };
    state.shown = PAGE;
    renderMap();
    renderStudies();
    focusCell(r, c);
  }

  function focusCell(r, c) {
    const table = $('map-table');
    const target = table.querySelector('button.cell[data-r="' + r + '"][data-c="' + c + '"]');
    if (!target) return;
    for (const b of table.querySelectorAll('button.cell')) b.tabIndex = -1;
    target.tabIndex = 0;
    target.focus();
  }

  // Roving tab index: one cell is in the tab order; the arrow keys, Home and End move between cells.
  function onGridKey(e) {
    const button = e.target.closest('button.cell');
    if (!button) return;
    let r = +button.dataset.r;
    let c = +button.dataset.c;
    const { R, C } = counts;
    switch (e.key) {
      case 'ArrowRight': c = Math.min(C - 1, c + 1); break;
      case 'ArrowLeft': c = Math.max(0, c - 1); break;
      case 'ArrowDown': r = Math.min(R - 1, r + 1); break;
      case 'ArrowUp': r = Math.max(0, r - 1); break;
      case 'Home': c = 0; if (e.ctrlKey) r = 0; break;
      case 'End': c = C - 1; if (e.ctrlKey) r = R - 1; break;
      default: return;
    }
    e.preventDefault();
    focusCell(r, c);
  }

  // ---- Export ---------------------------------------------------------------------------------------------------
  // A cell starting with = + - @ (or a tab or carriage return) would run as a formula in a spreadsheet; OWASP's
  // advice is to prefix it with a single quote. Every field is quoted, with quotes doubled (RFC 4180).
  function csvField(value) {
    let text = String(value);
    if (/^[=+\-@\t\r]/.test(text)) text = "'" + text;
    return '"' + text.replace(/"/g, '""') + '"';
  }

  function toCsv(list) {
    const lines = [['id', 'authors', 'year', 'title', 'doi', 'design', 'design_group', 'countries', 'interventions', 'directions']];
    for (const s of list) {
      lines.push([s.id, s.authors, s.year, s.title, s.doi || '', vocab.designs[s.design].label, vocab.designGroups[s.group].label,
        countryText(s), s.interventions.map(i => interventions[i].name).join('; '), directionText(s)]);
    }
    return lines.map(line => line.map(csvField).join(',')).join('\r\n') + '\r\n';
  }

  // RIS (Research Information Systems): one tag per line, "TY  - " opens a record and "ER  - " closes it.
  function toRis(list) {
    const out = [];
    const clean = text => String(text).replace(/[\r\n]+/g, ' ');
    for (const s of list) {
      out.push('TY  - JOUR');
      for (const author of s.authors.split(/[;,]/).map(a => a.trim()).filter(Boolean)) out.push('AU  - ' + clean(author));
      out.push('PY  - ' + s.year);
      out.push('TI  - ' + clean(s.title));
      if (s.doi) out.push('DO  - ' + clean(s.doi));
      out.push('ID  - ' + clean(s.id));
      out.push('KW  - ' + vocab.designs[s.design].label);
      for (const c of s.countries) out.push('CY  - ' + clean(vocab.countries[c].label));
      out.push('ER  - ');
    }
    return out.join('\r\n') + '\r\n';
  }

  function download(name, type, text) {
    const url = URL.createObjectURL(new Blob([text], { type }));
    const link = el('a', { download: name, href: url, hidden: true });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }

  // DEFLATE decoding (RFC 1951 §3.2): stored, fixed-Huffman and dynamic-Huffman blocks. The input is read by bit
  // position, least significant bit first, from a copy padded with zeros so that no read needs a bounds check; each
  // Huffman code is decoded with one look-up in a table of 2^(longest code) entries, each holding symbol << 4 | code
  // length (0: no such code). `size` is the inflated length, known from the page data.
  const LENGTH_BASE = [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258];
  const LENGTH_EXTRA = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0];
  const DISTANCE_BASE = [1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073,
    4097, 6145, 8193, 12289, 16385, 24577];
  const DISTANCE_EXTRA = [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13];
  const CODE_LENGTH_ORDER = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15];

  // At least 17 bits from bit position p on (three bytes, less the bits of the first already used).
  const peek = (d, p) => { const o = p >>> 3; return (d[o] | (d[o + 1] << 8) | (d[o + 2] << 16)) >>> (p & 7); };
  const damaged = why => new Error('the study records are damaged (' + why + ')');

  function huffman(lengths) {
    let longest = 0;
    const perLength = new Int32Array(16);
    for (let i = 0; i < lengths.length; i++) { perLength[lengths[i]]++; if (lengths[i] > longest) longest = lengths[i]; }
    perLength[0] = 0;
    const next = new Int32Array(16); // the first canonical code of each length (RFC 1951 §3.2.2)
    for (let length = 1, code = 0; length < 16; length++) next[length] = code = (code + perLength[length - 1]) << 1;
    const table = new Int32Array(1 << longest);
    for (let symbol = 0; symbol < lengths.length; symbol++) {
      const length = lengths[symbol];
      if (length === 0) continue;
      let code = next[length]++;
      if (code >= 1 << length) throw damaged('an over-subscribed code');
      let reversed = 0;
      for (let k = 0; k < length; k++) { reversed = (reversed << 1) | (code & 1); code >>= 1; }
      for (let i = reversed; i < table.length; i += 1 << length) table[i] = (symbol << 4) | length;
    }
    return { table, mask: table.length - 1 };
  }

  let fixedCodes = null; // RFC 1951 §3.2.6, made on first use
  function fixed() {
    if (fixedCodes === null) {
      const literals = new Uint8Array(288);
      for (let i = 0; i < 288; i++) literals[i] = i < 144 ? 8 : i < 256 ? 9 : i < 280 ? 7 : 8;
      fixedCodes = { literals: huffman(literals), distances: huffman(new Uint8Array(30).fill(5)) };
    }
    return fixedCodes;
  }

  // A compressed block's symbols, until its end-of-block code, from bit cursor.p on into out from cursor.at on. Kept
  // apart from the block headers so that the engine optimises it once, not again after every header.
  function decodeBlock(d, out, literals, distances, cursor) {
    const lt = literals.table;
    const lm = literals.mask;
    const dt = distances.table;
    const dm = distances.mask;
    const size = out.length;
    let p = cursor.p;
    let at = cursor.at;
    for (;;) {
      let entry = lt[peek(d, p) & lm];
      if (entry === 0) throw damaged('an unknown code');
      p += entry & 15;
      const symbol = entry >>> 4;
      if (symbol < 256) {
        if (at >= size) throw damaged('more bytes than the page data say');
        out[at++] = symbol;
        continue;
      }
      if (symbol === 256) break;
      if (symbol > 285) throw damaged('an unknown length');
      const lengthBits = LENGTH_EXTRA[symbol - 257];
      const length = LENGTH_BASE[symbol - 257] + (peek(d, p) & ((1 << lengthBits) - 1));
      p += lengthBits;
      entry = dt[peek(d, p) & dm];
      if (entry === 0) throw damaged('an unknown code');
      p += entry & 15;
      const code = entry >>> 4;
      if (code > 29) throw damaged('an unknown distance');
      const distanceBits = DISTANCE_EXTRA[code];
      const distance = DISTANCE_BASE[code] + (peek(d, p) & ((1 << distanceBits) - 1));
      p += distanceBits;
      if (distance > at) throw damaged('a distance before the start');
      if (at + length > size) throw damaged('more bytes than the page data say');
      for (const end = at + length; at < end; at++) out[at] = out[at - distance];
    }
    cursor.p = p;
    cursor.at = at;
  }

  function inflate(input, size) {
    const d = new Uint8Array(input.length + 4);
    d.set(input);
    const out = new Uint8Array(size);
    let p = 0; // the next bit
    let at = 0; // the next output byte
    let last = 0;
    while (!last) {
      last = peek(d, p) & 1;
      const type = (peek(d, p) >>> 1) & 3;
      p += 3;
      if (type === 0) { // stored: from the next byte boundary, LEN, NLEN and LEN bytes as they are
        let o = (p + 7) >>> 3;
        const length = d[o] | (d[o + 1] << 8);
        if ((length ^ (d[o + 2] | (d[o + 3] << 8))) !== 0xffff) throw damaged('a stored length');
        o += 4;
        if (o + length > input.length || at + length > size) throw damaged('a stored block runs past the end');
        out.set(d.subarray(o, o + length), at);
        at += length;
        p = (o + length) * 8;
        continue;
      }
      let literals;
      let distances;
      if (type === 1) {
        ({ literals, distances } = fixed());
      } else if (type === 2) {
        const head = peek(d, p);
        const literalCount = (head & 31) + 257;
        const distanceCount = ((head >>> 5) & 31) + 1;
        const lengthCount = ((head >>> 10) & 15) + 4;
        p += 14;
        const codeLengths = new Uint8Array(19);
        for (let i = 0; i < lengthCount; i++, p += 3) codeLengths[CODE_LENGTH_ORDER[i]] = peek(d, p) & 7;
        const lengthCode = huffman(codeLengths);
        const lengths = new Uint8Array(literalCount + distanceCount);
        for (let i = 0; i < lengths.length;) {
          const entry = lengthCode.table[peek(d, p) & lengthCode.mask];
          if (entry === 0) throw damaged('an unknown code');
          p += entry & 15;
          const symbol = entry >>> 4;
          if (symbol < 16) { lengths[i++] = symbol; continue; }
          if (symbol === 16 && i === 0) throw damaged('a repeat with nothing to repeat');
          const value = symbol === 16 ? lengths[i - 1] : 0;
          let repeat;
          if (symbol === 16) { repeat = 3 + (peek(d, p) & 3); p += 2; }
          else if (symbol === 17) { repeat = 3 + (peek(d, p) & 7); p += 3; }
          else { repeat = 11 + (peek(d, p) & 127); p += 7; }
          if (i + repeat > lengths.length) throw damaged('too many code lengths');
          lengths.fill(value, i, i + repeat);
          i += repeat;
        }
        if (lengths[256] === 0) throw damaged('no end-of-block code');
        literals = huffman(lengths.subarray(0, literalCount));
        distances = huffman(lengths.subarray(literalCount));
      } else {
        throw damaged('a reserved block type');
      }
      const cursor = { p, at };
      decodeBlock(d, out, literals, distances, cursor);
      p = cursor.p;
      at = cursor.at;
      if (p > input.length * 8) throw damaged('it ends early');
    }
    if (at !== size) throw damaged('fewer bytes than the page data say');
    return out;
  }

  // ---- Start ----------------------------------------------------------------------------------------------------
  // ready: milliseconds from navigation start to the end of the first render; load: the page script's own time to
  // then; frame: from navigation start to the document read and a frame drawn; interactive: to the records read;
  // records: the time reading them took.
  const timings = { load: 0, ready: 0, frame: 0, interactive: 0, records: 0, refresh: [] };
  document.title = data.title;
  $('title').textContent = data.title;
  if (data.notes) { $('notes').textContent = data.notes; $('notes').hidden = false; }
  $('footer').textContent = 'Made with ' + data.library + ' ' + data.version + ' from “' + data.review + '”: ' +
    plural(data.studyCount, 'study', 'studies') + ', ' + plural(data.interventionCount, 'intervention', 'interventions') + '.';
  buildFilters();
  buildControls();
  // Small screens start with the filters folded away so the map is in view.
  if (window.matchMedia && window.matchMedia('(max-width: 800px)').matches) $('filters-panel').open = false;
  const setUp = performance.now();
  refresh();
  timings.parse = parsed - started;
  timings.setup = setUp - parsed; // the filter panel and controls
  timings.ready = performance.now();
  timings.load = timings.ready - started;

  // Once the document is read and the first frame drawn: the records; then, when the browser is idle, what each study
  // contributes, a few studies at a time, so that the first filter change is quick.
  const idle = window.requestIdleCallback || (work => setTimeout(() => work({ timeRemaining: () => 10 }), 1));
  let warmed = 0;
  function warm(deadline) {
    while (warmed < studies.length && deadline.timeRemaining() > 1) allOf(studies[warmed++]);
    if (warmed < studies.length) idle(warm);
  }
  // A page whose records block was damaged (edited by hand, cut short) says so where the reader looks, not only in
  // the console: the first view is still right, but nothing that needs the studies can work.
  whenParsed(() => requestAnimationFrame(() => setTimeout(() => {
    timings.frame = performance.now();
    try {
      readRecords();
    } catch (error) {
      $('status').textContent = 'This page cannot read its study records (' + error.message + '): the map shows the ' +
        'first view only. Write the page again with Evidence.Analytics.';
      throw error;
    }
    idle(warm);
  }, 0)));

  // A small read-only surface for tests and for readers who script the page from the console, there once the document
  // is read. What needs the studies reads the records first.
  const withRecords = f => (...args) => { readRecords(); return f(...args); };
  whenParsed(() => window.evidenceMap = Object.freeze({
    version: data.version,
    timings,
    filteredStudyIds: withRecords(() => filtered.map(s => s.id)),
    listedStudyIds: withRecords(() => listedStudies().map(s => s.id)),
    cellCount: (r, c) => counts.cells[r * counts.C + c],
    cellStudyIds: withRecords((r, c) => { const scopes = currentScopes(); return filtered.filter((s, i) => inCell(s, scopes[i], r, c)).map(s => s.id); }),
    labels: () => ({ rows: dimensions[state.rows].terms.map(t => t.label), cols: dimensions[state.cols].terms.map(t => t.label) }),
    studyDirections: withRecords(() => Object.fromEntries(studies.map(s => [s.id, directionsOf(allOf(s)).map(d => [vocab.outcomeDomains[d[0]].label, d[1]])]))),
    totals: () => ({ rows: Array.from(counts.rows), cols: Array.from(counts.cols), total: counts.total, entries: counts.entries }),
    shares: () => shares(filtered, currentScopes()).map(x => ({ outcome: vocab.outcomeDomains[x.domain].label, k: x.k, n: x.n, lower: x.ci[0], upper: x.ci[1] })),
    recordsRead: () => studies !== null,
    wilson,
    inflate,
    csv: withRecords(() => toCsv(listedStudies())),
    ris: withRecords(() => toRis(listedStudies())),
  }));
})();
