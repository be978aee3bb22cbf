// Element builders. Text always goes in as text nodes: names, comments and SQL on this page come from the
// user's PRD, so nothing here ever parses a string as HTML.

const SVG_NS = 'http://www.w3.org/2000/svg';

/**
 * @param {string} tag
 * @param {Record<string, any> | null} [attrs] `class`, `on<event>` handlers, boolean/string attributes; null/false skip
 * @param {...any} children strings, nodes, arrays of them; null/false skip
 * @returns {HTMLElement}
 */
export function h(tag, attrs, ...children) {
  return build(document.createElement(tag), attrs, children);
}

/** The same for SVG elements. @returns {SVGElement} */
export function s(tag, attrs, ...children) {
  return build(document.createElementNS(SVG_NS, tag), attrs, children);
}

function build(el, attrs, children) {
  for (const [key, value] of Object.entries(attrs ?? {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key.startsWith('on') && typeof value === 'function') el.addEventListener(key.slice(2), value);
    else el.setAttribute(key === 'className' ? 'class' : key, value === true ? '' : String(value));
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(el, child);
    else el.append(child instanceof Node ? child : String(child));
  }
}

/** Replaces an element's content. */
export function fill(el, ...children) {
  el.replaceChildren();
  append(el, children);
  return el;
}

/** A badge whose meaning is in its text, not only its colour. */
export function badge(text, tone = 'neutral', title) {
  return h('span', { class: `badge badge-${tone}`, title }, text);
}

/** "PRD line 12: …", "rule: …", "model: entities[2]" — where a table, column or index came from. */
export function provenanceText(provenance, prdLines) {
  if (!provenance) return '';
  const { source, line, ref } = provenance;
  if (source === 'prd' && line) {
    const text = prdLines?.[line - 1]?.trim() || ref || '';
    return `PRD line ${line}${text ? `: ${text}` : ''}`;
  }
  return `${source}${ref ? `: ${ref}` : ''}`;
}
