// What the page shows about each table, joined from two sources: the migration SQL (what PostgreSQL gets: column
// types, defaults, keys, indexes, row-level security, policies) and the data model (entity kinds, relation
// names, why each index exists, and the provenance of every table and column).
import { statements } from './sql.js';

/**
 * @typedef {{ name: string, type: string, notNull: boolean, default: string | null }} SqlColumn
 * @typedef {{ name: string, columns: string[], refTable: string, refColumns: string[], onDelete: string | null, onUpdate: string | null }} SqlForeignKey
 * @typedef {{ name: string, unique: boolean, columns: string[], where: string | null, method: string | null }} SqlIndex
 * @typedef {{ name: string, command: string, roles: string, sql: string }} SqlPolicy
 * @typedef {{ name: string, columns: SqlColumn[], primaryKey: string[], foreignKeys: SqlForeignKey[], indexes: SqlIndex[],
 *   rls: { enabled: boolean, forced: boolean }, policies: SqlPolicy[] }} SqlTable
 */

/**
 * The tables a series of migrations leaves behind, in creation order.
 * @param {string[]} scripts migration.sql texts, oldest first
 * @returns {{ tables: Map<string, SqlTable>, enums: Map<string, string[]> }}
 */
export function readMigrations(scripts) {
  const catalog = { tables: new Map(), enums: new Map() };
  for (const sql of scripts) for (const statement of statements(sql)) apply(catalog, statement);
  return catalog;
}

function apply(catalog, { tokens, text }) {
  const c = new Cursor(tokens, text);
  if (!c.word('CREATE')) {
    if (c.word('ALTER') && c.word('TABLE')) return alterTable(catalog, c);
    if (c.word('DROP')) return drop(catalog, c);
    return;
  }
  c.word('OR') && c.word('REPLACE');
  const unique = c.word('UNIQUE');
  if (c.word('TABLE')) return createTable(catalog, c);
  if (c.word('INDEX')) return createIndex(catalog, c, unique);
  if (c.word('POLICY')) return createPolicy(catalog, c, text);
  if (c.word('TYPE')) {
    const name = c.name();
    if (c.word('AS') && c.word('ENUM')) catalog.enums.set(name, c.group().map((item) => unquoteString(item[0]?.text ?? '')));
  }
}

function createTable(catalog, c) {
  c.ifExists();
  /** @type {SqlTable} */
  const table = { name: c.name(), columns: [], primaryKey: [], foreignKeys: [], indexes: [], rls: { enabled: false, forced: false }, policies: [] };
  for (const item of c.group()) {
    const ic = c.sub(item);
    if (ic.word('CONSTRAINT')) tableConstraint(table, ic, ic.name());
    else if (ic.peekWord('PRIMARY', 'UNIQUE', 'FOREIGN', 'CHECK', 'EXCLUDE')) tableConstraint(table, ic, null);
    else table.columns.push(column(table, ic));
  }
  catalog.tables.set(table.name, table);
}

const COLUMN_CLAUSE = ['NOT', 'NULL', 'DEFAULT', 'PRIMARY', 'REFERENCES', 'UNIQUE', 'CHECK', 'CONSTRAINT', 'GENERATED', 'COLLATE'];

/** A column definition; inline PRIMARY KEY and REFERENCES become table keys like the constraint forms. */
function column(table, c) {
  const name = c.name();
  const col = { name, type: stripQuotes(c.textUntil(COLUMN_CLAUSE)), notNull: false, default: null };
  while (!c.done()) {
    if (c.word('NOT') && c.word('NULL')) col.notNull = true;
    else if (c.word('DEFAULT')) col.default = c.textUntil(COLUMN_CLAUSE.filter((w) => w !== 'NULL'));
    else if (c.word('PRIMARY') && c.word('KEY')) {
      table.primaryKey = [name];
      col.notNull = true;
    } else if (c.word('REFERENCES')) table.foreignKeys.push(references(c, `${table.name}_${name}_fkey`, [name]));
    else c.skip();
  }
  return col;
}

function tableConstraint(table, c, name) {
  if (c.word('PRIMARY') && c.word('KEY')) table.primaryKey = c.names();
  else if (c.word('FOREIGN') && c.word('KEY')) {
    const columns = c.names();
    if (c.word('REFERENCES')) table.foreignKeys.push(references(c, name ?? `${table.name}_${columns.join('_')}_fkey`, columns));
  } else if (c.word('UNIQUE')) {
    const columns = c.names();
    table.indexes.push({ name: name ?? `${table.name}_${columns.join('_')}_key`, unique: true, columns, where: null, method: null });
  }
}

function references(c, name, columns) {
  const refTable = c.name();
  const refColumns = c.peek('(') ? c.names() : ['id'];
  let onDelete = null;
  let onUpdate = null;
  while (!c.done()) {
    if (c.word('ON')) {
      const which = c.word('DELETE') ? 'delete' : c.word('UPDATE') ? 'update' : null;
      const action = c.textUntil(['ON', 'DEFERRABLE', 'NOT', 'INITIALLY', 'MATCH']);
      if (which === 'delete') onDelete = action;
      if (which === 'update') onUpdate = action;
    } else if (c.peekWord('NOT', 'NULL', 'DEFAULT', 'CHECK', 'UNIQUE', 'CONSTRAINT', 'PRIMARY')) break;
    else c.skip();
  }
  return { name, columns, refTable, refColumns, onDelete, onUpdate };
}

function alterTable(catalog, c) {
  c.ifExists();
  c.word('ONLY');
  const table = catalog.tables.get(c.name());
  if (!table) return;
  for (const action of c.splitTopLevel()) {
    const ac = c.sub(action);
    if (ac.word('ADD')) {
      if (ac.word('CONSTRAINT')) tableConstraint(table, ac, ac.name());
      else if (ac.peekWord('PRIMARY', 'UNIQUE', 'FOREIGN', 'CHECK')) tableConstraint(table, ac, null);
      else {
        ac.word('COLUMN');
        ac.word('IF') && ac.word('NOT') && ac.word('EXISTS');
        table.columns.push(column(table, ac));
      }
    } else if (ac.word('DROP')) {
      if (ac.word('CONSTRAINT')) {
        ac.ifExists();
        const name = ac.name();
        table.foreignKeys = table.foreignKeys.filter((fk) => fk.name !== name);
        table.indexes = table.indexes.filter((index) => index.name !== name);
      } else {
        ac.word('COLUMN');
        ac.ifExists();
        const name = ac.name();
        table.columns = table.columns.filter((col) => col.name !== name);
      }
    } else if (ac.word('ALTER')) {
      ac.word('COLUMN');
      const name = ac.name();
      const col = table.columns.find((x) => x.name === name);
      if (col) alterColumn(col, ac);
    } else if (ac.word('ENABLE') && ac.word('ROW')) table.rls.enabled = true;
    else if (ac.word('DISABLE') && ac.word('ROW')) table.rls.enabled = false;
    else if (ac.word('FORCE') && ac.word('ROW')) table.rls.forced = true;
    else if (ac.word('NO') && ac.word('FORCE')) table.rls.forced = false;
  }
}

function alterColumn(col, c) {
  if (c.word('SET')) {
    if (c.word('NOT') && c.word('NULL')) col.notNull = true;
    else if (c.word('DEFAULT')) col.default = c.rest();
    else if (c.word('DATA') && c.word('TYPE')) col.type = c.textUntil(['USING', 'COLLATE']);
  } else if (c.word('DROP')) {
    if (c.word('NOT')) col.notNull = false;
    else if (c.word('DEFAULT')) col.default = null;
  } else if (c.word('TYPE')) col.type = c.textUntil(['USING', 'COLLATE']);
}

function drop(catalog, c) {
  if (c.word('TABLE')) {
    c.ifExists();
    catalog.tables.delete(c.name());
  } else if (c.word('INDEX')) {
    c.word('CONCURRENTLY');
    c.ifExists();
    const name = c.name();
    for (const table of catalog.tables.values()) table.indexes = table.indexes.filter((index) => index.name !== name);
  }
}

function createIndex(catalog, c, unique) {
  c.word('CONCURRENTLY');
  c.word('IF') && c.word('NOT') && c.word('EXISTS');
  const name = c.peekWord('ON') ? null : c.name();
  if (!c.word('ON')) return;
  c.word('ONLY');
  const table = catalog.tables.get(c.name());
  const method = c.word('USING') ? c.name() : null;
  const columns = c.group().map((item) => c.sub(item).rest());
  if (c.word('INCLUDE')) c.group();
  while (!c.done() && !c.peekWord('WHERE')) c.skip();
  const where = c.word('WHERE') ? c.rest() : null;
  table?.indexes.push({ name: name ?? `${table.name}_idx`, unique, columns: columns.map(stripQuotes), where, method });
}

function createPolicy(catalog, c, sql) {
  const name = c.name();
  if (!c.word('ON')) return;
  const table = catalog.tables.get(c.name());
  let command = 'ALL';
  let roles = 'PUBLIC';
  while (!c.done()) {
    if (c.word('FOR')) command = c.name().toUpperCase();
    else if (c.word('TO')) roles = c.textUntil(['USING', 'WITH']);
    else c.skip();
  }
  table?.policies.push({ name, command, roles: stripQuotes(roles), sql: `${sql};` });
}

function stripQuotes(text) {
  return text.replace(/"((?:[^"]|"")*)"/g, (_, inner) => inner.replaceAll('""', '"'));
}

function unquoteString(text) {
  return text.replace(/^'|'$/g, '').replaceAll("''", "'");
}

/** Walks a statement's tokens; every reader consumes only what it recognizes. */
class Cursor {
  /** @param {import('./sql.js').Token[]} tokens @param {string} text the statement (token offsets are in its script) */
  constructor(tokens, text, i = 0) {
    this.tokens = tokens;
    this.text = text;
    this.base = tokens[0]?.start ?? 0;
    this.i = i;
  }
  sub(tokens) {
    const sub = new Cursor(tokens, this.text);
    sub.base = this.base;
    return sub;
  }
  done() {
    return this.i >= this.tokens.length;
  }
  peek(text) {
    return this.tokens[this.i]?.text === text;
  }
  peekWord(...words) {
    const t = this.tokens[this.i];
    return !!t && (t.type === 'keyword' || t.type === 'word' || t.type === 'type') && words.includes(t.text.toUpperCase());
  }
  word(w) {
    if (!this.peekWord(w)) return false;
    this.i++;
    return true;
  }
  skip() {
    if (this.peek('(')) this.group();
    else this.i++;
  }
  ifExists() {
    if (this.peekWord('IF')) {
      this.i++;
      this.word('NOT');
      this.word('EXISTS');
    }
  }
  /** An identifier, schema-qualified or not; the schema is dropped (everything lives in one schema here). */
  name() {
    let name = '';
    do {
      const t = this.tokens[this.i++];
      if (!t) return name;
      name = t.type === 'ident' ? t.text.slice(1, -1).replaceAll('""', '"') : t.text.toLowerCase();
    } while (this.peek('.') && this.i++);
    return name;
  }
  /** `( a, b )` → the items as token lists; the cursor moves past the closing parenthesis. */
  group() {
    if (!this.peek('(')) return [];
    let depth = 0;
    const items = [[]];
    for (; this.i < this.tokens.length; this.i++) {
      const t = this.tokens[this.i];
      if (t.text === '(' && depth++ === 0) continue;
      if (t.text === ')' && --depth === 0) {
        this.i++;
        break;
      }
      if (t.text === ',' && depth === 1) items.push([]);
      else items.at(-1).push(t);
    }
    return items.filter((item) => item.length);
  }
  names() {
    return this.group().map((item) => this.sub(item).name());
  }
  /** The rest of the statement, split at top-level commas (ALTER TABLE's several actions). */
  splitTopLevel() {
    const items = [[]];
    let depth = 0;
    for (const t of this.tokens.slice(this.i)) {
      if (t.text === '(') depth++;
      if (t.text === ')') depth--;
      if (t.text === ',' && depth === 0) items.push([]);
      else items.at(-1).push(t);
    }
    this.i = this.tokens.length;
    return items.filter((item) => item.length);
  }
  /** Source text up to (not including) the next top-level keyword of `stop`, as written. */
  textUntil(stop) {
    const from = this.i;
    let depth = 0;
    while (!this.done()) {
      const t = this.tokens[this.i];
      if (depth === 0 && this.peekWord(...stop)) break;
      if (t.text === '(') depth++;
      if (t.text === ')') depth--;
      this.i++;
    }
    return this.slice(from, this.i);
  }
  rest() {
    const from = this.i;
    this.i = this.tokens.length;
    return this.slice(from, this.i);
  }
  slice(from, to) {
    if (to <= from) return '';
    return this.text.slice(this.tokens[from].start - this.base, this.tokens[to - 1].end - this.base);
  }
}

/**
 * The page's view of the schema: one entry per table with everything the browser shows, and the ERD's edges.
 * @param {any} model the result's DataModel
 * @param {{ tables: Map<string, SqlTable> }} catalog from readMigrations
 * @param {any} report report.json, read defensively: the validator's shape grows
 */
export function buildSchema(model, catalog, report) {
  const entities = Array.isArray(model?.entities) ? model.entities : [];
  const byName = new Map(entities.map((e) => [e.name, e]));
  const tenancy = model?.tenancy ?? {};
  const rootTable = byName.get(tenancy.rootEntity)?.table;
  const probes = new Map((report?.validation?.isolation?.tables ?? []).map((probe) => [probe.table, probe]));
  const relations = (Array.isArray(model?.relations) ? model.relations : []).filter((r) => r.cardinality !== 'many-to-many');

  const tableNames = [...new Set([...entities.map((e) => e.table), ...catalog.tables.keys()])];
  const tables = tableNames.map((name) => {
    const entity = entities.find((e) => e.table === name);
    const sql = catalog.tables.get(name);
    const fields = entity?.fields ?? [];
    const columns = sql
      ? sql.columns.map((col) => ({ ...col, field: fields.find((f) => f.column === col.name) }))
      : fields.map((f) => ({ name: f.column, type: f.type, notNull: f.required, default: null, field: f }));
    const modelIndexes = (model?.indexes ?? []).filter((index) => index.entity === entity?.name);
    return {
      name,
      entity,
      kind: entity?.kind ?? 'table',
      columns,
      primaryKey: sql?.primaryKey ?? fields.filter((f) => f.role === 'id').map((f) => f.column),
      foreignKeys: (sql?.foreignKeys ?? []).map((fk) => ({ ...fk, relation: relationFor(fk, name, relations, byName) })),
      indexes: (sql?.indexes ?? []).map((index) => ({ ...index, planned: plannedIndex(index, modelIndexes, fields) })),
      rls: sql?.rls ?? { enabled: false, forced: false },
      policies: sql?.policies ?? [],
      probe: probes.get(name) ?? null,
    };
  });

  const edges = tables.flatMap((table) =>
    table.foreignKeys.map((fk) => ({
      from: table.name,
      to: fk.refTable,
      name: fk.relation?.name ?? fk.columns.join(', '),
      columns: fk.columns,
      // The tenant key and created_by reach one table from every table: drawn, they hide the real structure.
      category: fk.refTable === rootTable && fk.columns.length === 1 && fk.columns[0] === tenancy.column ? 'tenant'
        : fk.relation?.name === 'createdBy' || fk.columns.at(-1) === 'created_by' ? 'audit' : 'relation',
    })));
  return { tables, edges, rootTable: rootTable ?? null, appRole: tenancy.appRole ?? null };
}

/** The model relation a foreign key implements: same tables, and its FK column is the constraint's last one. */
function relationFor(fk, table, relations, byName) {
  return relations.find((r) => {
    const from = byName.get(r.from);
    const to = byName.get(r.to);
    const column = from?.fields.find((f) => f.name === r.field)?.column;
    return from?.table === table && to?.table === fk.refTable && column === fk.columns.at(-1);
  });
}

/** The model's index behind a SQL index: its name, or the same columns in the same order. */
function plannedIndex(index, modelIndexes, fields) {
  return modelIndexes.find((m) => m.name === index.name)
    ?? modelIndexes.find((m) => !m.name && m.fields.map((name) => fields.find((f) => f.name === name)?.column ?? name).join(',') === index.columns.join(','));
}

/** Migration scripts among the artifacts, oldest first (their folders start with a timestamp). */
export function migrationPaths(artifacts) {
  return Object.keys(artifacts ?? {}).filter((path) => /^prisma\/migrations\/[^/]+\/migration\.sql$/.test(path)).sort();
}
