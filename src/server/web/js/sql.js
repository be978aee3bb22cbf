// A PostgreSQL tokenizer that is good enough for two jobs: highlighting the generated migration and cutting it
// into statements for the schema browser. Our own rather than a highlighting library, because the parser needs
// the tokens anyway and the migration uses a small, regular subset of SQL.

/** @typedef {{ type: string, text: string, start: number, end: number }} Token */

const RULES = [
  ['space', /\s+/y],
  ['comment', /--[^\n]*/y],
  ['comment', /\/\*[\s\S]*?(?:\*\/|$)/y],
  // The delimiter only: the body of DO $x$ … $x$ is SQL too, so it is highlighted as such.
  ['dollar', /\$(?:[A-Za-z_]\w*)?\$/y],
  ['string', /[EeBbXx]?'(?:[^']|'')*(?:'|$)/y],
  ['ident', /"(?:[^"]|"")*(?:"|$)/y],
  ['number', /\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/y],
  ['word', /[A-Za-z_][\w$]*/y],
  ['param', /\$\d+/y],
  ['punct', /::|<>|<=|>=|!=|\|\||[(),;.=<>+\-*/%[\]:]/y],
  ['other', /[\s\S]/y],
];

const KEYWORDS = new Set(`
  ADD ALL ALTER AND ANY AS ASC BEGIN BY CASCADE CASE CHECK COLUMN COMMENT CONCURRENTLY CONFLICT CONSTRAINT CREATE
  CURRENT_TIMESTAMP DEFAULT DEFERRABLE DELETE DESC DISABLE DISTINCT DO DROP ELSE ENABLE END ENUM EXCEPTION EXECUTE
  EXISTS FALSE FOR FORCE FOREIGN FROM FUNCTION GRANT IF IN INCLUDE INDEX INSERT INTO IS KEY LANGUAGE LEVEL LIMIT NO
  NOBYPASSRLS NOLOGIN NOSUPERUSER NOT NOTHING NULL ON ONLY OR ORDER OWNER PERMISSIVE POLICY PRIMARY PROCEDURE
  REFERENCES RENAME REPLACE RESTRICT RESTRICTIVE RETURNING RETURNS REVOKE ROLE ROW SCHEMA SECURITY SELECT SET TABLE
  THEN TO TRIGGER TRUE TYPE UNIQUE UPDATE USAGE USING VALUES WHEN WHERE WITH ACTION RAISE PERFORM DECLARE
`.trim().split(/\s+/));

const TYPES = new Set(`
  BIGINT BIGSERIAL BOOLEAN BYTEA CHAR CITEXT DATE DECIMAL DOUBLE FLOAT INT INTEGER INTERVAL JSON JSONB NUMERIC
  PRECISION REAL SERIAL SMALLINT TEXT TIME TIMESTAMP TIMESTAMPTZ UUID VARCHAR
`.trim().split(/\s+/));

/** @param {string} sql @returns {Token[]} */
export function tokenize(sql) {
  const tokens = [];
  let at = 0;
  while (at < sql.length) {
    for (const [type, re] of RULES) {
      re.lastIndex = at;
      const m = re.exec(sql);
      if (!m) continue;
      tokens.push({ type: type === 'word' ? wordType(m[0]) : type, text: m[0], start: at, end: at + m[0].length });
      at += m[0].length;
      break;
    }
  }
  return tokens;
}

function wordType(word) {
  const upper = word.toUpperCase();
  return KEYWORDS.has(upper) ? 'keyword' : TYPES.has(upper) ? 'type' : 'word';
}

/**
 * Statements of a script, without whitespace and comments; `;` inside a dollar-quoted body does not end one.
 * @param {string} sql
 * @returns {{ tokens: Token[], text: string, line: number }[]}
 */
export function statements(sql) {
  const out = [];
  let current = [];
  let openTag = null;
  for (const token of tokenize(sql)) {
    if (token.type === 'space' || token.type === 'comment') continue;
    if (token.type === 'dollar') openTag = openTag === null ? token.text : openTag === token.text ? null : openTag;
    if (token.text === ';' && openTag === null) {
      if (current.length) out.push(finish(sql, current));
      current = [];
    } else current.push(token);
  }
  if (current.length) out.push(finish(sql, current));
  return out;
}

function finish(sql, tokens) {
  const start = tokens[0].start;
  return { tokens, text: sql.slice(start, tokens.at(-1).end), line: sql.slice(0, start).split('\n').length };
}

/**
 * The script as one element per line, each token a span with its class: lines can then carry numbers and
 * markers. textContent only, never HTML: the SQL quotes the user's PRD.
 * @param {string} sql
 * @returns {HTMLElement[]}
 */
export function highlightLines(sql) {
  const lines = [];
  let line = newLine();
  for (const token of tokenize(sql)) {
    const parts = token.text.split('\n');
    parts.forEach((part, i) => {
      if (i > 0) {
        lines.push(line);
        line = newLine();
      }
      if (!part) return;
      if (token.type === 'space' || token.type === 'punct' || token.type === 'other' || token.type === 'word') line.append(part);
      else {
        const span = document.createElement('span');
        span.className = `tok-${token.type}`;
        span.textContent = part;
        line.append(span);
      }
    });
  }
  lines.push(line);
  return lines;
}

function newLine() {
  const el = document.createElement('span');
  el.className = 'line';
  return el;
}
