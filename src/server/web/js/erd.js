// The entity-relationship diagram: dagre computes the layout (ranks left to right, referenced tables first),
// this module draws it as SVG and adds pan and zoom by mouse, wheel and keyboard. Our own drawing rather than
// mermaid: a tenth of the weight, and every table is a real focusable element the page can wire to the
// schema browser and the tests can count.
import { graphlib, layout } from '../vendor/dagre.js';
import { s } from './dom.js';

const CHAR = 7.2; // advance of one character of the 12px monospace font
const ROW = 18;
const HEADER = 26;
const PAD = 10;
const MIN_ZOOM = 0.1;
const MAX_ZOOM = 3;

/**
 * @param {SVGSVGElement} svg an empty <svg> in the page
 * @param {{ onOpen: (table: string) => void }} options onOpen: a table was clicked or chosen with Enter
 */
export function createErd(svg, { onOpen }) {
  const view = { x: 0, y: 0, k: 1 };
  let size = { width: 1, height: 1 };
  let viewport = s('g');
  svg.append(defs(), viewport);

  const apply = () => viewport.setAttribute('transform', `translate(${view.x} ${view.y}) scale(${view.k})`);

  const zoomAt = (factor, cx, cy) => {
    const k = Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, view.k * factor));
    view.x = cx - ((cx - view.x) * k) / view.k;
    view.y = cy - ((cy - view.y) * k) / view.k;
    view.k = k;
    apply();
  };

  const fit = () => {
    const box = svg.getBoundingClientRect();
    const k = Math.min(1, (box.width - 20) / size.width, (box.height - 20) / size.height);
    view.k = Math.max(MIN_ZOOM, k);
    view.x = (box.width - size.width * view.k) / 2;
    view.y = (box.height - size.height * view.k) / 2;
    apply();
  };

  /** Brings a table into view (centred) when it is off screen or would be too small to read. */
  const reveal = (name, always = false) => {
    const node = svg.querySelector(`.erd-table[data-table="${CSS.escape(name)}"]`);
    if (!node) return;
    const box = svg.getBoundingClientRect();
    const r = node.getBoundingClientRect();
    const inside = r.left >= box.left && r.right <= box.right && r.top >= box.top && r.bottom <= box.bottom;
    if (!always && inside) return;
    if (view.k < 0.6) view.k = 0.8;
    const cx = Number(node.dataset.cx);
    const cy = Number(node.dataset.cy);
    view.x = box.width / 2 - cx * view.k;
    view.y = box.height / 2 - cy * view.k;
    apply();
  };

  const setActive = (name) => {
    for (const el of svg.querySelectorAll('.active')) el.classList.remove('active');
    if (!name) return;
    for (const el of svg.querySelectorAll(`[data-from="${CSS.escape(name)}"], [data-to="${CSS.escape(name)}"], .erd-table[data-table="${CSS.escape(name)}"]`))
      el.classList.add('active');
  };

  // Pan by dragging anywhere; a press that does not move is a click (opens the table under it).
  let drag = null;
  svg.addEventListener('pointerdown', (e) => {
    if (e.button !== 0) return;
    drag = { id: e.pointerId, x: e.clientX, y: e.clientY, vx: view.x, vy: view.y, moved: false };
  });
  svg.addEventListener('pointermove', (e) => {
    if (!drag || e.pointerId !== drag.id) return;
    const dx = e.clientX - drag.x;
    const dy = e.clientY - drag.y;
    if (!drag.moved && Math.hypot(dx, dy) < 4) return;
    if (!drag.moved) svg.setPointerCapture(e.pointerId);
    drag.moved = true;
    svg.classList.add('panning');
    view.x = drag.vx + dx;
    view.y = drag.vy + dy;
    apply();
  });
  const endDrag = (e) => {
    if (!drag || e.pointerId !== drag.id) return;
    const { moved } = drag;
    drag = null;
    svg.classList.remove('panning');
    if (moved) return;
    const node = /** @type {Element} */ (e.target).closest?.('.erd-table');
    if (node) onOpen(node.getAttribute('data-table'));
  };
  svg.addEventListener('pointerup', endDrag);
  svg.addEventListener('pointercancel', () => (drag = null));
  svg.addEventListener('wheel', (e) => {
    e.preventDefault();
    const box = svg.getBoundingClientRect();
    zoomAt(Math.exp(-e.deltaY * 0.0015), e.clientX - box.left, e.clientY - box.top);
  }, { passive: false });
  svg.addEventListener('keydown', (e) => {
    const box = svg.getBoundingClientRect();
    const step = 60;
    const node = /** @type {Element} */ (e.target).closest?.('.erd-table');
    const actions = {
      ArrowLeft: () => (view.x += step), ArrowRight: () => (view.x -= step),
      ArrowUp: () => (view.y += step), ArrowDown: () => (view.y -= step),
      '+': () => zoomAt(1.25, box.width / 2, box.height / 2), '=': () => zoomAt(1.25, box.width / 2, box.height / 2),
      '-': () => zoomAt(0.8, box.width / 2, box.height / 2), 0: fit,
      Enter: () => node && onOpen(node.getAttribute('data-table')),
      ' ': () => node && onOpen(node.getAttribute('data-table')),
    };
    const action = actions[e.key];
    if (!action || e.altKey || e.ctrlKey || e.metaKey) return;
    e.preventDefault();
    action();
    apply();
  });
  svg.addEventListener('focusin', (e) => {
    const node = /** @type {Element} */ (e.target).closest?.('.erd-table');
    if (!node) return;
    setActive(node.getAttribute('data-table'));
    reveal(node.getAttribute('data-table'));
  });
  // Hover highlights a table's links; without hover, the focused table's links stay highlighted.
  const activeFromFocus = () => setActive(svg.querySelector('.erd-table:focus')?.getAttribute('data-table') ?? null);
  svg.addEventListener('pointerover', (e) => {
    const node = /** @type {Element} */ (e.target).closest?.('.erd-table');
    if (node) setActive(node.getAttribute('data-table'));
    else activeFromFocus();
  });
  svg.addEventListener('pointerleave', activeFromFocus);
  svg.addEventListener('focusout', () => setTimeout(activeFromFocus));

  /**
   * Lays out and draws the schema; `columns` is 'all', 'keys' or 'none'; `shared` includes the tenant-key and
   * created_by links, which every table has.
   */
  const render = (schema, { columns, shared }) => {
    const names = new Set(schema.tables.map((t) => t.name));
    const edges = schema.edges.filter((e) => (shared || e.category === 'relation') && names.has(e.to));
    const boxes = new Map(schema.tables.map((t) => [t.name, tableBox(t, columns)]));
    const aspect = svg.clientWidth && svg.clientHeight ? svg.clientWidth / svg.clientHeight : 1.6;
    const placed = layoutAll(boxes, edges, aspect);
    size = { width: placed.width, height: placed.height };

    const next = s('g');
    const edgeLayer = s('g', { class: 'erd-edges' });
    for (const { edge, points, label } of placed.edges) {
      edgeLayer.append(s('g', { class: `erd-edge erd-edge-${edge.category}`, 'data-from': edge.from, 'data-to': edge.to },
        s('path', { d: curve(points), 'marker-start': 'url(#erd-ref)' }),
        label ? s('text', { x: label.x, y: label.y + 4, 'text-anchor': 'middle' }, label.text) : null,
        s('title', null, `${edge.from} references ${edge.to} (${edge.name})`),
      ));
    }
    const nodeLayer = s('g', { class: 'erd-tables' });
    for (const table of schema.tables) {
      const { x, y } = placed.nodes.get(table.name);
      nodeLayer.append(tableNode(table, boxes.get(table.name), x, y));
    }
    next.append(edgeLayer, nodeLayer);
    viewport.replaceWith(next);
    viewport = next;
    svg.setAttribute('aria-label', `Entity-relationship diagram: ${schema.tables.length} tables, ${edges.length} links shown. Tab to a table and press Enter to open it; arrow keys pan, plus and minus zoom, 0 fits.`);
    fit();
  };

  return {
    render,
    fit,
    zoomIn: () => zoomAt(1.25, svg.clientWidth / 2, svg.clientHeight / 2),
    zoomOut: () => zoomAt(0.8, svg.clientWidth / 2, svg.clientHeight / 2),
    /** Centres a table and focuses it. */
    find(name) {
      reveal(name, true);
      svg.querySelector(`.erd-table[data-table="${CSS.escape(name)}"]`)?.focus();
    },
  };
}

/**
 * Lays out each connected group of tables with dagre, then packs the groups in rows close to the view's aspect
 * ratio. One dagre run over everything would stack every unlinked table in a single column.
 */
function layoutAll(boxes, edges, aspect) {
  // dagre routes a self-reference (users.created_by → users) through odd points; those loops are drawn here.
  const loops = edges.filter((e) => e.from === e.to);
  edges = edges.filter((e) => e.from !== e.to);
  const group = new Map([...boxes.keys()].map((name) => [name, name]));
  const root = (name) => (group.get(name) === name ? name : root(group.get(name)));
  for (const e of edges) group.set(root(e.from), root(e.to));
  const members = new Map();
  for (const name of boxes.keys()) members.set(root(name), [...(members.get(root(name)) ?? []), name]);

  const parts = [...members.values()].map((names) => {
    const own = edges.filter((e) => names.includes(e.from));
    if (names.length < 3) return layoutGroup(names, boxes, own, 'LR');
    // Whichever direction shows the group larger in a view of this shape: wide schemas read better top-down.
    const scale = (p) => Math.min(aspect / (p.width || 1), 1 / (p.height || 1));
    const [lr, tb] = [layoutGroup(names, boxes, own, 'LR'), layoutGroup(names, boxes, own, 'TB')];
    return scale(tb) > scale(lr) * 1.1 ? tb : lr;
  });
  parts.sort((a, b) => b.height - a.height || b.width - a.width);
  const GAP = 40;
  const area = parts.reduce((sum, p) => sum + (p.width + GAP) * (p.height + GAP), 0);
  const rowWidth = Math.max(...parts.map((p) => p.width), Math.sqrt(area * aspect));
  const out = { width: 0, height: 0, nodes: new Map(), edges: [] };
  let x = 0;
  let y = loops.length ? 36 : 0; // room for the loops above the first row
  let rowHeight = 0;
  for (const part of parts) {
    if (x > 0 && x + part.width > rowWidth) {
      x = 0;
      y += rowHeight + GAP;
      rowHeight = 0;
    }
    const move = (p) => ({ x: p.x + x, y: p.y + y });
    for (const [name, at] of part.nodes) out.nodes.set(name, move(at));
    for (const e of part.edges) out.edges.push({ ...e, points: e.points.map(move), label: e.label && { ...move(e.label), text: e.label.text } });
    x += part.width + GAP;
    rowHeight = Math.max(rowHeight, part.height);
    out.width = Math.max(out.width, x - GAP);
    out.height = Math.max(out.height, y + rowHeight);
  }
  for (const edge of loops) {
    const at = out.nodes.get(edge.from);
    const box = boxes.get(edge.from);
    const right = at.x + box.width / 2;
    const top = at.y - box.height / 2;
    out.edges.push({ edge, points: [{ x: right, y: top + 13 }, { x: right + 30, y: top - 30 }, { x: right - 28, y: top }], label: null });
  }
  return out;
}

/** dagre on one group: each referenced table ranks before the tables that reference it. */
function layoutGroup(names, boxes, edges, rankdir) {
  const g = new graphlib.Graph({ multigraph: true });
  g.setGraph({ rankdir, nodesep: 24, ranksep: rankdir === 'LR' ? 80 : 60, edgesep: 12, marginx: 0, marginy: 0 });
  for (const name of names) g.setNode(name, { width: boxes.get(name).width, height: boxes.get(name).height });
  edges.forEach((e, i) => {
    const label = e.category === 'relation' ? e.name : '';
    g.setEdge(e.to, e.from, { label, width: label.length * 6.6, height: label ? 14 : 0, labelpos: 'c', weight: e.category === 'relation' ? 2 : 1 }, String(i));
  });
  layout(g);
  return {
    width: g.graph().width ?? 0,
    height: g.graph().height ?? 0,
    nodes: new Map(names.map((name) => [name, { x: g.node(name).x, y: g.node(name).y }])),
    edges: g.edges().map((key) => {
      const info = g.edge(key);
      return { edge: edges[Number(key.name)], points: info.points, label: info.label ? { x: info.x, y: info.y, text: info.label } : null };
    }),
  };
}

function defs() {
  return s('defs', null,
    // Drawn at the path's start (the referenced table); auto-start-reverse turns it to point at that table.
    s('marker', { id: 'erd-ref', viewBox: '0 0 10 10', refX: 9, refY: 5, markerWidth: 8, markerHeight: 8, orient: 'auto-start-reverse' },
      s('path', { d: 'M 0 0 L 10 5 L 0 10 z' })));
}

function shownColumns(table, mode) {
  if (mode === 'none') return [];
  const fkColumns = new Set(table.foreignKeys.flatMap((fk) => fk.columns));
  const rows = table.columns.map((c) => ({ name: c.name, type: c.type, key: table.primaryKey.includes(c.name) ? 'PK' : fkColumns.has(c.name) ? 'FK' : '' }));
  return mode === 'keys' ? rows.filter((r) => r.key) : rows;
}

function tableBox(table, mode) {
  const rows = shownColumns(table, mode);
  const nameWidth = Math.max(0, ...rows.map((r) => r.name.length + 3));
  const typeWidth = Math.max(0, ...rows.map((r) => r.type.length));
  const chars = Math.max(table.name.length + 2, nameWidth + typeWidth + 2, 16);
  return { rows, width: Math.round(chars * CHAR + 2 * PAD), height: HEADER + rows.length * ROW + (rows.length ? 6 : 0) };
}

function tableNode(table, box, cx, cy) {
  const x = cx - box.width / 2;
  const y = cy - box.height / 2;
  const kind = table.kind ?? 'table';
  const rls = table.rls.enabled ? (table.rls.forced ? 'row-level security forced' : 'row-level security enabled') : 'no row-level security';
  return s('g', {
    class: `erd-table kind-${kind}`, 'data-table': table.name, 'data-cx': cx, 'data-cy': cy, tabindex: 0, role: 'button',
    'aria-label': `${table.name}, ${kind} table, ${table.columns.length} columns, ${rls}`,
  },
  s('rect', { class: 'erd-body', x, y, width: box.width, height: box.height, rx: 4 }),
  s('path', { class: 'erd-head', d: `M ${x} ${y + HEADER} V ${y + 4} a 4 4 0 0 1 4 -4 H ${x + box.width - 4} a 4 4 0 0 1 4 4 V ${y + HEADER} Z` }),
  s('text', { class: 'erd-name', x: x + PAD, y: y + 17 }, table.name),
  table.rls.enabled ? s('text', { class: 'erd-rls', x: x + box.width - PAD, y: y + 17, 'text-anchor': 'end' }, 'RLS') : null,
  box.rows.map((row, i) => s('g', { class: 'erd-row' },
    s('text', { x: x + PAD, y: y + HEADER + 15 + i * ROW },
      s('tspan', { class: 'erd-key' }, row.key.padEnd(3, ' ')), row.name),
    s('text', { class: 'erd-type', x: x + box.width - PAD, y: y + HEADER + 15 + i * ROW, 'text-anchor': 'end' }, row.type))),
  );
}

/** A smooth path through dagre's bend points. */
function curve(points) {
  if (points.length < 3) return `M ${points.map((p) => `${p.x} ${p.y}`).join(' L ')}`;
  let d = `M ${points[0].x} ${points[0].y}`;
  for (let i = 1; i < points.length - 1; i++) {
    const mid = { x: (points[i].x + points[i + 1].x) / 2, y: (points[i].y + points[i + 1].y) / 2 };
    d += ` Q ${points[i].x} ${points[i].y} ${i === points.length - 2 ? `${points.at(-1).x} ${points.at(-1).y}` : `${mid.x} ${mid.y}`}`;
  }
  return d;
}
