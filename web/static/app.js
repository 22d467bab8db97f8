// kgraph explorer: search an entity, draw its neighbourhood with
// cytoscape.js, read the sentences behind each fact, run Gizmo. Plain
// JavaScript, no build step; it talks to the JSON endpoints of package
// httpapi.
"use strict";

(() => {
  const $ = (sel) => document.querySelector(sel);

  // el builds an element; strings become text nodes, never HTML.
  function el(tag, attrs, ...children) {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v == null || v === false) continue;
      if (k === "class") e.className = v;
      else if (k.startsWith("on")) e.addEventListener(k.slice(2), v);
      else e.setAttribute(k, v === true ? "" : v);
    }
    for (const c of children.flat(Infinity)) {
      if (c == null || c === false) continue;
      e.append(c instanceof Node ? c : document.createTextNode(String(c)));
    }
    return e;
  }

  // setChildren replaces e's children; arrays are flattened and null,
  // undefined and false left out.
  function setChildren(e, ...children) {
    e.replaceChildren(...children.flat(Infinity).filter((c) => c != null && c !== false)
      .map((c) => (c instanceof Node ? c : document.createTextNode(String(c)))));
  }

  // Node colours by entity type.
  const TYPE_COLORS = {
    Country: "#2563eb", Organization: "#059669", Person: "#ea580c", Agreement: "#7c3aed",
    Location: "#0891b2", Event: "#db2777", Program: "#a16207", Concept: "#64748b",
  };
  const UNKNOWN = "#94a3b8";
  const colorOf = (t) => TYPE_COLORS[t] || UNKNOWN;

  // ---- API ------------------------------------------------------------
  let token = sessionStorage.getItem("kgraph-token") || "";

  class APIError extends Error {
    constructor(status, msg) { super(msg); this.status = status; }
  }

  async function api(path, opts = {}) {
    const headers = Object.assign({}, opts.headers);
    if (token) headers.Authorization = "Bearer " + token;
    const resp = await fetch(path, Object.assign({}, opts, { headers }));
    let body = null;
    try { body = await resp.json(); } catch (_) { /* not JSON */ }
    if (resp.status === 401) askToken();
    if (!resp.ok) throw new APIError(resp.status, (body && body.error) || resp.statusText);
    return { body, headers: resp.headers };
  }

  function askToken() {
    const form = $("#tokenform");
    form.hidden = false;
    $("#token").focus();
  }
  $("#tokenform").addEventListener("submit", (ev) => {
    ev.preventDefault();
    token = $("#token").value.trim();
    sessionStorage.setItem("kgraph-token", token);
    $("#tokenform").hidden = true;
    loadInfo();
  });

  async function loadInfo() {
    try {
      const { body } = await api("/api/kgraph/info");
      $("#info").textContent = `${body.entities.toLocaleString()} entities · ${body.backend} · limit ${body.limit} · timeout ${body.timeout}`;
      $("#limit").max = body.limit;
    } catch (e) {
      $("#info").textContent = e.message;
    }
  }

  // ---- Search with suggestions -----------------------------------------
  const search = $("#search");
  const list = $("#suggestions");
  let suggestions = [], active = -1, searchSeq = 0, searchTimer = 0;

  search.addEventListener("input", () => {
    clearTimeout(searchTimer);
    searchTimer = setTimeout(suggest, 120);
  });
  search.addEventListener("keydown", (ev) => {
    if (ev.key === "ArrowDown" || ev.key === "ArrowUp") {
      ev.preventDefault();
      if (!suggestions.length) return;
      active = (active + (ev.key === "ArrowDown" ? 1 : -1) + suggestions.length) % suggestions.length;
      renderSuggestions();
    } else if (ev.key === "Enter") {
      ev.preventDefault();
      const s = suggestions[Math.max(active, 0)];
      if (s) pick(s);
      else if (search.value.trim()) openEntity({ label: search.value.trim() });
    } else if (ev.key === "Escape") {
      hideSuggestions();
    }
  });
  search.addEventListener("blur", () => setTimeout(hideSuggestions, 150));
  search.addEventListener("focus", () => { if (suggestions.length) list.hidden = false; });

  async function suggest() {
    const q = search.value.trim();
    const seq = ++searchSeq;
    if (!q) { hideSuggestions(); return; }
    try {
      const { body } = await api("/api/kgraph/search?limit=12&q=" + encodeURIComponent(q));
      if (seq !== searchSeq) return; // a later keystroke won
      suggestions = body.result;
      active = suggestions.length ? 0 : -1;
      renderSuggestions();
    } catch (e) {
      suggestions = [];
      setChildren(list, el("li", { class: "via" }, e.message));
      list.hidden = false;
    }
  }

  function renderSuggestions() {
    setChildren(list, ...suggestions.map((s, i) => el("li", {
      role: "option", "data-id": s.id, class: i === active ? "active" : null, "aria-selected": i === active ? "true" : "false",
      onmousedown: (ev) => { ev.preventDefault(); pick(s); },
    },
    el("span", { class: "swatch", style: "background:" + colorOf(s.type) }),
    el("span", { class: "label" }, s.label),
    s.alias ? el("span", { class: "via" }, "as " + s.matched) : null,
    el("span", { class: "count" }, (s.type || "—") + " · " + s.facts + (s.facts === 1 ? " fact" : " facts")))));
    if (!suggestions.length) setChildren(list, el("li", { class: "via" }, "No entity by that name."));
    list.hidden = false;
  }

  function hideSuggestions() { list.hidden = true; }

  function pick(s) {
    hideSuggestions();
    search.value = s.label;
    openEntity({ id: s.id });
  }

  // ---- The neighbourhood graph --------------------------------------------
  const state = {
    facts: new Map(),    // statement IRI → fact
    entities: new Map(), // entity IRI → entity (those opened or expanded)
    centers: new Set(),
  };

  const baseStyle = [
    { selector: "node", style: {
      "background-color": "data(color)", label: "data(label)", width: 22, height: 22,
      "font-size": 11, color: "#1f2933", "text-valign": "bottom", "text-margin-y": 4,
      "text-wrap": "wrap", "text-max-width": 120, "text-outline-color": "#fff", "text-outline-width": 2,
      "border-width": 2, "border-color": "#fff",
    } },
    { selector: "node[?center]", style: { width: 38, height: 38, "font-size": 13, "font-weight": 600, "border-color": "#1e3a8a", "border-width": 3 } },
    { selector: "node[?unresolved]", style: { shape: "round-rectangle", "background-color": "#cbd5e1" } },
    { selector: "node:selected", style: { "border-color": "#f59e0b", "border-width": 4 } },
    { selector: "edge", style: {
      width: 1.6, "curve-style": "bezier", "control-point-step-size": 70, "line-color": "#9aa5b1", "target-arrow-color": "#9aa5b1",
      "target-arrow-shape": "triangle", "arrow-scale": 0.9, label: "data(label)", "font-size": 10,
      color: "#475569", "text-rotation": "autorotate", "text-background-color": "#fff",
      "text-background-opacity": 0.85, "text-background-padding": 1, "text-margin-y": -1,
    } },
    { selector: "edge[?negated]", style: { "line-style": "dashed", "line-color": "#c53030", "target-arrow-color": "#c53030", color: "#c53030" } },
    { selector: "edge:selected", style: { width: 3.5, "line-color": "#2563eb", "target-arrow-color": "#2563eb", color: "#1d4ed8" } },
    { selector: "edge[?negated]:selected", style: { "line-color": "#9b2c2c", "target-arrow-color": "#9b2c2c" } },
    { selector: ".hidden", style: { display: "none" } },
  ];

  let cy = null;
  function graph() {
    if (cy) return cy;
    cy = cytoscape({ container: $("#cy"), style: baseStyle, wheelSensitivity: 0.3, minZoom: 0.15, maxZoom: 3 });
    cy.on("tap", "edge", (ev) => showEdge(ev.target));
    cy.on("tap", "node", (ev) => showNode(ev.target));
    cy.on("dbltap", "node", (ev) => { if (!ev.target.data("unresolved")) openEntity({ id: ev.target.id() }, { expand: true }); });
    cy.on("tap", (ev) => { if (ev.target === cy) showPlaceholder(); });
    window.kgraph.cy = cy;
    return cy;
  }

  async function openEntity(ref, { expand = false } = {}) {
    setView("graph");
    const q = ref.id ? "id=" + encodeURIComponent(ref.id) : "label=" + encodeURIComponent(ref.label);
    let e;
    try {
      e = (await api("/api/kgraph/entity?" + q)).body;
    } catch (err) {
      showMessage(err.status === 404 ? `No entity “${ref.label || ref.id}”.` : err.message);
      return;
    }
    if (!expand) {
      state.facts.clear();
      state.entities.clear();
      state.centers.clear();
    }
    state.entities.set(e.id, e);
    state.centers.add(e.id);
    for (const f of e.facts) state.facts.set(f.id, f);
    history.replaceState(null, "", "#e=" + encodeURIComponent(e.id));
    if (!expand) search.value = e.label;
    draw();
    showEntity(e);
  }

  // elements turns the facts into nodes (entities) and edges (one per
  // subject, predicate, object and polarity, carrying all its facts).
  function elements() {
    const nodes = new Map(), edges = new Map();
    const node = (n, unresolved) => {
      const id = unresolved ? "text:" + n.label : n.id;
      if (!nodes.has(id)) {
        const ent = state.entities.get(id);
        const type = (ent && ent.type) || n.type || "";
        nodes.set(id, { data: { id, label: n.label || id, type, color: unresolved ? "#cbd5e1" : colorOf(type), center: state.centers.has(id), unresolved: !!unresolved } });
      }
      return id;
    };
    for (const f of state.facts.values()) {
      const s = node(f.subject, !f.subject.id), o = node(f.object, false);
      const key = [s, f.predicate.id, o, f.negated ? 1 : 0].join("\u0001");
      let e = edges.get(key);
      if (!e) {
        e = { data: { id: "edge" + edges.size, source: s, target: o, predicate: f.predicate.label, negated: !!f.negated, facts: [], documents: [] } };
        edges.set(key, e);
      }
      e.data.facts.push(f.id);
      if (!e.data.documents.includes(f.document.id)) e.data.documents.push(f.document.id);
    }
    for (const e of edges.values()) {
      const n = e.data.facts.length;
      e.data.label = (e.data.negated ? "not " : "") + e.data.predicate + (n > 1 ? ` ×${n}` : "");
    }
    return [...nodes.values(), ...edges.values()];
  }

  function draw() {
    const g = graph();
    g.elements().remove();
    g.add(elements());
    $("#empty").hidden = g.elements().length > 0;
    fillFilters();
    applyFilters();
    layout();
  }

  function layout() {
    const g = graph();
    const visible = g.elements().not(".hidden");
    let opts;
    if (state.centers.size === 1) {
      // One centre: its neighbours on a ring wide enough for their labels
      // and long enough edges for the predicates.
      const ring = visible.nodes().filter((n) => !n.data("center"));
      const r = Math.max(190, (ring.length * 120) / (2 * Math.PI));
      const order = ring.sort((a, b) => (a.data("type") + a.data("label")).localeCompare(b.data("type") + b.data("label")));
      const pos = new Map(order.map((n, i) => {
        const a = -Math.PI / 2 + (2 * Math.PI * i) / Math.max(order.length, 1);
        return [n.id(), { x: r * Math.cos(a), y: r * Math.sin(a) }];
      }));
      opts = { name: "preset", positions: (n) => pos.get(n.id()) || { x: 0, y: 0 }, animate: false, fit: true, padding: 50 };
    } else {
      opts = { name: "cose", idealEdgeLength: () => 150, nodeRepulsion: () => 12000, animate: false, fit: true, padding: 50, randomize: true };
    }
    visible.layout(opts).run();
    // A small neighbourhood would be fitted at a zoom that makes its labels
    // shout; keep it at a reading size.
    if (g.zoom() > 1.1) {
      g.zoom(1.1);
      g.center(visible);
    }
  }

  // ---- Filters: predicate, document, entity type ------------------------
  function fillFilters() {
    const preds = new Set(), docs = new Map(), types = new Set();
    for (const f of state.facts.values()) {
      preds.add(f.predicate.label);
      docs.set(f.document.id, f.document.title || f.document.id);
    }
    graph().nodes().forEach((n) => types.add(n.data("type") || ""));
    const keep = (sel) => sel.value;
    const fill = (sel, entries) => {
      const was = keep(sel);
      setChildren(sel, el("option", { value: "" }, "all"), ...entries.map(([v, t]) => el("option", { value: v }, t)));
      sel.value = entries.some(([v]) => v === was) ? was : "";
    };
    fill($("#filter-predicate"), [...preds].sort().map((p) => [p, p]));
    fill($("#filter-document"), [...docs].sort((a, b) => a[1].localeCompare(b[1])).map(([id, t]) => [id, t.length > 48 ? t.slice(0, 47) + "…" : t]));
    const box = $("#filter-types");
    const unchecked = new Set([...box.querySelectorAll("input")].filter((i) => !i.checked).map((i) => i.value));
    setChildren(box, ...[...types].sort().map((t) => el("label", { title: "Show " + (t || "untyped") + " entities" },
      el("input", { type: "checkbox", value: t, checked: !unchecked.has(t), onchange: applyFilters }),
      el("span", { class: "swatch", style: "background:" + colorOf(t) }), t || "untyped")));
  }

  function applyFilters() {
    const g = graph();
    const pred = $("#filter-predicate").value, doc = $("#filter-document").value;
    const hiddenTypes = new Set([...$("#filter-types").querySelectorAll("input")].filter((i) => !i.checked).map((i) => i.value));
    g.batch(() => {
      g.elements().removeClass("hidden");
      g.nodes().forEach((n) => { if (!n.data("center") && hiddenTypes.has(n.data("type") || "")) n.addClass("hidden"); });
      g.edges().forEach((e) => {
        const off = (pred && e.data("predicate") !== pred) || (doc && !e.data("documents").includes(doc)) ||
          e.source().hasClass("hidden") || e.target().hasClass("hidden");
        if (off) e.addClass("hidden");
      });
      // A node left without a visible edge goes too, unless it is a centre.
      g.nodes().forEach((n) => {
        if (!n.data("center") && n.connectedEdges().not(".hidden").length === 0) n.addClass("hidden");
      });
    });
  }
  $("#filter-predicate").addEventListener("change", applyFilters);
  $("#filter-document").addEventListener("change", applyFilters);
  $("#relayout").addEventListener("click", layout);
  $("#fit").addEventListener("click", () => graph().fit(graph().elements().not(".hidden"), 40));

  // ---- The side panel ---------------------------------------------------
  const panel = $("#panel");
  function showPlaceholder() { setChildren(panel, el("div", { class: "placeholder" }, "Nothing selected.")); }
  function showMessage(msg) { setChildren(panel, el("div", { class: "placeholder" }, msg)); }

  function typeBadge(t) {
    return el("span", { class: "badge", style: "background:" + colorOf(t) }, t || "untyped");
  }

  function entityLink(n) {
    if (!n.id) return el("span", {}, n.label);
    return el("a", { class: "entity", title: n.id, onclick: () => openEntity({ id: n.id }) }, n.label || n.id);
  }

  function showEntity(e) {
    const out = e.facts.filter((f) => f.subject.id === e.id).length;
    setChildren(panel, 
      el("h2", {}, e.label, " ", typeBadge(e.type)),
      el("div", { class: "meta" }, e.id),
      el("div", { class: "actions" },
        el("button", { type: "button", onclick: () => openEntity({ id: e.id }) }, "Centre here"),
        el("button", { type: "button", onclick: () => openEntity({ id: e.id }, { expand: true }) }, "Add neighbours")),
      e.aliases && e.aliases.length ? [el("h3", {}, "Also called"), el("div", { class: "chips" }, e.aliases.map((a) => el("span", { class: "chip" }, a)))] : null,
      e.titles && e.titles.length ? [el("h3", {}, "Titles"), el("div", {}, e.titles.join("; "))] : null,
      e.affiliations && e.affiliations.length ? [el("h3", {}, "Affiliated with"), el("div", {}, e.affiliations.map(entityLink))] : null,
      el("h3", {}, `Facts (${e.facts.length}${e.truncated ? "+" : ""}: ${out} as subject, ${e.facts.length - out} as object)`),
      el("div", { class: "meta" }, "Click an edge in the graph to read the sentences behind it."),
      el("ul", {}, e.facts.slice(0, 60).map((f) => el("li", { class: f.negated ? "negated" : null },
        f.subject.id === e.id ? el("span", { class: "self" }, e.label) : entityLink(f.subject), " ",
        el("span", { class: "pred" + (f.negated ? " neg" : "") }, (f.negated ? "not " : "") + f.predicate.label), " ",
        f.object.id === e.id ? el("span", { class: "self" }, e.label) : entityLink(f.object)))),
      e.facts.length > 60 ? el("div", { class: "meta" }, `… and ${e.facts.length - 60} more`) : null,
    );
  }

  async function showNode(n) {
    if (n.data("unresolved")) {
      setChildren(panel, el("h2", {}, n.data("label")), el("div", { class: "meta" }, "An unresolved reference: kgraph could not tell which entity it names."));
      return;
    }
    const known = state.entities.get(n.id());
    if (known) { showEntity(known); return; }
    try {
      showEntity((await api("/api/kgraph/entity?id=" + encodeURIComponent(n.id()))).body);
    } catch (e) {
      showMessage(e.message);
    }
  }

  // highlight marks the words of a fact as written inside its sentence.
  function highlight(text, needles) {
    const lower = text.toLowerCase();
    const ranges = [];
    for (const n of needles) {
      if (!n || n.length < 2) continue;
      const i = lower.indexOf(n.toLowerCase());
      if (i >= 0) ranges.push([i, i + n.length]);
    }
    ranges.sort((a, b) => a[0] - b[0]);
    const out = [];
    let at = 0;
    for (const [s, e] of ranges) {
      if (s < at) continue;
      out.push(text.slice(at, s), el("mark", {}, text.slice(s, e)));
      at = e;
    }
    out.push(text.slice(at));
    return out;
  }

  function factCard(f) {
    const ctx = el("div", { class: "context" });
    return el("div", { class: "fact" + (f.negated ? " negated" : "") },
      el("div", { class: "triple" }, entityLink(f.subject), " ",
        el("span", { class: "pred" }, (f.negated ? "not " : "") + f.predicate.label), " ", entityLink(f.object),
        f.negated ? [" ", el("span", { class: "badge neg" }, "negated")] : null,
        f.modality ? [" ", el("span", { class: "badge light" }, f.modality)] : null),
      el("blockquote", { class: "sentence" }, highlight(f.sentence.text, [f.subjectText, f.relation, f.objectText])),
      el("div", { class: "source" },
        f.document.title || f.document.id, " · sentence ", f.sentence.number,
        " · confidence ", f.confidence.toFixed(2), " · ",
        el("a", { onclick: (ev) => { ev.target.remove(); showContext(f.sentence.iri, ctx); } }, "in context")),
      [f.time && "time: " + f.time, f.place && "place: " + f.place, ...(f.arguments || [])].filter(Boolean).length
        ? el("div", { class: "source" }, [f.time && "time: " + f.time, f.place && "place: " + f.place, ...(f.arguments || [])].filter(Boolean).join(" · "))
        : null,
      ctx);
  }

  async function showContext(iri, into) {
    try {
      const { body: s } = await api("/api/kgraph/sentence?id=" + encodeURIComponent(iri));
      const d = s.document;
      setChildren(into, 
        s.previous ? el("blockquote", { class: "sentence context" }, s.previous) : null,
        el("blockquote", { class: "sentence" }, s.text),
        s.next ? el("blockquote", { class: "sentence context" }, s.next) : null,
        el("div", { class: "source" }, [d.title || d.id, d.date, d.sentences ? `sentence ${s.number} of ${d.sentences}` : null].filter(Boolean).join(" · "),
          d.url ? [" · ", el("a", { href: d.url, target: "_blank", rel: "noopener noreferrer" }, "source")] : null),
        s.facts.length > 1 ? el("div", { class: "source" }, `${s.facts.length} facts in this sentence`) : null);
    } catch (e) {
      into.textContent = e.message;
    }
  }

  function showEdge(edge) {
    const facts = edge.data("facts").map((id) => state.facts.get(id)).filter(Boolean);
    const f0 = facts[0];
    facts.sort((a, b) => (a.document.id + a.sentence.number).localeCompare(b.document.id + b.sentence.number, undefined, { numeric: true }));
    setChildren(panel, 
      el("h2", {}, f0.subject.label, " → ", f0.object.label),
      el("div", { class: "meta" }, (f0.negated ? "not " : "") + f0.predicate.label, " · ", facts.length, facts.length === 1 ? " fact" : " facts",
        " in ", edge.data("documents").length, edge.data("documents").length === 1 ? " document" : " documents"),
      el("h3", {}, "Said in"),
      facts.map(factCard));
  }

  // ---- Gizmo ----------------------------------------------------------------
  const EXAMPLES = [
    ["Who called on the DPRK?", `g.V().Has("<kg:alias>", "DPRK").In("<kg:p/call-on>").Out("<kg:label>").All()`],
    ["Who committed to what?", `g.V().Save("<kg:label>", "who").Out("<kg:p/commit-to>").Save("<kg:label>", "what").All()`],
    ["Who condemned what?", `g.V().Save("<kg:label>", "who").Out("<kg:p/condemn>").Save("<kg:label>", "what").All()`],
    ["Every fact about the DPRK, with its sentence", `g.V().Has("<kg:alias>", "DPRK").In(["<kg:subject>", "<kg:object>"]).Save("<kg:subjectText>", "subject").Save("<kg:relation>", "relation").Save("<kg:objectText>", "object").Out("<kg:sentence>").Save("<kg:number>", "sentence").All()`],
    ["All countries", `g.V().Has("<kg:type>", "<kg:t/Country>").Tag("country").Out("<kg:label>").All()`],
    ["Negated facts", `g.V().Has("<kg:polarity>", "negative").Save("<kg:subjectText>", "subject").Save("<kg:relation>", "relation").Save("<kg:objectText>", "object").All()`],
    ["How many facts?", `g.Emit(g.V().Has("<kg:predicate>").Count())`],
  ];
  $("#examples").replaceChildren(...EXAMPLES.map(([title, q]) => el("li", {}, el("a", { onclick: () => { $("#gizmo").value = q; runGizmo(); } }, title))));

  let lastRows = [], qcy = null, outView = "table";
  $("#run").addEventListener("click", runGizmo);
  $("#gizmo").addEventListener("keydown", (ev) => {
    if (ev.key === "Enter" && (ev.ctrlKey || ev.metaKey)) { ev.preventDefault(); runGizmo(); }
  });

  async function runGizmo() {
    const status = $("#status");
    status.className = "";
    status.textContent = "Running…";
    const limit = Math.max(1, parseInt($("#limit").value, 10) || 100);
    const t0 = performance.now();
    try {
      const { body } = await api("/api/v1/query/gizmo?limit=" + limit, { method: "POST", body: $("#gizmo").value, headers: { "Content-Type": "text/plain" } });
      lastRows = body.result || [];
      const ms = Math.round(performance.now() - t0);
      status.textContent = `${lastRows.length} ${lastRows.length === 1 ? "row" : "rows"}${body.truncated ? ` (cut at the limit of ${limit})` : ""} · ${ms} ms`;
      renderTable(lastRows);
      if (outView === "qgraph") await renderQueryGraph(lastRows);
      else qgraphStale = true;
    } catch (e) {
      status.className = "error";
      status.textContent = e.message;
      lastRows = [];
      renderTable([]);
    }
  }

  const isIRI = (v) => typeof v === "string" && v.startsWith("<") && v.endsWith(">");
  const isEntityIRI = (v) => isIRI(v) && v.startsWith("<kg:e/");
  const show = (v) => (v !== null && typeof v === "object" ? JSON.stringify(v) : String(v));

  function cell(v) {
    if (isEntityIRI(v)) return el("a", { class: "entity iri", title: "Open in the graph", onclick: () => openEntity({ id: v.slice(1, -1) }) }, v);
    if (isIRI(v)) return el("span", { class: "iri" }, v);
    return show(v);
  }

  function columns(rows) {
    const cols = [];
    for (const r of rows) {
      if (r === null || typeof r !== "object" || Array.isArray(r)) { if (!cols.includes("value")) cols.push("value"); continue; }
      for (const k of Object.keys(r)) if (!cols.includes(k)) cols.push(k);
    }
    cols.sort((a, b) => (a === "id" ? -1 : b === "id" ? 1 : 0));
    return cols;
  }

  function renderTable(rows) {
    const cols = columns(rows);
    const t = $("#gizmo-table");
    t.tHead.replaceChildren(el("tr", {}, el("th", {}, "#"), cols.map((c) => el("th", {}, c))));
    t.tBodies[0].replaceChildren(...rows.map((r, i) => el("tr", {}, el("td", {}, i + 1),
      cols.map((c) => el("td", {}, c === "value" && (r === null || typeof r !== "object" || Array.isArray(r)) ? cell(r) : (r && c in r ? cell(r[c]) : ""))))));
  }

  // The answer as a graph: a node per distinct value, and in each row an
  // edge from every tag's value to the row's id, labelled with the tag.
  let qgraphStale = false;
  async function renderQueryGraph(rows) {
    qgraphStale = false;
    const nodes = new Map(), edges = [];
    const node = (v) => {
      const id = "v:" + show(v);
      if (!nodes.has(id)) nodes.set(id, { data: { id, value: v, label: isIRI(v) ? v.slice(1, -1) : show(v), color: isIRI(v) ? UNKNOWN : "#e2e8f0", literal: !isIRI(v) } });
      return id;
    };
    for (const r of rows) {
      if (r === null || typeof r !== "object" || Array.isArray(r)) { node(r); continue; }
      const target = "id" in r ? node(r.id) : null;
      for (const [k, v] of Object.entries(r)) {
        if (k === "id") continue;
        const s = node(v);
        if (target && s !== target) edges.push({ data: { id: "q" + edges.length, source: s, target, label: k } });
      }
    }
    const iris = [...nodes.values()].map((n) => n.data.value).filter(isEntityIRI);
    if (iris.length) {
      try {
        const { body } = await api("/api/kgraph/nodes?" + iris.slice(0, 1000).map((i) => "id=" + encodeURIComponent(i)).join("&"));
        for (const n of body.result) {
          const d = nodes.get("v:<" + n.id + ">");
          if (d && n.label) { d.data.label = n.label; d.data.color = colorOf(n.type); d.data.type = n.type; }
        }
      } catch (_) { /* keep the IRIs */ }
    }
    if (!qcy) {
      qcy = cytoscape({ container: $("#qcy"), wheelSensitivity: 0.3, minZoom: 0.15, maxZoom: 3, style: baseStyle.concat([
        { selector: "node[?literal]", style: { shape: "round-rectangle", "border-color": "#cbd5e1", "border-width": 1 } },
      ]) });
      qcy.on("dbltap", "node", (ev) => { const v = ev.target.data("value"); if (isEntityIRI(v)) openEntity({ id: v.slice(1, -1) }); });
      qcy.on("tap", "node", (ev) => {
        const v = ev.target.data("value");
        setChildren(panel, el("h2", {}, ev.target.data("label")), el("div", { class: "meta" }, show(v)),
          isEntityIRI(v) ? el("div", { class: "actions" }, el("button", { type: "button", onclick: () => openEntity({ id: v.slice(1, -1) }) }, "Open in the graph")) : null);
      });
      window.kgraph.qcy = qcy;
    }
    qcy.elements().remove();
    qcy.add([...nodes.values(), ...edges]);
    qcy.resize();
    qcy.layout({ name: "cose", animate: false, fit: true, padding: 30, idealEdgeLength: () => 90, nodeRepulsion: () => 7000 }).run();
    if (qcy.zoom() > 1.1) {
      qcy.zoom(1.1);
      qcy.center();
    }
  }

  for (const b of document.querySelectorAll(".seg button")) {
    b.addEventListener("click", async () => {
      outView = b.dataset.out;
      for (const x of document.querySelectorAll(".seg button")) x.classList.toggle("active", x === b);
      $("#out-table").classList.toggle("active", outView === "table");
      $("#out-qgraph").classList.toggle("active", outView === "qgraph");
      if (outView === "qgraph" && (qgraphStale || !qcy)) await renderQueryGraph(lastRows);
      else if (qcy) qcy.resize();
    });
  }

  // ---- Views ----------------------------------------------------------------
  function setView(name) {
    for (const b of document.querySelectorAll("#tabs button")) {
      const on = b.dataset.view === name;
      b.classList.toggle("active", on);
      b.setAttribute("aria-selected", on ? "true" : "false");
    }
    $("#view-graph").classList.toggle("active", name === "graph");
    $("#view-gizmo").classList.toggle("active", name === "gizmo");
    if (name === "graph" && cy) cy.resize();
    if (name === "gizmo" && qcy) qcy.resize();
  }
  for (const b of document.querySelectorAll("#tabs button")) b.addEventListener("click", () => setView(b.dataset.view));

  window.kgraph = { cy: null, qcy: null, state, openEntity, runGizmo, setView };

  loadInfo();
  const m = location.hash.match(/^#e=(.+)$/);
  if (m) openEntity({ id: decodeURIComponent(m[1]) });
})();
