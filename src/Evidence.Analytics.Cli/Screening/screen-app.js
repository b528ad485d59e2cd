// The screening app. Record text is data: it is only ever put into the page with textContent and text nodes, never
// parsed as HTML. Every request carries the run's token; the page talks to its own origin only (CSP default-src 'self').
'use strict';
(() => {
  const params = new URLSearchParams(location.search);
  const token = params.get('token');
  let screener = params.get('screener');
  let state = null;
  let busy = false;
  const $ = id => document.getElementById(id);

  async function api(path, body) {
    const options = { headers: { 'X-Screening-Token': token } };
    if (body !== undefined) {
      options.method = 'POST';
      options.headers['Content-Type'] = 'application/json';
      options.body = JSON.stringify(body);
    }
    const response = await fetch(path, options);
    const data = await response.json();
    if (!response.ok) throw new Error(data.error || ('HTTP ' + response.status));
    return data;
  }

  function message(text) {
    $('message').textContent = text || '';
    $('message').hidden = !text;
  }

  // Puts text into an element, wrapping the search terms in <mark> elements built with the DOM (no HTML parsing).
  function highlight(element, text, terms) {
    element.replaceChildren();
    if (!text) return;
    const words = (terms || []).filter(t => t.length > 0).map(t => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    if (words.length === 0) { element.textContent = text; return; }
    const pattern = new RegExp('(' + words.join('|') + ')', 'gi');
    let last = 0;
    for (const match of text.matchAll(pattern)) {
      if (match.index > last) element.append(document.createTextNode(text.slice(last, match.index)));
      const mark = document.createElement('mark');
      mark.textContent = match[0];
      element.append(mark);
      last = match.index + match[0].length;
    }
    if (last < text.length) element.append(document.createTextNode(text.slice(last)));
  }

  function percent(x) { return x === null || x === undefined ? '–' : (100 * x).toFixed(0) + '%'; }
  function number(x, digits) { return x === null || x === undefined ? '–' : x.toFixed(digits); }
  /** A count with thousands separators, as the command line writes it ("10,000"). */
  function count(x) { return x.toLocaleString('en-US'); }

  function definitions(list, pairs) {
    list.replaceChildren();
    for (const [term, value] of pairs) {
      const dt = document.createElement('dt'); dt.textContent = term;
      const dd = document.createElement('dd'); dd.textContent = value;
      list.append(dt, dd);
    }
  }

  function render(next) {
    state = next;
    const record = state.record;
    const terms = state.searchTerms;
    $('who').textContent = '— ' + state.screener;
    $('done').hidden = record !== null;
    $('decide').hidden = record === null && !state.canUndo;
    for (const id of ['include', 'exclude', 'maybe']) $(id).disabled = record === null;
    $('undo').disabled = !state.canUndo;
    highlight($('title'), record ? (record.title || '(no title)') : '', terms);
    $('meta').textContent = record ? [record.authors.join('; '), record.year, record.journal].filter(x => x).join(' · ') : '';
    highlight($('abstract'), record ? (record.abstract || '(no abstract)') : '', terms);
    $('keywords').textContent = record && record.keywords.length ? 'Keywords: ' + record.keywords.join('; ') : '';
    $('record').dataset.recordId = record ? record.id : '';
    $('criteria').textContent = state.criteria || 'No inclusion criteria were given for this project.';
    const p = state.progress;
    definitions($('progress'), [
      ['Screened', count(p.screened) + ' of ' + count(p.records)], ['Included', count(p.included)], ['Excluded', count(p.excluded)],
      ['Maybe', count(p.maybe)], ['Estimated recall', percent(p.estimatedRecall)]]);
    const rules = $('rules');
    rules.replaceChildren();
    for (const rule of p.stoppingRules) {
      const li = document.createElement('li');
      li.textContent = rule.description + ': ' + (rule.met ? 'met — you may stop' : 'not met yet');
      li.title = '--stop ' + rule.rule;
      if (rule.met) li.className = 'met';
      rules.append(li);
    }
    $('chart').src = 'api/chart.svg?token=' + encodeURIComponent(token) + '&screener=' + encodeURIComponent(state.screener) + '&n=' + p.screened;
    document.body.dataset.sequence = String(state.sequence);
  }

  async function decide(decision) {
    if (busy || !state || !state.record) return;
    busy = true;
    try {
      const next = await api('api/decisions', {
        screener: state.screener, recordId: state.record.id, decision: decision, sequence: state.sequence,
        note: $('note').value, reason: decision === 'exclude' ? $('reason').value : ''
      });
      $('note').value = ''; $('reason').value = '';
      message('');
      render(next);
    } catch (e) {
      message(e.message);
      await load();
    } finally { busy = false; }
  }

  async function undo() {
    if (busy || !state || !state.canUndo) return;
    busy = true;
    try { render(await api('api/undo', { screener: state.screener, sequence: state.sequence })); message(''); }
    catch (e) { message(e.message); await load(); }
    finally { busy = false; }
  }

  async function load() {
    render(await api('api/state?screener=' + encodeURIComponent(screener)));
  }

  async function conflicts() {
    const data = await api('api/conflicts');
    $('first-name').textContent = data.screeners[0] || 'First';
    $('second-name').textContent = data.screeners[1] || 'Second';
    const rows = $('conflict-rows');
    rows.replaceChildren();
    for (const c of data.conflicts) {
      const tr = document.createElement('tr');
      tr.dataset.recordId = c.recordId;
      for (const text of [c.title || c.recordId, c.first, c.second]) {
        const td = document.createElement('td'); td.textContent = text; tr.append(td);
      }
      const cell = document.createElement('td');
      if (c.resolution) cell.textContent = c.resolution + ' (' + c.resolvedBy + ')';
      for (const decision of ['include', 'exclude']) {
        const button = document.createElement('button');
        button.type = 'button';
        button.textContent = decision === 'include' ? 'Include' : 'Exclude';
        button.className = 'resolve-' + decision;
        button.addEventListener('click', async () => {
          try { await api('api/resolutions', { screener: screener, recordId: c.recordId, decision: decision }); await conflicts(); }
          catch (e) { message(e.message); }
        });
        cell.append(' ', button);
      }
      tr.append(cell);
      rows.append(tr);
    }
  }

  async function agreement() {
    const a = (await api('api/agreement')).agreement;
    if (!a) { definitions($('agreement-values'), [['Records both screened', '0']]); return; }
    definitions($('agreement-values'), [
      ['Screeners', a.firstScreener + ' and ' + a.secondScreener], ['Records both screened', String(a.records)],
      ['Both include', String(a.bothInclude)], ['Only ' + a.firstScreener + ' includes', String(a.firstIncludesOnly)],
      ['Only ' + a.secondScreener + ' includes', String(a.secondIncludesOnly)], ['Both exclude', String(a.bothExclude)],
      ['Agreement', number(a.percentAgreement, 1) + '%'],
      ["Cohen's kappa", number(a.kappa, 3) + ' (' + number(100 * a.level, 0) + '% CI ' + number(a.lower, 3) + ' to ' + number(a.upper, 3) + '), ' + a.band],
      ['PABAK', number(a.pabak, 3)], ['Prevalence index', number(a.prevalenceIndex, 3)], ['Bias index', number(a.biasIndex, 3)]]);
    $('agreement-values').dataset.kappa = a.kappa === null ? '' : String(a.kappa);
  }

  async function show(view) {
    for (const tab of document.querySelectorAll('.tab')) tab.setAttribute('aria-pressed', String(tab.dataset.view === view));
    for (const id of ['screen', 'conflicts', 'agreement']) $(id).hidden = id !== view;
    try {
      if (view === 'conflicts') await conflicts();
      else if (view === 'agreement') await agreement();
      else await load();
    } catch (e) { message(e.message); }
  }

  document.addEventListener('keydown', event => {
    if ($('screen').hidden || event.ctrlKey || event.metaKey || event.altKey) return;
    const target = event.target;
    if (target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement) return;
    const key = event.key.toLowerCase();
    const actions = { i: () => decide('include'), e: () => decide('exclude'), m: () => decide('maybe'), u: () => undo() };
    if (actions[key]) { event.preventDefault(); actions[key](); }
  });
  for (const id of ['include', 'exclude', 'maybe']) $(id).addEventListener('click', () => decide($(id).dataset.decision));
  $('undo').addEventListener('click', () => undo());
  for (const tab of document.querySelectorAll('.tab')) tab.addEventListener('click', () => show(tab.dataset.view));
  $('name-form').addEventListener('submit', event => {
    event.preventDefault();
    screener = $('name').value.trim();
    if (!screener) return;
    params.set('screener', screener);
    history.replaceState(null, '', '?' + params.toString());
    $('name-form').hidden = true;
    show('screen');
  });

  if (screener) show('screen');
  else $('name-form').hidden = false;
})();
