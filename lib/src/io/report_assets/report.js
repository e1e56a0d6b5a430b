// agencygraph report: the page's one script. It reads the data once from the JSON element and builds
// every view with DOM calls: data (names, task texts) only ever goes into textContent or attribute
// values, never into markup, so a task text holding an image tag with an onerror handler shows as text.
'use strict';
(function () {
  performance.mark('agencygraph-start');
  const data = JSON.parse(document.getElementById('report-data').textContent);
  performance.mark('agencygraph-data');
  // Most of the page's bytes come after this script, in blocks the browser is still reading when the
  // map is shown: the agencies, the measures, the tasks, then the sections and the extraction summary.
  // loadBlocks() parses each as it is complete; whenLoaded() runs what needs one when it is there.
  let A = [];                // [label, jurisdiction, kind, lead, co, owner, cluster, articulation, spellings]
  let J = [];                // jurisdictions by index
  let M = data.measures;     // measure name -> value by agency: burden at first, all once parsed
  const T = [];              // [document, number, source, line, section, text, leads, co, owner, peers]
  let extra = null;          // {sections, extraction}, after the last block
  const N = data.summary.agencies;
  const PAGE = 50;

  const KIND_LABELS = {
    department: '部门 department', government: '人民政府 government', park_committee: '管委会 park committee',
    party_organ: '党委机构 party organ', peoples_organisation: '人民团体 people\'s organisation',
    state_enterprise: '国有企业 state enterprise', school: '学校 school', vertical: '垂直管理 vertical agency',
    institution: '事业单位 institution', collective: '集合 collective'
  };
  const LINK_LABELS = ['牵头→责任 lead → co', '共同牵头 co-leads', '同列单位 peers (no lead)'];
  const MEASURE_LABELS = {
    burden: '负担 burden', in_degree: '入度 in-degree', out_degree: '出度 out-degree',
    in_strength: '入强度 in-strength', out_strength: '出强度 out-strength', betweenness: '中介 betweenness',
    betweenness_weighted: '加权中介 betweenness (weighted)', closeness: '接近 closeness', harmonic: '调和 harmonic',
    pagerank: 'PageRank', eigenvector: '特征向量 eigenvector', core: 'k-核 k-core', component: '连通分量 component'
  };
  const ROLE_LABELS = { lead: '牵头 lead', co: '责任 co', owner: '独立 alone' };
  // Component numbers name components (1 = largest); they are not ranked.
  const UNRANKED = new Set(['component']);
  let measureNames = [];    // every computed measure, once parsed

  // ---- small helpers --------------------------------------------------------------------------
  // el('div', {class: 'x', text: 'y', onclick: f}, child, 'text', …): text always as text.
  function el(tag, props, ...children) {
    const e = document.createElement(tag);
    if (props) {
      for (const [k, v] of Object.entries(props)) {
        if (v === undefined || v === null) continue;
        if (k === 'class') e.className = v;
        else if (k === 'text') e.textContent = v;
        else if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
        else e.setAttribute(k, v);
      }
    }
    for (const c of children) {
      if (c === null || c === undefined || c === false) continue;
      e.append(typeof c === 'string' || typeof c === 'number' ? String(c) : c);
    }
    return e;
  }
  function clear(e) { while (e.firstChild) e.removeChild(e.firstChild); return e; }
  function fmt(v) {
    if (v === null || v === undefined) return '–';
    if (Number.isInteger(v)) return String(v);
    const a = Math.abs(v);
    return a !== 0 && (a < 1e-3 || a >= 1e6) ? v.toExponential(3) : String(Number(v.toPrecision(4)));
  }
  const label = (v) => A[v][0];
  const jurisdiction = (v) => J[A[v][1]];
  const kindName = (v) => data.kinds[A[v][2]];
  const burdenOf = (v) => (M.burden ? M.burden[v] : A[v][3] + A[v][5] + 0.5 * A[v][4]);
  function documentName(d) {
    const doc = data.documents[d];
    if (doc[0]) return doc[0];
    if (doc[1]) return (doc[2] ? doc[2] + '年' : '') + doc[1];
    return doc[3].length ? doc[3][0] : 'document ' + (d + 1);
  }
  function agencyButton(v, extra) {
    return el('button', { type: 'button', class: 'link agency', 'data-agency': v, onclick: () => selectAgency(v, true) },
      label(v) + (extra || ''));
  }

  // ---- the blocks after the script, parsed one at a time without holding the page up ----------
  const taskBlocks = document.getElementsByClassName('report-tasks');  // grows as the parser goes on
  let blocksParsed = 0;
  const loaded = { agencies: false, measures: false, tasks: false };
  const waiters = { agencies: [], measures: [], tasks: [] };
  // An element is complete once the parser has put something after it (the page ends with a marker).
  const complete = (e) => e !== null && e.nextElementSibling !== null;
  function take(id) {
    const e = document.getElementById(id);
    if (!complete(e)) return null;
    const value = JSON.parse(e.textContent);
    e.textContent = '';  // the text is no longer needed: free it
    return value;
  }
  function done(what) {
    loaded[what] = true;
    performance.mark('agencygraph-' + what);
    document.documentElement.dataset[what] = 'true';
    for (const f of waiters[what].splice(0)) f();
  }
  function loadBlocks() {
    if (!loaded.agencies) {
      const value = take('report-agencies');
      if (!value) return setTimeout(loadBlocks, 20);
      A = data.agencies = value.agencies;
      J = data.jurisdictions = value.jurisdictions;
      done('agencies');
      return setTimeout(loadBlocks, 0);
    }
    if (!loaded.measures) {
      const value = take('report-measures');
      if (!value) return setTimeout(loadBlocks, 20);
      M = value.measures;
      measureNames = Object.keys(M);
      done('measures');
      return setTimeout(loadBlocks, 0);
    }
    const until = performance.now() + 25;  // a slice, then the page gets to answer the user again
    while (blocksParsed < taskBlocks.length && complete(taskBlocks[blocksParsed]) && performance.now() < until) {
      const block = taskBlocks[blocksParsed];
      for (const task of JSON.parse(block.textContent)) T.push(task);
      block.textContent = '';
      blocksParsed++;
    }
    if (blocksParsed === taskBlocks.length) {
      const value = take('report-extra');
      if (value) {
        extra = value;
        buildTaskIndex();
        done('tasks');
        return;
      }
    }
    setTimeout(loadBlocks, blocksParsed < taskBlocks.length && complete(taskBlocks[blocksParsed]) ? 0 : 20);
  }
  // Runs f once `what` (agencies, measures, tasks: each comes after the one before) is parsed: at
  // once when it is; `waiting`, if given, runs meanwhile.
  function whenLoaded(what, f, waiting) {
    if (loaded[what]) return f();
    if (waiting) waiting();
    waiters[what].push(f);
  }
  const whenMeasures = (f, waiting) => whenLoaded('measures', f, waiting);
  const whenTasks = (f, waiting) => whenLoaded('tasks', f, waiting);

  // ---- derived data, made when first needed -------------------------------------------------
  // Each agency's tasks, as one index over every task: agency v's are taskIds[taskStart[v] …
  // taskStart[v + 1]), in task order, with their roles. Typed arrays, made in two passes: a
  // national corpus has a million (agency, task) pairs, too many to hold as small arrays.
  const ROLES = ['lead', 'co', 'owner'];
  let taskStart = null, taskIds = null, taskRoles = null;
  function buildTaskIndex() {
    const start = new Int32Array(N + 1);
    for (const task of T) {
      for (const l of task[6]) start[l + 1]++;
      for (const c of task[7]) start[c + 1]++;
      if (task[8] >= 0) start[task[8] + 1]++;
    }
    for (let v = 0; v < N; v++) start[v + 1] += start[v];
    const next = start.slice(0, N);
    const ids = new Int32Array(start[N]), roles = new Uint8Array(start[N]);
    const put = (v, t, role) => { ids[next[v]] = t; roles[next[v]++] = role; };
    for (let t = 0; t < T.length; t++) {
      const task = T[t];
      for (const l of task[6]) put(l, t, 0);
      for (const c of task[7]) put(c, t, 1);
      if (task[8] >= 0) put(task[8], t, 2);
    }
    taskStart = start; taskIds = ids; taskRoles = roles;
  }
  // agency -> [[task, role], …] in task order
  function tasksOf(v) {
    if (!taskStart) buildTaskIndex();
    const out = [];
    for (let k = taskStart[v]; k < taskStart[v + 1]; k++) out.push([taskIds[k], ROLES[taskRoles[k]]]);
    return out;
  }
  // The links a task makes, as the network made them: each lead to each co unit (kind 0), the leads
  // with each other (kind 1), and, where the task has no lead and its units are peers, every pair of
  // its units (kind 2). Symmetric links go from the lower to the higher agency, as in the network.
  function taskLinks(t, visit) {
    const task = T[t], leads = task[6], co = task[7];
    if (leads.length) {
      for (const l of leads) for (const c of co) visit(l, c, 0);
      for (let i = 0; i < leads.length; i++)
        for (let j = i + 1; j < leads.length; j++) visit(Math.min(leads[i], leads[j]), Math.max(leads[i], leads[j]), 1);
    } else if (task[9]) {
      for (let i = 0; i < co.length; i++)
        for (let j = i + 1; j < co.length; j++) visit(Math.min(co[i], co[j]), Math.max(co[i], co[j]), 2);
    }
  }
  // Agencies linked to v, with the tasks behind their links, most shared tasks first.
  function partners(v) {
    const byPartner = new Map();
    for (const [t] of tasksOf(v)) {
      taskLinks(t, (a, b, kind) => {
        if (a !== v && b !== v) return;
        const p = a === v ? b : a;
        let entry = byPartner.get(p);
        if (!entry) byPartner.set(p, entry = { agency: p, tasks: new Set(), kinds: new Set() });
        entry.tasks.add(t);
        entry.kinds.add(kind);
      });
    }
    return [...byPartner.values()].sort((x, y) =>
      y.tasks.size - x.tasks.size || burdenOf(y.agency) - burdenOf(x.agency) || x.agency - y.agency);
  }
  // The links between a and b, each as {from, to, kind, tasks}, the heaviest first.
  function linksBetween(a, b) {
    const other = new Set(tasksOf(b).map((e) => e[0]));
    const links = new Map();
    for (const [t] of tasksOf(a)) {
      if (!other.has(t)) continue;
      taskLinks(t, (x, y, kind) => {
        if (!((x === a && y === b) || (x === b && y === a))) return;
        const key = x + ' ' + y + ' ' + kind;
        let link = links.get(key);
        if (!link) links.set(key, link = { from: x, to: y, kind: kind, tasks: [] });
        if (link.tasks[link.tasks.length - 1] !== t) link.tasks.push(t);
      });
    }
    return [...links.values()].sort((x, y) => y.tasks.length - x.tasks.length || x.kind - y.kind || x.from - y.from);
  }
  // Competition ranks (1 = highest; equal values share the better rank), per measure.
  const rankCache = new Map();
  function ranks(name) {
    let r = rankCache.get(name);
    if (r) return r;
    const values = M[name];
    const order = Array.from({ length: N }, (_, i) => i).filter((i) => values[i] !== null);
    order.sort((x, y) => values[y] - values[x] || x - y);
    r = new Int32Array(N);
    for (let k = 0; k < order.length; k++)
      r[order[k]] = k > 0 && values[order[k]] === values[order[k - 1]] ? r[order[k - 1]] : k + 1;
    rankCache.set(name, r);
    return r;
  }
  // The rank of one agency: one more than the agencies with a higher value (ranks() gives the same).
  function rankOf(name, v) {
    const values = M[name], value = values[v];
    if (value === null) return null;
    let higher = 0;
    for (let i = 0; i < N; i++) if (values[i] > value) higher++;
    return higher + 1;
  }
  let clusterMembers = null;  // cluster number -> agencies by burden
  function membersOf(c) {
    if (!clusterMembers) {
      clusterMembers = new Map();
      const order = Array.from({ length: N }, (_, i) => i).sort((x, y) => burdenOf(y) - burdenOf(x) || x - y);
      for (const v of order) {
        const k = A[v][6];
        if (!clusterMembers.has(k)) clusterMembers.set(k, []);
        clusterMembers.get(k).push(v);
      }
    }
    return clusterMembers.get(c) || [];
  }
  let searchIndex = null;  // agency -> its name, label and spellings, folded for matching
  const fold = (text) => text.normalize('NFKC').toLowerCase();
  function indexed() {
    if (!searchIndex) searchIndex = A.map((a) => fold(a[0] + '\n' + a[8].join('\n')));
    return searchIndex;
  }
  function search(query) {
    indexed();
    const q = fold(query.trim());
    if (!q) return [];
    const found = [];
    for (let v = 0; v < N; v++) if (searchIndex[v].includes(q)) found.push(v);
    return found.sort((x, y) => burdenOf(y) - burdenOf(x) || x - y);
  }

  // ---- filters shared by the map and the ranking ----------------------------------------------
  const filters = { cluster: '', kind: '' };
  const passes = (v) => (filters.cluster === '' || String(A[v][6]) === filters.cluster) &&
    (filters.kind === '' || String(A[v][2]) === filters.kind);
  const filterSelects = { cluster: [], kind: [] };
  function fillFilterSelect(select, which) {
    if (which === 'kind') {
      data.kinds.forEach((k, i) => select.append(el('option', { value: i }, KIND_LABELS[k] || k)));
    } else {
      // Clusters are numbered by size: the first 500 of two or more agencies are offered.
      data.clusters.slice(0, 500).forEach((c, i) => {
        if (c[0] >= 2) select.append(el('option', { value: i + 1 }, 'cluster ' + (i + 1) + ' (' + c[0] + ')'));
      });
    }
    select.addEventListener('change', () => {
      filters[which] = select.value;
      for (const other of filterSelects[which]) other.value = select.value;
      whenLoaded('agencies', applyFilters);
    });
    filterSelects[which].push(select);
  }

  // ---- the map ----------------------------------------------------------------------------------
  const svg = document.getElementById('map-svg');
  const mapBox = document.getElementById('map');
  const nodeOf = new Map();      // agency -> its <g class="node">
  const agencyOfNode = new Map();
  const mapLinks = [];           // {from, to, kind, g}
  const neighbours = new Map();  // agency -> [{agency, link}]
  let home = null, view = null;  // viewBoxes: the whole map, and the one shown
  let selected = null;           // {agency} or {link}

  function setupMap() {
    if (!svg) {
      document.getElementById('map-note').textContent = 'No agencies to draw.';
      return;
    }
    for (const [v, id] of data.map.nodes) {
      const g = document.getElementById(id);
      if (!g) continue;
      nodeOf.set(v, g);
      agencyOfNode.set(g, v);
    }
    for (const [from, to, kind, id] of data.map.links) {
      const g = document.getElementById(id);
      if (!g) continue;
      const link = { from, to, kind, g };
      mapLinks.push(link);
      g.dataset.link = mapLinks.length - 1;
      // A wide transparent copy of the line takes the clicks a thin line would miss.
      const path = g.querySelector('path');
      if (path) {
        const hit = path.cloneNode(false);
        hit.setAttribute('class', 'hit');
        g.append(hit);
      }
      for (const [a, b] of [[from, to], [to, from]]) {
        if (!neighbours.has(a)) neighbours.set(a, []);
        neighbours.get(a).push({ agency: b, link });
      }
    }
    const vb = svg.viewBox.baseVal;
    home = { x: vb.x, y: vb.y, w: vb.width, h: vb.height };
    view = { ...home };
    const shown = data.map.nodes.length, labelled = data.map.nodes.filter((n) => n[2]).length;
    document.getElementById('map-note').textContent = shown < N
      ? 'The map shows the ' + shown + ' most-burdened of ' + N + ' agencies (' + labelled + ' labelled); search finds them all.'
      : N + ' agencies, ' + labelled + ' labelled.';

    mapBox.addEventListener('wheel', (e) => {
      e.preventDefault();
      zoom(Math.exp(-e.deltaY * (e.deltaMode === 1 ? 0.05 : 0.0015)), e.clientX, e.clientY);
    }, { passive: false });
    let drag = null, dragged = false;
    mapBox.addEventListener('pointerdown', (e) => {
      if (e.button !== 0) return;
      drag = { x: e.clientX, y: e.clientY, id: e.pointerId };
      dragged = false;
    });
    mapBox.addEventListener('pointermove', (e) => {
      if (!drag || e.pointerId !== drag.id) {
        if (!drag) hoverAt(e.target);
        return;
      }
      const dx = e.clientX - drag.x, dy = e.clientY - drag.y;
      if (!dragged && Math.hypot(dx, dy) < 4) return;
      if (!dragged) { dragged = true; mapBox.setPointerCapture(e.pointerId); mapBox.classList.add('dragging'); }
      pan(dx, dy);
      drag.x = e.clientX; drag.y = e.clientY;
    });
    const endDrag = (e) => {
      if (!drag || e.pointerId !== drag.id) return;
      drag = null;
      mapBox.classList.remove('dragging');
    };
    mapBox.addEventListener('pointerup', endDrag);
    mapBox.addEventListener('pointercancel', endDrag);
    mapBox.addEventListener('pointerleave', () => { if (!drag) highlight(selectedFocus()); });
    mapBox.addEventListener('click', (e) => {
      if (dragged) { dragged = false; return; }
      const node = e.target.closest('.node'), edge = e.target.closest('.edge');
      if (node && agencyOfNode.has(node)) selectAgency(agencyOfNode.get(node), false);
      else if (edge && edge.dataset.link !== undefined) selectLink(mapLinks[Number(edge.dataset.link)]);
    });
    mapBox.addEventListener('keydown', (e) => {
      const step = 0.15;
      const keys = {
        ArrowLeft: () => panBy(-step, 0), ArrowRight: () => panBy(step, 0),
        ArrowUp: () => panBy(0, -step), ArrowDown: () => panBy(0, step),
        '+': () => zoomCentre(1.4), '=': () => zoomCentre(1.4), '-': () => zoomCentre(1 / 1.4),
        '0': () => fit()
      };
      if (keys[e.key]) { e.preventDefault(); keys[e.key](); }
    });
    document.getElementById('zoom-in').addEventListener('click', () => zoomCentre(1.4));
    document.getElementById('zoom-out').addEventListener('click', () => zoomCentre(1 / 1.4));
    document.getElementById('zoom-fit').addEventListener('click', fit);
  }
  function showView() { svg.setAttribute('viewBox', view.x + ' ' + view.y + ' ' + view.w + ' ' + view.h); }
  function toSvg(clientX, clientY) {
    const p = svg.createSVGPoint();
    p.x = clientX; p.y = clientY;
    return p.matrixTransform(svg.getScreenCTM().inverse());
  }
  function zoom(factor, clientX, clientY) {
    const w = Math.min(home.w * 4, Math.max(home.w / 400, view.w / factor));
    factor = view.w / w;
    const p = toSvg(clientX, clientY);
    view.x = p.x - (p.x - view.x) / factor;
    view.y = p.y - (p.y - view.y) / factor;
    view.w /= factor;
    view.h /= factor;
    showView();
  }
  function zoomCentre(factor) {
    const r = mapBox.getBoundingClientRect();
    zoom(factor, r.left + r.width / 2, r.top + r.height / 2);
  }
  function pan(dx, dy) {
    const scale = 1 / svg.getScreenCTM().a;
    view.x -= dx * scale;
    view.y -= dy * scale;
    showView();
  }
  function panBy(fx, fy) { view.x += fx * view.w; view.y += fy * view.h; showView(); }
  function fit() { view = { ...home }; showView(); }
  function centreOn(v) {
    const g = nodeOf.get(v);
    if (!g) return;
    const box = g.getBBox();
    const m = svg.getScreenCTM().inverse().multiply(g.getScreenCTM());
    const p = svg.createSVGPoint();
    p.x = box.x + box.width / 2; p.y = box.y + box.height / 2;
    const c = p.matrixTransform(m);
    const w = Math.min(view.w, Math.max(home.w / 3, Math.min(home.w, 900))), h = w * view.h / view.w;
    view = { x: c.x - w / 2, y: c.y - h / 2, w, h };
    showView();
  }
  function selectedFocus() {
    if (!selected) return null;
    return selected.agency !== undefined ? { agency: selected.agency } : { link: selected.link };
  }
  function hoverAt(target) {
    const node = target.closest && target.closest('.node');
    if (node && agencyOfNode.has(node)) highlight({ agency: agencyOfNode.get(node) });
    else highlight(selectedFocus());
  }
  let lastFocus = null;
  // Highlights an agency with its partners and their links, or a link with its two ends.
  function highlight(focus) {
    const key = focus ? (focus.agency !== undefined ? 'a' + focus.agency : 'l' + mapLinks.indexOf(focus.link)) : '';
    if (!svg || key === lastFocus) return;
    lastFocus = key;
    for (const e of svg.querySelectorAll('.near')) e.classList.remove('near');
    if (!focus) { svg.classList.remove('focusing'); return; }
    svg.classList.add('focusing');
    if (focus.agency !== undefined) {
      const g = nodeOf.get(focus.agency);
      if (g) g.classList.add('near');
      for (const n of neighbours.get(focus.agency) || []) {
        n.link.g.classList.add('near');
        const other = nodeOf.get(n.agency);
        if (other) other.classList.add('near');
      }
    } else {
      focus.link.g.classList.add('near');
      for (const v of [focus.link.from, focus.link.to]) if (nodeOf.get(v)) nodeOf.get(v).classList.add('near');
    }
  }
  function markSelected() {
    if (!svg) return;
    for (const e of svg.querySelectorAll('.selected')) e.classList.remove('selected');
    if (selected && selected.agency !== undefined && nodeOf.get(selected.agency)) nodeOf.get(selected.agency).classList.add('selected');
    if (selected && selected.link) selected.link.g.classList.add('selected');
    highlight(selectedFocus());
  }
  function applyFilters() {
    for (const [v, g] of nodeOf) g.classList.toggle('filtered-out', !passes(v));
    for (const l of mapLinks) l.g.classList.toggle('filtered-out', !passes(l.from) || !passes(l.to));
    if (rankingTable) rankingTable.refresh(true);
  }

  // ---- the panels -----------------------------------------------------------------------------
  const panel = document.getElementById('panel');
  function openPanel(...children) {
    clear(panel);
    panel.append(el('button', { type: 'button', class: 'close', title: 'Close', onclick: closePanel }, '×'), ...children);
    panel.hidden = false;
    panel.scrollTop = 0;
  }
  function closePanel() {
    panel.hidden = true;
    selected = null;
    markSelected();
  }
  // A list that shows `first` items and a button for more, `step` at a time.
  function moreList(container, items, render, first, step) {
    let shown = 0;
    const more = el('button', { type: 'button', class: 'more' });
    function showMore(count) {
      const end = Math.min(items.length, shown + count);
      for (; shown < end; shown++) container.insertBefore(render(items[shown], shown), more);
      more.hidden = shown >= items.length;
      more.textContent = 'show ' + Math.min(step, items.length - shown) + ' more of ' + (items.length - shown);
    }
    more.addEventListener('click', () => showMore(step));
    container.append(more);
    showMore(first);
    return container;
  }
  function taskView(t, roles) {
    const task = T[t];
    const doc = data.documents[task[0]];
    const source = doc[3][task[2]] || '';
    const head = el('div', { class: 'head' });
    for (const r of roles) head.append(r);
    head.append(documentName(task[0]) + ' · #' + task[1] + ' · ' + source + ' line ' + task[3]);
    const section = extra.sections[task[4]];
    return el('div', { class: 'task', 'data-task': t, 'data-number': task[1] }, head,
      section ? el('div', { class: 'head section' }, section) : null,
      el('div', { class: 'text' }, task[5]));
  }
  const roleBadge = (role, prefix) => el('span', { class: 'role role-' + role }, (prefix || '') + ROLE_LABELS[role]);
  function roleIn(v, t) {
    const task = T[t];
    if (task[6].includes(v)) return 'lead';
    if (task[7].includes(v)) return 'co';
    return task[8] === v ? 'owner' : null;
  }

  function selectAgency(v, centre) {
    performance.mark('agency-start');
    selected = { agency: v };
    showTab('map');
    if (centre) centreOn(v);
    markSelected();
    whenTasks(() => { if (selected && selected.agency === v) agencyPanel(v); }, () => loadingPanel(A.length ? label(v) : ''));
  }
  function loadingPanel(title) {
    openPanel(el('h2', null, title), el('p', { class: 'meta loading' }, 'Reading the tasks (' + T.length + ' so far)…'));
  }
  function agencyPanel(v) {
    const a = A[v];
    const facts = el('dl', null,
      el('dt', null, '辖区 jurisdiction'), el('dd', null, jurisdiction(v) || '(unknown)'),
      el('dt', null, '类型 kind'), el('dd', null, KIND_LABELS[kindName(v)] || kindName(v)),
      el('dt', null, '牵头 lead tasks'), el('dd', { class: 'count-lead' }, String(a[3])),
      el('dt', null, '责任 co tasks'), el('dd', { class: 'count-co' }, String(a[4])),
      el('dt', null, '独立 alone (owner)'), el('dd', { class: 'count-owner' }, String(a[5])),
      el('dt', null, '负担 burden'), el('dd', null, fmt(burdenOf(v))),
      a[6] ? el('dt', null, '聚类 cluster') : null, a[6] ? el('dd', null, String(a[6])) : null,
      el('dt', null, '桥接 articulation point'), el('dd', null, a[7] ? 'yes: removing it splits the network' : 'no'),
      a[8].length ? el('dt', null, '写法 spellings') : null, a[8].length ? el('dd', null, a[8].join('、')) : null);
    const measures = el('table', { class: 'measures' }, el('tr', null, el('th', null, 'measure'),
      el('th', { class: 'num' }, 'value'), el('th', { class: 'num' }, 'rank of ' + N)));
    for (const name of measureNames) {
      measures.append(el('tr', { 'data-measure': name }, el('td', null, MEASURE_LABELS[name] || name),
        el('td', { class: 'num' }, fmt(M[name][v])),
        el('td', { class: 'num' }, UNRANKED.has(name) || M[name][v] === null ? '' : String(rankOf(name, v)))));
    }
    const ps = partners(v);
    const partnerTable = el('table', { class: 'partners' }, el('tr', null, el('th', null, 'partner'),
      el('th', { class: 'num' }, 'shared tasks'), el('th', null, 'links')));
    moreList(partnerTable, ps, (p) => el('tr', { 'data-agency': p.agency }, el('td', null, agencyButton(p.agency)),
      el('td', { class: 'num' }, el('button', { type: 'button', class: 'link', title: 'the tasks behind the link',
        onclick: () => selectPair(v, p.agency) }, String(p.tasks.size))),
      el('td', { class: 'meta' }, [...p.kinds].sort().map((k) => LINK_LABELS[k]).join(' · '))), 20, 100);
    const tasks = tasksOf(v);
    const taskList = el('div', { class: 'tasks' });
    moreList(taskList, tasks, ([t, role]) => taskView(t, [roleBadge(role)]), 50, 200);
    openPanel(el('h2', { class: 'agency-name' }, label(v)), facts,
      el('h3', null, '指标 Measures'), measures,
      el('h3', null, '合作机构 Partners (' + ps.length + ')'), ps.length ? partnerTable : el('p', { class: 'meta' }, 'none'),
      el('h3', null, '任务 Tasks (' + tasks.length + ')'), taskList);
    panel.dataset.agency = v;
    delete panel.dataset.link;
    performance.measure('agency-panel', 'agency-start');
  }
  function selectLink(link) {
    selected = { link };
    selectPair(link.from, link.to, link);
  }
  // The panel for the links between two agencies: the clicked link (if any) first, then any other
  // link of the pair (the other direction, or another kind), each with every task behind it.
  function selectPair(a, b, clicked) {
    performance.mark('link-start');
    showTab('map');
    if (!clicked) selected = { agency: a };
    markSelected();
    const now = selected;
    whenTasks(() => { if (selected === now) pairPanel(a, b, clicked); }, () => loadingPanel(A.length ? label(a) + ' — ' + label(b) : ''));
  }
  function pairPanel(a, b, clicked) {
    const links = linksBetween(a, b);
    if (clicked) {
      const k = links.findIndex((l) => l.from === clicked.from && l.to === clicked.to && l.kind === clicked.kind);
      if (k > 0) links.unshift(links.splice(k, 1)[0]);
    }
    const sections = [];
    for (const link of links) {
      const arrow = link.kind === 0 ? ' → ' : ' — ';
      const list = el('div', { class: 'tasks link-tasks', 'data-from': link.from, 'data-to': link.to, 'data-kind': link.kind });
      moreList(list, link.tasks, (t) => taskView(t, [roleBadge(roleIn(link.from, t), label(link.from) + ': '),
        roleBadge(roleIn(link.to, t), label(link.to) + ': ')]), 100, 200);
      sections.push(el('h3', null, label(link.from) + arrow + label(link.to) + ' · ' + LINK_LABELS[link.kind] +
        ' · ' + link.tasks.length + ' task' + (link.tasks.length === 1 ? '' : 's')), list);
    }
    openPanel(el('h2', null, agencyButton(a), ' — ', agencyButton(b)),
      el('p', { class: 'meta' }, links.length ? 'Every task behind the link, with the role each agency has in it.'
        : 'These agencies are not linked.'), ...sections);
    panel.dataset.link = a + ' ' + b;
    delete panel.dataset.agency;
    performance.measure('link-panel', 'link-start');
  }

  // ---- search -----------------------------------------------------------------------------------
  function setupSearch() {
    const input = document.getElementById('search');
    const list = document.getElementById('search-results');
    let results = [], active = -1;
    function choose(k) {
      if (k < 0 || k >= results.length) return;
      list.hidden = true;
      selectAgency(results[k], true);
    }
    function mark(k) {
      active = k;
      [...list.children].forEach((li, i) => li.setAttribute('aria-selected', i === k ? 'true' : 'false'));
    }
    input.addEventListener('input', () => {
      performance.mark('search-start');
      clear(list);
      if (!loaded.agencies) {
        list.append(el('li', { class: 'meta' }, 'Reading the agencies…'));
        list.hidden = false;
        whenLoaded('agencies', () => input.dispatchEvent(new Event('input')));
        return;
      }
      results = search(input.value);
      const shown = results.slice(0, 30);
      shown.forEach((v, k) => {
        list.append(el('li', { role: 'option', 'data-agency': v, onmousedown: (e) => e.preventDefault(),
          onclick: () => choose(k) },
          label(v), ' ', el('span', { class: 'meta' }, [jurisdiction(v), KIND_LABELS[kindName(v)] || kindName(v),
            'burden ' + fmt(burdenOf(v)), nodeOf.has(v) ? '' : 'not on the map'].filter(Boolean).join(' · '))));
      });
      if (results.length > shown.length)
        list.append(el('li', { class: 'meta' }, (results.length - shown.length) + ' more: type more of the name'));
      if (input.value.trim() && !results.length) list.append(el('li', { class: 'meta' }, 'no agency matches'));
      list.hidden = !input.value.trim();
      mark(results.length ? 0 : -1);
      performance.measure('search', 'search-start');
    });
    input.addEventListener('keydown', (e) => {
      if (e.key === 'ArrowDown') { e.preventDefault(); mark(Math.min(active + 1, Math.min(results.length, 30) - 1)); }
      else if (e.key === 'ArrowUp') { e.preventDefault(); mark(Math.max(active - 1, 0)); }
      else if (e.key === 'Enter') { e.preventDefault(); choose(active); }
      else if (e.key === 'Escape') { list.hidden = true; }
    });
    input.addEventListener('blur', () => { list.hidden = true; });
    input.addEventListener('focus', () => { if (input.value.trim()) list.hidden = false; });
  }

  // ---- tables -----------------------------------------------------------------------------------
  // A paginated table: rows() gives the row items (already filtered and sorted), render(item) a <tr>.
  function pagedTable(container, columns, rows, render, onSort) {
    let page = 0, items = [];
    const table = el('table');
    const headRow = el('tr');
    for (const c of columns) {
      const th = el('th', { class: (c.num ? 'num ' : '') + (c.sort ? 'sortable' : ''), 'data-key': c.key || '' }, c.label);
      if (c.sort) th.addEventListener('click', () => onSort(c.key, th));
      headRow.append(th);
    }
    const head = el('thead', null, headRow), body = el('tbody');
    table.append(head, body);
    const info = el('span', { class: 'page-info' });
    const button = (text, go) => el('button', { type: 'button', onclick: () => { page = go(); draw(); } }, text);
    const pager = el('span', { class: 'pager' }, button('«', () => 0), button('‹', () => Math.max(0, page - 1)), info,
      button('›', () => Math.min(pages() - 1, page + 1)), button('»', () => pages() - 1));
    const pages = () => Math.max(1, Math.ceil(items.length / PAGE));
    function draw() {
      clear(body);
      items.slice(page * PAGE, page * PAGE + PAGE).forEach((item, i) => body.append(render(item, page * PAGE + i)));
      info.textContent = ' page ' + (page + 1) + ' of ' + pages() + ' (' + items.length + ' rows) ';
    }
    container.append(pager, table);
    return {
      headRow, pager,
      refresh(keepPage) {
        items = rows();
        if (!keepPage) page = 0;
        page = Math.min(page, pages() - 1);
        draw();
      }
    };
  }

  let rankingTable = null;
  function renderRanking() {
    const section = document.getElementById('view-ranking');
    const sort = { key: M.burden ? 'burden' : 'lead', dir: -1 };
    const text = el('input', { type: 'search', placeholder: 'filter by name', 'aria-label': 'filter the ranking by name' });
    const clusterSelect = el('select', null, el('option', { value: '' }, 'all'));
    const kindSelect = el('select', null, el('option', { value: '' }, 'all'));
    fillFilterSelect(clusterSelect, 'cluster');
    fillFilterSelect(kindSelect, 'kind');
    clusterSelect.value = filters.cluster;
    kindSelect.value = filters.kind;
    const controls = el('div', { class: 'controls' }, text, el('label', null, '聚类 Cluster ', clusterSelect),
      el('label', null, '类型 Kind ', kindSelect), el('span', { class: 'meta' }, 'Click a column to sort by it.'));
    section.append(el('h2', null, '排名 Ranking'), controls);
    const counts = { lead: 3, co: 4, owner: 5 };
    const value = (v, key) => (key in counts ? A[v][counts[key]] : key === 'tasks' ? A[v][3] + A[v][4] + A[v][5] : M[key][v]);
    const columns = [{ label: '#', num: true }, { label: '机构 agency' }, { label: '辖区 jurisdiction' },
      { label: '类型 kind' }, { label: '聚类 cluster', num: true, key: 'cluster', sort: true },
      { label: '牵头 lead', num: true, key: 'lead', sort: true }, { label: '责任 co', num: true, key: 'co', sort: true },
      { label: '独立 alone', num: true, key: 'owner', sort: true }];
    for (const name of measureNames) columns.push({ label: MEASURE_LABELS[name] || name, num: true, key: name, sort: true });
    let filterText = '';
    const rows = () => {
      const q = fold(filterText.trim());
      const names = q ? indexed() : null;
      const list = [];
      for (let v = 0; v < N; v++) if (passes(v) && (!q || names[v].includes(q))) list.push(v);
      const key = sort.key;
      const get = key === 'cluster' ? (v) => A[v][6] : (v) => value(v, key);
      return list.sort((x, y) => {
        const vx = get(x), vy = get(y);
        if (vx === null || vy === null) return (vx === null) - (vy === null) || x - y;
        return sort.dir * (vx - vy) || x - y;
      });
    };
    const render = (v, position) => el('tr', { 'data-agency': v }, el('td', { class: 'num' }, String(position + 1)),
      el('td', null, agencyButton(v)), el('td', null, jurisdiction(v)),
      el('td', null, KIND_LABELS[kindName(v)] || kindName(v)), el('td', { class: 'num' }, A[v][6] ? String(A[v][6]) : ''),
      el('td', { class: 'num' }, String(A[v][3])), el('td', { class: 'num' }, String(A[v][4])),
      el('td', { class: 'num' }, String(A[v][5])),
      ...measureNames.map((name) => el('td', { class: 'num', 'data-measure': name }, fmt(M[name][v]))));
    const table = pagedTable(section, columns, rows, render, (key) => {
      sort.dir = sort.key === key ? -sort.dir : -1;
      sort.key = key;
      markSort();
      table.refresh(false);
    });
    function markSort() {
      for (const th of table.headRow.children)
        if (th.dataset.key) th.setAttribute('aria-sort', th.dataset.key === sort.key ? (sort.dir < 0 ? 'descending' : 'ascending') : 'none');
    }
    text.addEventListener('input', () => { filterText = text.value; table.refresh(false); });
    markSort();
    table.refresh(false);
    rankingTable = table;
  }

  function renderClusters() {
    const section = document.getElementById('view-clusters');
    const s = data.summary;
    section.append(el('h2', null, '聚类 Clusters'), el('p', { class: 'meta' }, data.clusters.length
      ? data.clusters.length + ' Louvain clusters, modularity ' + fmt(s.modularity) + '. Bridging agencies are members ' +
        'linked to other clusters: most other clusters first, with the weight of those links.'
      : 'Clusters were not computed.'));
    const items = data.clusters.map((c, i) => i);
    const table = pagedTable(section, [{ label: '聚类 cluster', num: true }, { label: 'size', num: true },
      { label: '成员 members, by burden' }, { label: '桥接机构 bridging agencies' }], () => items, (i) => {
      const c = data.clusters[i];
      const members = el('td', { class: 'members' });
      const all = membersOf(i + 1);
      const first = all.slice(0, 12);
      first.forEach((v, k) => { if (k) members.append('、'); members.append(agencyButton(v)); });
      if (all.length > first.length) {
        members.append(' ', el('button', { type: 'button', class: 'more', onclick: (e) => {
          const more = all.slice(first.length, first.length + 500);
          const span = el('span');
          for (const v of more) span.append('、', agencyButton(v));
          if (all.length > first.length + more.length) span.append(' … ' + (all.length - first.length - more.length) + ' more');
          e.target.replaceWith(span);
        } }, '+' + (all.length - first.length) + ' more'));
      }
      const bridging = el('td');
      c[1].forEach(([v, clusters, weight], k) => {
        if (k) bridging.append('、');
        bridging.append(agencyButton(v), el('span', { class: 'meta' }, ' (' + clusters + ' cl., ' + fmt(weight) + ')'));
      });
      if (c[2] > c[1].length) bridging.append(el('span', { class: 'meta' }, ' … ' + (c[2] - c[1].length) + ' more'));
      return el('tr', { 'data-cluster': i + 1 }, el('td', { class: 'num' }, String(i + 1)),
        el('td', { class: 'num' }, String(c[0])), members, bridging);
    });
    table.refresh(false);
  }

  function renderDocuments() {
    const section = document.getElementById('view-documents');
    const waiting = el('p', { class: 'meta loading' }, 'Reading the documents…');
    whenTasks(() => { waiting.remove(); documentsTable(section); }, () => section.append(waiting));
  }
  function documentsTable(section) {
    const x = extra.extraction;
    let skipped = 0, tasks = 0, warnings = 0;
    for (const d of x.documents) { tasks += d[6]; skipped += d[7].length; warnings += d[8].length; }
    section.append(el('h2', null, '文件 Documents: what extraction found'),
      el('p', { class: 'meta' }, x.documents.length + ' documents read, ' + tasks + ' tasks found, ' + skipped +
        ' numbered paragraphs skipped, ' + warnings + ' warnings, ' + x.errors.length + ' inputs not read. ' +
        'Pages of one document are read one by one here and merged in the network (' + data.summary.documents +
        ' documents, ' + data.summary.tasks + ' tasks).'));
    if (x.errors.length) {
      const list = el('ul', { class: 'error' });
      for (const [path, problem] of x.errors) list.append(el('li', null, path + ': ' + problem));
      section.append(el('h3', null, 'Inputs that could not be read'), list);
    }
    const text = el('input', { type: 'search', placeholder: 'filter by file or title', 'aria-label': 'filter documents' });
    const onlySkips = el('input', { type: 'checkbox' });
    section.append(el('div', { class: 'controls' }, text, el('label', null, onlySkips, ' only documents with skipped paragraphs or warnings')));
    const rows = () => {
      const q = fold(text.value.trim());
      const list = [];
      x.documents.forEach((d, i) => {
        if (onlySkips.checked && !d[7].length && !d[8].length) return;
        if (q && !fold(d[0] + '\n' + (d[3] || '')).includes(q)) return;
        list.push(i);
      });
      return list;
    };
    const table = pagedTable(section, [{ label: '文件 file' }, { label: 'format' }, { label: '标题 title' },
      { label: '辖区 jurisdiction' }, { label: '年 year', num: true }, { label: '任务 tasks', num: true },
      { label: '跳过 skipped, with place and reason' }], rows, (i) => {
      const d = x.documents[i];
      const skips = el('td');
      if (d[7].length || d[8].length) {
        const list = el('ul', { class: 'skips' });
        for (const [place, reason] of d[7]) list.append(el('li', null, place + ': ' + x.reasons[reason]));
        for (const w of d[8]) list.append(el('li', { class: 'warn' }, 'warning: ' + w));
        skips.append(el('details', null, el('summary', null, d[7].length + ' skipped' +
          (d[8].length ? ', ' + d[8].length + ' warnings' : '')), list));
      } else {
        skips.append(el('span', { class: 'meta' }, d[6] ? 'none' : 'no numbered paragraph: nothing to extract'));
      }
      return el('tr', { 'data-document': i }, el('td', null, d[0]), el('td', null, d[1] + (d[2] ? ' · ' + d[2] : '')),
        el('td', null, d[3] || ''), el('td', null, d[4] || ''), el('td', { class: 'num' }, d[5] === null ? '' : String(d[5])),
        el('td', { class: 'num' }, String(d[6])), skips);
    });
    text.addEventListener('input', () => table.refresh(false));
    onlySkips.addEventListener('change', () => table.refresh(false));
    table.refresh(false);
  }

  // ---- tabs ------------------------------------------------------------------------------------
  const rendered = new Set(['map']);
  const renderers = {
    ranking: () => {
      const section = document.getElementById('view-ranking');
      const waiting = el('p', { class: 'meta loading' }, 'Reading the measures…');
      whenMeasures(() => { waiting.remove(); renderRanking(); }, () => section.append(waiting));
    },
    clusters: () => {
      const section = document.getElementById('view-clusters');
      const waiting = el('p', { class: 'meta loading' }, 'Reading the agencies…');
      whenLoaded('agencies', () => { waiting.remove(); renderClusters(); }, () => section.append(waiting));
    },
    documents: renderDocuments
  };
  function showTab(name) {
    for (const b of document.querySelectorAll('#tabs button')) b.setAttribute('aria-selected', b.dataset.view === name ? 'true' : 'false');
    for (const v of document.querySelectorAll('.view')) v.hidden = v.id !== 'view-' + name;
    if (!rendered.has(name)) { rendered.add(name); renderers[name](); }
  }
  for (const b of document.querySelectorAll('#tabs button')) b.addEventListener('click', () => showTab(b.dataset.view));

  // ---- start -----------------------------------------------------------------------------------
  document.getElementById('title').textContent = data.title;
  document.getElementById('title').title = data.title;
  const s = data.summary;
  document.getElementById('summary').textContent = s.documents + ' documents · ' + s.tasks + ' tasks · ' + s.agencies +
    ' agencies · ' + s.links + ' links' + (s.modularity !== null ? ' · modularity ' + fmt(s.modularity) : '') +
    ' · tasks without a lead: ' + s.noLead + (s.excludeCollectives ? ' · collectives left out' : '') +
    (data.notes.length ? ' · ' + data.notes.join('; ') : '');
  fillFilterSelect(document.getElementById('filter-cluster'), 'cluster');
  fillFilterSelect(document.getElementById('filter-kind'), 'kind');
  setupMap();
  setupSearch();
  // For tests and for scripts that read the page: the data and the derivations the panels show.
  window.agencygraph = { data, tasks: T, extra: () => extra, measures: () => M, whenLoaded, tasksOf, partners, linksBetween, ranks, rankOf,
    search, ready: true };
  performance.mark('agencygraph-ready');
  document.documentElement.dataset.ready = 'true';
  loadBlocks();
})();
