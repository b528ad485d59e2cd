// Evidence.Analytics interactive evidence gap map.
// Reads the JSON embedded in #evidence-data, counts distinct studies per cell under the chosen filters and renders
// everything with DOM text APIs (textContent, setAttribute): no data value is ever parsed as HTML.
(function () {
  'use strict';

  const started = performance.now();
  const data = JSON.parse(document.getElementById('evidence-data').textContent);
  const parsed = performance.now();
  const vocab = data.vocab;
  // Each study arrives as an array in the order of data.studyFields (see InteractiveEvidenceMapData.StudyFields);
  // a missing DOI or timing is null. The findings are flat, three numbers each: intervention (-1: all the study's
  // interventions), domain, direction.
  function Study(row) {
    this.id = row[0];
    this.authors = row[1];
    this.year = row[2];
    this.title = row[3];
    this.doi = row[4] === null ? undefined : row[4];
    this.label = row[5];
    this.design = row[6];
    this.countries = row[7];
    this.interventions = row[8];
    this.timing = row[9] === null ? undefined : row[9];
    this.findings = row[10];
  }
  const studies = data.studies.map(row => new Study(row));
  const interventions = data.interventions;
  const PAGE = 100;

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
  for (const intervention of interventions) intervention.levels = [intervention.level];
  // Country and timing get a "Not reported" row or column when some study has none, as in the library's maps.
  const countryTerms = vocab.countries.slice();
  const timingTerms = vocab.timings.slice();
  const noCountry = studies.some(s => s.countries.length === 0) ? countryTerms.push({ label: 'Not reported' }) - 1 : -1;
  const noTiming = studies.some(s => s.timing === undefined) ? timingTerms.push({ label: 'Not reported' }) - 1 : -1;

  // What a study contributes when only the interventions in `about` count: each finding about them ("f", used when
  // a row or column is the outcome domain) and the study as a whole ("whole", used otherwise).
  function itemsFor(s, about) {
    const one = about.length === 1 ? interventions[about[0]] : null;
    const types = one ? one.types : union(about.map(j => interventions[j].types));
    const levels = one ? one.levels : union(about.map(j => interventions[j].levels));
    const f = [];
    const findings = s.findings;
    for (let at = 0; at < findings.length; at += 3) {
      const j = findings[at];
      if (j >= 0 && about.indexOf(j) < 0) continue;
      const own = j >= 0 ? interventions[j] : null;
      f.push({ domain: domainKeys[findings[at + 1]], direction: findings[at + 2], types: own ? own.types : types, levels: own ? own.levels : levels });
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

  for (let i = 0; i < studies.length; i++) {
    const s = studies[i];
    s.index = i; // the studies arrive sorted by citation, so the index is also the citation order
    s.group = vocab.designGroupOfDesign[s.design];
    s.timings = s.timing === undefined ? [] : [s.timing];
    s.countryKeys = s.countries.length ? s.countries : [noCountry];
    s.timingKeys = s.timing === undefined ? [noTiming] : s.timings;
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

  const indexed = performance.now();

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
  const years = studies.map(s => s.year);
  const minYear = years.length ? Math.min.apply(null, years) : 0;
  const maxYear = years.length ? Math.max.apply(null, years) : 0;

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
            if (cellStamp[cell] !== i) { cellStamp[cell] = i; cells[cell]++; entries++; }
          }
        }
        for (const c of ck) if (colStamp[c] !== i) { colStamp[c] = i; cols[c]++; }
      }
      if (inMap) total++;
    }
    return { R, C, cells, rows, cols, total, entries };
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
  let filtered = studies;
  let scopes = null;
  let counts = null;
  let shareRows = null;

  function currentScopes() {
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
      initial = null;
    } else {
      filtered = [];
      scopes = [];
      for (const s of studies) {
        const kept = scope(s);
        if (kept) { filtered.push(s); scopes.push(kept); }
      }
      counts = count(filtered, scopes);
      shareRows = shares(filtered, scopes);
    }
    const t1 = performance.now();
    renderMap();
    const t2 = performance.now();
    renderStudies();
    const t3 = performance.now();
    renderShares();
    timings.phases = { count: t1 - t0, map: t2 - t1, studies: t3 - t2, shares: performance.now() - t3 };
    $('status').textContent = 'Showing ' + number.format(filtered.length) + ' of ' + plural(studies.length, 'study', 'studies') +
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
    const rowDim = dimensions[state.rows];
    const colDim = dimensions[state.cols];
    const { R, C, cells, rows, cols, total } = counts;
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
    for (let r = 0; r < R; r++) {
      const term = rowDim.terms[r];
      const tr = el('tr', { role: 'row' }, el('th', { scope: 'row', role: 'rowheader', title: term.description || null, text: term.label }));
      for (let c = 0; c < C; c++) {
        const n = cells[r * C + c];
        const selected = state.cell && state.cell.r === r && state.cell.c === c;
        const label = term.label + ' and ' + colDim.terms[c].label + ': ' + (n === 0 ? 'no studies (gap)' : plural(n, 'study', 'studies'));
        const button = el('button', {
          type: 'button', class: 'cell' + (n === 0 ? ' gap' : ''), 'data-r': r, 'data-c': c,
          'aria-label': label, 'aria-pressed': selected ? 'true' : 'false', tabindex: -1,
        });
        if (state.style === 'heat') {
          const t = max === 0 ? 0 : n / max;
          if (n > 0) {
            const shade = heatColour(0.12 + 0.88 * t);
            button.style.background = shade.background;
            button.style.color = shade.ink;
          }
          button.append(el('span', { class: 'count', text: n === 0 ? '–' : number.format(n) }));
        } else if (n > 0) {
          // Bubble area proportional to the count: radius ∝ √n, the largest filling the cell.
          const radius = Math.max(5, 22 * Math.sqrt(n / max));
          const picture = svg('svg', { viewBox: '0 0 48 48', width: 48, height: 48, 'aria-hidden': 'true', focusable: 'false' });
          picture.append(svg('circle', { cx: 24, cy: 24, r: radius.toFixed(2), class: 'bubble' }));
          const text = svg('text', { x: 24, y: 24, 'text-anchor': 'middle', 'dominant-baseline': 'central', class: 'bubble-count' });
          text.textContent = number.format(n);
          picture.append(text);
          button.append(picture);
        } else {
          button.append(el('span', { class: 'count', text: '–' }));
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
      '– marks a gap (no studies). ' + (max === 0
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

  function renderStudies() {
    const list = listedStudies();
    const rowDim = dimensions[state.rows];
    const colDim = dimensions[state.cols];
    const where = state.cell
      ? rowDim.terms[state.cell.r].label + ' × ' + colDim.terms[state.cell.c].label
      : 'All filtered studies';
    $('studies-heading').textContent = 'Studies: ' + where;
    $('studies-summary').textContent = plural(list.length, 'study', 'studies') + (state.search ? ' match the search.' : '.');
    const highlight = state.cell && state.cols === 'outcomeDomain' ? state.cell.c
      : state.cell && state.rows === 'outcomeDomain' ? state.cell.r : -1;
    const tbody = $('study-table').tBodies[0];
    tbody.replaceChildren();
    const fragment = document.createDocumentFragment();
    for (const s of list.slice(0, state.shown)) {
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
      const dirs = directionsOf(allOf(s)).length ? el('ul', { class: 'directions' }) : el('span', { class: 'no-findings', text: 'No findings coded' });
      for (const d of directionsOf(allOf(s))) {
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
    more.hidden = list.length <= state.shown;
    more.textContent = 'Show more (' + number.format(Math.max(0, list.length - state.shown)) + ' not shown)';
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
      const picture = svg('svg', { viewBox: '0 0 200 16', class: 'interval-svg', preserveAspectRatio: 'none', role: 'img', 'aria-label': percent(row.p) + ', interval ' + percent(lo) + ' to ' + percent(hi) });
      picture.append(svg('line', { x1: 0, x2: 200, y1: 8, y2: 8, class: 'axis' }));
      picture.append(svg('line', { x1: (lo * 200).toFixed(1), x2: (hi * 200).toFixed(1), y1: 8, y2: 8, class: 'ci' }));
      picture.append(svg('circle', { cx: (row.p * 200).toFixed(1), cy: 8, r: 4, class: 'point' }));
      body.append(el('tr', { 'data-domain': vocab.outcomeDomains[row.domain].label },
        el('th', { scope: 'row', text: vocab.outcomeDomains[row.domain].label }),
        el('td', { class: 'num', text: row.k + ' of ' + row.n }),
        el('td', { class: 'num', text: percent(row.p) + ' (' + percent(lo) + ' to ' + percent(hi) + ')' }),
        el('td', { class: 'interval' }, picture)));
    }
    table.append(body);
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
        const value = parseInt(input.value, 10);
        state[key] = Number.isFinite(value) ? value : (key === 'yearFrom' ? minYear : maxYear);
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
      onFilterChange();
    });
    $('filters').addEventListener('submit', e => e.preventDefault());
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
    $('export-csv').addEventListener('click', () => download('evidence-map-studies.csv', 'text/csv;charset=utf-8', toCsv(listedStudies())));
    $('export-ris').addEventListener('click', () => download('evidence-map-studies.ris', 'application/x-research-info-systems', toRis(listedStudies())));
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

  // ---- Start ----------------------------------------------------------------------------------------------------
  // load: the page script's own time; ready: milliseconds from navigation start to the end of the first render.
  const timings = { load: 0, ready: 0, refresh: [] };
  document.title = data.title;
  $('title').textContent = data.title;
  if (data.notes) { $('notes').textContent = data.notes; $('notes').hidden = false; }
  $('footer').textContent = 'Made with ' + data.library + ' ' + data.version + ' from “' + data.review + '”: ' +
    plural(studies.length, 'study', 'studies') + ', ' + plural(interventions.length, 'intervention', 'interventions') + '.';
  buildFilters();
  buildControls();
  // Small screens start with the filters folded away so the map is in view.
  if (window.matchMedia && window.matchMedia('(max-width: 800px)').matches) $('filters-panel').open = false;
  const setUp = performance.now();
  refresh();
  // Build what the studies contribute while the browser is idle, a few at a time, so the first filter change is quick.
  let warmed = 0;
  function warm(deadline) {
    while (warmed < studies.length && deadline.timeRemaining() > 1) allOf(studies[warmed++]);
    if (warmed < studies.length) window.requestIdleCallback(warm);
  }
  if (window.requestIdleCallback) window.requestIdleCallback(warm);
  timings.parse = parsed - started;
  timings.index = indexed - parsed;
  timings.setup = setUp - indexed; // the filter panel and controls
  timings.ready = performance.now();
  timings.load = timings.ready - started;

  // A small read-only surface for tests and for readers who script the page from the console.
  window.evidenceMap = Object.freeze({
    version: data.version,
    timings,
    filteredStudyIds: () => filtered.map(s => s.id),
    listedStudyIds: () => listedStudies().map(s => s.id),
    cellCount: (r, c) => counts.cells[r * counts.C + c],
    cellStudyIds: (r, c) => { const scopes = currentScopes(); return filtered.filter((s, i) => inCell(s, scopes[i], r, c)).map(s => s.id); },
    labels: () => ({ rows: dimensions[state.rows].terms.map(t => t.label), cols: dimensions[state.cols].terms.map(t => t.label) }),
    studyDirections: () => Object.fromEntries(studies.map(s => [s.id, directionsOf(allOf(s)).map(d => [vocab.outcomeDomains[d[0]].label, d[1]])])),
    totals: () => ({ rows: Array.from(counts.rows), cols: Array.from(counts.cols), total: counts.total, entries: counts.entries }),
    shares: () => shares(filtered, currentScopes()).map(x => ({ outcome: vocab.outcomeDomains[x.domain].label, k: x.k, n: x.n, lower: x.ci[0], upper: x.ci[1] })),
    wilson,
    csv: () => toCsv(listedStudies()),
    ris: () => toRis(listedStudies()),
  });
})();
