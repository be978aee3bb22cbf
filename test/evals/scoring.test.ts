/**
 * Pins the README's tricky scoring rules on hand-built catalogs and small gold objects. Every case has a
 * negative twin, so a loosened rule makes a test fail.
 */
import { describe, expect, it } from 'vitest';
import type { Catalog, CatalogForeignKey, CatalogIndex, CatalogPolicy, CatalogTable } from '../../src/tools/database/catalog.ts';
import { scoreEntityPrecision, scoreEntityRecall } from '../../evals/score/entities.ts';
import { scoreFields } from '../../evals/score/fields.ts';
import { scoreForeignKeyIndexes } from '../../evals/score/fk-index.ts';
import { parseGold, type Gold } from '../../evals/score/gold.ts';
import { scoreManyToMany } from '../../evals/score/many-to-many.ts';
import { scoreNaturalKeys } from '../../evals/score/natural-keys.ts';
import { scorePartialIndexes } from '../../evals/score/partial-indexes.ts';
import { scoreQueryPatterns } from '../../evals/score/query-patterns.ts';
import { scoreReferenceData } from '../../evals/score/reference-data.ts';
import { scoreRelationships } from '../../evals/score/relationships.ts';
import { scoreRls } from '../../evals/score/rls.ts';
import { failedScores, scoreSchema } from '../../evals/score/score.ts';
import { scoreTenant } from '../../evals/score/tenant.ts';

// ---- builders -------------------------------------------------------------------------------------------

interface TableSpec {
  /** "name" nullable, "name!" NOT NULL; id and org_id are added unless `global`. */
  columns?: string[];
  global?: boolean;
  fks?: Array<{ columns: string[]; to: string; onDelete?: string }>;
  indexes?: Array<{ columns: string[]; unique?: boolean; where?: string }>;
  primaryKey?: string[];
  rls?: { enabled: boolean; forced: boolean; policies: CatalogPolicy[] };
  rows?: number;
}

function table(name: string, spec: TableSpec = {}): CatalogTable {
  const names = [...(spec.primaryKey ? [] : ['id!']), ...(spec.global ? [] : ['org_id!']), ...(spec.columns ?? [])];
  const fks: CatalogForeignKey[] = (spec.fks ?? []).map((fk, i) => ({
    name: `${name}_fk${i}`,
    columns: fk.columns,
    refTable: fk.to,
    refColumns: fk.columns.map((c) => (c === 'org_id' ? 'org_id' : 'id')),
    onDelete: fk.onDelete ?? 'Restrict',
    onUpdate: 'Cascade',
    onDeleteSetColumns: null,
  }));
  if (!spec.global) fks.push({ name: `${name}_org_fk`, columns: ['org_id'], refTable: 'organizations', refColumns: ['id'], onDelete: 'Cascade', onUpdate: 'Cascade', onDeleteSetColumns: null });
  const primaryKey = spec.primaryKey ?? ['id'];
  const indexes: CatalogIndex[] = [
    { name: `${name}_pkey`, columns: primaryKey, unique: true, primary: true, predicate: null, definition: '' },
    ...(spec.indexes ?? []).map((ix, i) => ({
      name: `${name}_ix${i}`,
      columns: ix.columns,
      unique: ix.unique ?? false,
      primary: false,
      predicate: ix.where ?? null,
      definition: '',
    })),
  ];
  return {
    name,
    columns: names.map((c) => ({ name: c.replace(/!$/, ''), type: 'text', notNull: c.endsWith('!'), default: null, enumValues: null })),
    primaryKey,
    foreignKeys: fks,
    indexes,
    rlsEnabled: spec.rls?.enabled ?? false,
    rlsForced: spec.rls?.forced ?? false,
    policies: spec.rls?.policies ?? [],
    rowCount: spec.rows ?? 0,
  };
}

const organizations = table('organizations', { global: true, columns: ['name!'] });
const catalog = (...tables: CatalogTable[]): Catalog => ({ tables: [organizations, ...tables] });

const ORG = { name: 'Organization', tables: ['organizations', 'orgs'], tenantScoped: false, tenantRoot: true as const, fields: [], naturalKeys: [] };

function gold(partial: Partial<Gold>): Gold {
  return parseGold(
    {
      prd: 'test.md',
      tenantKey: 'org_id',
      relationships: [],
      manyToMany: [],
      queryPatterns: [],
      partialIndexes: [],
      referenceData: [],
      ...partial,
      entities: [ORG, ...(partial.entities ?? [])],
    },
    'test.gold.json',
  );
}

const entity = (tables: string[], extra: Partial<Gold['entities'][number]> = {}): Gold['entities'][number] => ({
  name: tables[0] ?? 'x',
  tables,
  tenantScoped: true,
  fields: [],
  naturalKeys: [],
  ...extra,
});

const policy = (command: string, using: string | null, withCheck: string | null = null): CatalogPolicy => ({
  name: `p_${command}`,
  command,
  roles: ['app_user'],
  permissive: true,
  using,
  withCheck,
});
const TENANT_EXPR = "(org_id = ( SELECT (NULLIF(current_setting('app.current_org_id'::text, true), ''::text))::uuid AS \"nullif\"))";

// ---- natural keys -------------------------------------------------------------------------------------------

describe('natural keys', () => {
  const projects = table('projects', { columns: ['name!'] });
  const g = gold({
    entities: [
      entity(['projects']),
      entity(['tasks'], { naturalKeys: [[['project_id'], ['number', 'task_number']]] }),
      entity(['devices'], { naturalKeys: [[['serial_number', 'serial']]] }),
      entity(['customers'], { naturalKeys: [[['org_id'], ['email']]] }),
    ],
  });

  it('accepts org_id added to a key that has a column referencing a tenant-scoped table', () => {
    const tasks = table('tasks', { columns: ['project_id!', 'number!'], fks: [{ columns: ['org_id', 'project_id'], to: 'projects' }], indexes: [{ columns: ['org_id', 'project_id', 'number'], unique: true }] });
    expect(scoreNaturalKeys(catalog(projects, tasks), g).misses.filter((m) => m.startsWith('tasks'))).toEqual([]);
  });

  it('refuses org_id added when the other key column references no tenant-scoped table', () => {
    const tasks = table('tasks', { columns: ['project_id!', 'number!'], indexes: [{ columns: ['org_id', 'project_id', 'number'], unique: true }] });
    expect(scoreNaturalKeys(catalog(projects, tasks), g).misses.some((m) => m.startsWith('tasks'))).toBe(true);
  });

  it('(org_id, serial_number) does not satisfy the global key [serial_number]; a unique serial_number does', () => {
    const scoped = table('devices', { columns: ['serial_number!'], indexes: [{ columns: ['org_id', 'serial_number'], unique: true }] });
    const global = table('devices', { columns: ['serial_number!'], indexes: [{ columns: ['serial_number'], unique: true }] });
    expect(scoreNaturalKeys(catalog(scoped), g).misses.some((m) => m.startsWith('devices'))).toBe(true);
    expect(scoreNaturalKeys(catalog(global), g).misses.some((m) => m.startsWith('devices'))).toBe(false);
  });

  it('a unique email alone does not satisfy [org_id, email]; (email, org_id) in any order does', () => {
    const alone = table('customers', { columns: ['email!'], indexes: [{ columns: ['email'], unique: true }] });
    const scoped = table('customers', { columns: ['email!'], indexes: [{ columns: ['email', 'org_id'], unique: true }] });
    expect(scoreNaturalKeys(catalog(alone), g).misses.some((m) => m.startsWith('customers'))).toBe(true);
    expect(scoreNaturalKeys(catalog(scoped), g).misses.some((m) => m.startsWith('customers'))).toBe(false);
  });

  it('counts partial and expression unique indexes, but not plain indexes', () => {
    const partial = table('customers', { columns: ['email!'], indexes: [{ columns: ['org_id', 'email'], unique: true, where: '(deleted_at IS NULL)' }] });
    const plain = table('customers', { columns: ['email!'], indexes: [{ columns: ['org_id', 'email'] }] });
    expect(scoreNaturalKeys(catalog(partial), g).misses.some((m) => m.startsWith('customers'))).toBe(false);
    expect(scoreNaturalKeys(catalog(plain), g).misses.some((m) => m.startsWith('customers'))).toBe(true);
  });

  it('lets org_id join any key of a single-tenant (peer) gold', () => {
    const peer = parseGold(
      { prd: 'p.md', tenantKey: 'org_id', multiTenant: false, entities: [entity(['brands'], { tenantScoped: false, naturalKeys: [[['code']]] })], relationships: [], manyToMany: [], queryPatterns: [], partialIndexes: [], referenceData: [] },
      'p.gold.json',
    );
    const brands = table('brands', { columns: ['code!'], indexes: [{ columns: ['org_id', 'code'], unique: true }] });
    expect(scoreNaturalKeys(catalog(brands), peer).score).toBe(1);
  });
});

// ---- query patterns -----------------------------------------------------------------------------------------

describe('query patterns', () => {
  const g = gold({
    entities: [entity(['tickets']), entity(['tasks'])],
    queryPatterns: [
      { table: ['tickets'], columns: [['status'], ['priority']], note: 'Q1' },
      { table: ['tickets'], columns: [['assignee_id'], ['status']], sortOrRange: [['updated_at']], note: 'Q2' },
      { table: ['tasks'], columns: [['org_id']], sortOrRange: [['due_date']], note: 'Q3' },
    ],
  });
  const covered = (t: CatalogTable[], note: string, relaxed = false): boolean => {
    const scores = scoreQueryPatterns(catalog(...t), g);
    return !(relaxed ? scores.queryPatternsRelaxed : scores.queryPatterns).misses.some((m) => m.includes(`(${note})`));
  };
  const tasks = table('tasks', { columns: ['due_date'], indexes: [{ columns: ['org_id', 'due_date'] }] });

  it('(org_id, status, priority, created_at) covers [[status], [priority]]; two single indexes do not', () => {
    expect(covered([table('tickets', { indexes: [{ columns: ['org_id', 'status', 'priority', 'created_at'] }] }), tasks], 'Q1')).toBe(true);
    expect(covered([table('tickets', { indexes: [{ columns: ['status'] }, { columns: ['priority'] }] }), tasks], 'Q1')).toBe(false);
    expect(covered([table('tickets', { indexes: [{ columns: ['org_id', 'status', 'created_at', 'priority'] }] }), tasks], 'Q1')).toBe(false);
  });

  it('equality columns in any order, then sortOrRange immediately after', () => {
    expect(covered([table('tickets', { indexes: [{ columns: ['org_id', 'status', 'assignee_id', 'updated_at'] }] }), tasks], 'Q2')).toBe(true);
    expect(covered([table('tickets', { indexes: [{ columns: ['org_id', 'assignee_id', 'updated_at', 'status'] }] }), tasks], 'Q2')).toBe(false);
    expect(covered([table('tickets', { indexes: [{ columns: ['org_id', 'assignee_id', 'status'] }] }), tasks], 'Q2')).toBe(false);
  });

  it('the relaxed variant allows columns between equality and sort columns; the strict one does not', () => {
    const t = table('tickets', { indexes: [{ columns: ['org_id', 'assignee_id', 'status', 'priority', 'updated_at'] }] });
    expect(covered([t, tasks], 'Q2')).toBe(false);
    expect(covered([t, tasks], 'Q2', true)).toBe(true);
  });

  it('does not skip org_id when the pattern lists it', () => {
    expect(covered([table('tickets'), tasks], 'Q3')).toBe(true);
    expect(covered([table('tickets'), table('tasks', { columns: ['due_date'], indexes: [{ columns: ['due_date'] }] })], 'Q3')).toBe(false);
  });
});

// ---- partial indexes ----------------------------------------------------------------------------------------

describe('partial indexes', () => {
  const g = gold({
    entities: [entity(['sla_policies']), entity(['tickets']), entity(['deals']), entity(['deal_contacts'])],
    partialIndexes: [
      { table: ['sla_policies'], columns: [['org_id']], unique: true, wherePredicateMentions: ['is_active', 'active'] },
      { table: ['tickets'], columns: [['created_at']], unique: false, wherePredicateMentions: ['assignee_id'] },
      { table: ['deal_contacts'], columns: [['deal_id']], unique: true, wherePredicateMentions: ['is_primary'] },
    ],
  });
  const ok = (tables: CatalogTable[], name: string): boolean => !scorePartialIndexes(catalog(...tables), g).misses.some((m) => m.startsWith(name));

  it('needs the uniqueness the entry asks for, and a predicate', () => {
    expect(ok([table('sla_policies', { indexes: [{ columns: ['org_id'], unique: true, where: '(is_active = true)' }] })], 'sla_policies')).toBe(true);
    expect(ok([table('sla_policies', { indexes: [{ columns: ['org_id'], where: '(is_active = true)' }] })], 'sla_policies')).toBe(false);
    expect(ok([table('sla_policies', { indexes: [{ columns: ['org_id'], unique: true }] })], 'sla_policies')).toBe(false);
  });

  it('needs the predicate to mention an alias as a whole word', () => {
    expect(ok([table('sla_policies', { indexes: [{ columns: ['org_id'], unique: true, where: '(deleted_at IS NULL)' }] })], 'sla_policies')).toBe(false);
    expect(ok([table('sla_policies', { indexes: [{ columns: ['org_id'], unique: true, where: "(state = 'active'::text)" }] })], 'sla_policies')).toBe(true);
    expect(ok([table('sla_policies', { indexes: [{ columns: ['org_id'], unique: true, where: '(inactive_since IS NULL)' }] })], 'sla_policies')).toBe(false);
  });

  it('a non-unique entry needs every listed column somewhere in the index', () => {
    expect(ok([table('tickets', { indexes: [{ columns: ['org_id', 'created_at'], where: '(assignee_id IS NULL)' }] })], 'tickets')).toBe(true);
    expect(ok([table('tickets', { indexes: [{ columns: ['org_id', 'status'], where: '(assignee_id IS NULL)' }] })], 'tickets')).toBe(false);
  });

  it('a unique entry needs the exact column set, org_id allowed only under the natural-key rule', () => {
    const deals = table('deals');
    const withFk = (columns: string[]): CatalogTable =>
      table('deal_contacts', { columns: ['deal_id!'], fks: [{ columns: ['org_id', 'deal_id'], to: 'deals' }], indexes: [{ columns, unique: true, where: '(is_primary)' }] });
    expect(ok([deals, withFk(['org_id', 'deal_id'])], 'deal_contacts')).toBe(true);
    expect(ok([deals, withFk(['deal_id', 'contact_id'])], 'deal_contacts')).toBe(false);
    const noFk = table('deal_contacts', { columns: ['deal_id!'], indexes: [{ columns: ['org_id', 'deal_id'], unique: true, where: '(is_primary)' }] });
    expect(ok([deals, noFk], 'deal_contacts')).toBe(false);
  });
});

// ---- relationships ------------------------------------------------------------------------------------------

describe('relationships', () => {
  const g = gold({
    entities: [entity(['projects']), entity(['users']), entity(['tasks'])],
    relationships: [
      { from: ['tasks'], to: ['projects'], fk: ['project_id'], kind: 'many-to-one', required: true, onDelete: ['Cascade'] },
      { from: ['tasks'], to: ['users'], fk: ['assignee_id'], kind: 'many-to-one', required: false, onDelete: ['SetNull'] },
      { from: ['tasks'], to: ['users'], fk: ['reporter_id'], kind: 'many-to-one', required: true },
    ],
  });
  const base = [table('projects'), table('users', { columns: ['email!'] })];

  it('counts a composite (org_id, project_id) FK by its non-org column, with its nullability and action', () => {
    const tasks = table('tasks', {
      columns: ['project_id!', 'assignee_id', 'reporter_id!'],
      fks: [
        { columns: ['org_id', 'project_id'], to: 'projects', onDelete: 'Cascade' },
        { columns: ['org_id', 'reporter_id'], to: 'users' },
        { columns: ['org_id', 'assignee_id'], to: 'users', onDelete: 'SetNull' },
      ],
    });
    const scores = scoreRelationships(catalog(...base, tasks), g);
    expect(scores.relationshipRecall.score).toBe(1);
    expect(scores.fkNullability.score).toBe(1);
    expect(scores.onDelete.score).toBe(1);
  });

  it('assigns FKs by alias first, so a swapped action is caught on the right relationship', () => {
    const tasks = table('tasks', {
      columns: ['project_id!', 'assignee_id', 'reporter_id!'],
      fks: [
        { columns: ['project_id'], to: 'projects', onDelete: 'Restrict' },
        { columns: ['reporter_id'], to: 'users', onDelete: 'SetNull' },
        { columns: ['assignee_id'], to: 'users', onDelete: 'Cascade' },
      ],
    });
    const scores = scoreRelationships(catalog(...base, tasks), g);
    expect(scores.relationshipRecall.score).toBe(1);
    expect(scores.onDelete.hit).toBe(0);
    expect(scores.onDelete.misses.join('\n')).toContain('tasks(assignee_id) → users: onDelete Cascade');
  });

  it('never lets the org_id or created_by FK stand in for a business relationship', () => {
    const tasks = table('tasks', { columns: ['created_by'], fks: [{ columns: ['created_by'], to: 'users', onDelete: 'SetNull' }] });
    expect(scoreRelationships(catalog(...base, tasks), g).relationshipRecall.hit).toBe(0);
    const toOrg = gold({ entities: [entity(['tasks'])], relationships: [{ from: ['tasks'], to: ['organizations', 'orgs'], fk: ['organization_id'], kind: 'many-to-one' }] });
    expect(scoreRelationships(catalog(table('tasks')), toOrg).relationshipRecall.hit).toBe(0);
    const withOwnFk = table('tasks', { columns: ['owner_org_id'], fks: [{ columns: ['owner_org_id'], to: 'organizations' }] });
    expect(scoreRelationships(catalog(withOwnFk), toOrg).relationshipRecall.hit).toBe(1);
  });

  it('one-to-one needs a unique key on the FK column', () => {
    const o2o = gold({ entities: [entity(['customers']), entity(['customer_pii'])], relationships: [{ from: ['customer_pii'], to: ['customers'], fk: ['customer_id'], kind: 'one-to-one' }] });
    const pii = (unique: boolean): CatalogTable =>
      table('customer_pii', { columns: ['customer_id!'], fks: [{ columns: ['org_id', 'customer_id'], to: 'customers' }], indexes: [{ columns: ['org_id', 'customer_id'], unique }] });
    expect(scoreRelationships(catalog(table('customers'), pii(true)), o2o).relationshipRecall.score).toBe(1);
    expect(scoreRelationships(catalog(table('customers'), pii(false)), o2o).relationshipRecall.score).toBe(0);
  });
});

// ---- FK index coverage --------------------------------------------------------------------------------------

describe('FK index coverage', () => {
  it('an index led by org_id does not cover a project_id FK', () => {
    const tasks = table('tasks', { columns: ['project_id'], fks: [{ columns: ['project_id'], to: 'projects' }], indexes: [{ columns: ['org_id', 'project_id'] }] });
    const result = scoreForeignKeyIndexes(catalog(table('projects', { indexes: [{ columns: ['org_id'] }] }), tasks));
    expect(result.misses).toEqual(['tasks(project_id) → projects: no index leads with these columns']);
  });

  it('a composite FK is covered by an index leading with its columns in any order', () => {
    const tasks = table('tasks', { columns: ['project_id'], fks: [{ columns: ['org_id', 'project_id'], to: 'projects' }], indexes: [{ columns: ['project_id', 'org_id', 'status'] }, { columns: ['org_id'] }] });
    const result = scoreForeignKeyIndexes(catalog(table('projects', { indexes: [{ columns: ['org_id'] }] }), tasks));
    expect(result.score).toBe(1);
  });
});

// ---- many-to-many -------------------------------------------------------------------------------------------

describe('many-to-many', () => {
  const g = gold({
    entities: [entity(['tickets']), entity(['tags'])],
    manyToMany: [{ a: ['tickets'], b: ['tags'], junction: ['ticket_tags', 'taggings'] }],
  });
  const sides = [table('tickets'), table('tags')];
  const junction = (name: string, key: string[]): CatalogTable =>
    table(name, {
      columns: ['ticket_id!', 'tag_id!'],
      fks: [{ columns: ['org_id', 'ticket_id'], to: 'tickets' }, { columns: ['org_id', 'tag_id'], to: 'tags' }],
      indexes: [{ columns: key, unique: true }],
    });

  it('matches a junction structurally without its alias, and keeps it out of entity precision', () => {
    const c = catalog(...sides, junction('ticket_labels', ['org_id', 'tag_id', 'ticket_id']));
    expect(scoreManyToMany(c, g).score).toBe(1);
    expect(scoreEntityPrecision(c, g).score).toBe(1);
  });

  it('needs a key on exactly the two FK columns', () => {
    expect(scoreManyToMany(catalog(...sides, junction('ticket_tags', ['ticket_id'])), g).score).toBe(0);
    expect(scoreManyToMany(catalog(...sides, junction('ticket_labels', ['ticket_id', 'tag_id', 'position'])), g).score).toBe(0);
  });

  it("does not count Prisma's implicit _AToB tables", () => {
    const implicit = table('_TagToTicket', {
      global: true,
      primaryKey: ['A', 'B'],
      columns: ['A!', 'B!'],
      fks: [{ columns: ['A'], to: 'tags' }, { columns: ['B'], to: 'tickets' }],
      indexes: [{ columns: ['A', 'B'], unique: true }],
    });
    expect(scoreManyToMany(catalog(...sides, implicit), g).score).toBe(0);
  });
});

// ---- reference data -----------------------------------------------------------------------------------------

describe('reference data', () => {
  const g = gold({
    entities: [entity(['currencies'], { tenantScoped: false })],
    referenceData: [{ tables: ['currencies'], minRows: 3, global: true, keyColumn: ['code', 'iso_code'], mustInclude: ['USD', 'eur'] }],
  });
  const currencies = (rows: number, global = true): CatalogTable => table('currencies', { global, columns: ['code!'], rows });

  it('compares mustInclude values case-insensitively in a keyColumn', () => {
    expect(scoreReferenceData(catalog(currencies(3)), g, { currencies: { code: ['usd', 'EUR', 'GBP'] } }).score).toBe(1);
    expect(scoreReferenceData(catalog(currencies(3)), g, { currencies: { code: ['usd', 'GBP', 'JPY'] } }).misses).toEqual(['currencies: missing eur in [code|iso_code]']);
    expect(scoreReferenceData(catalog(currencies(3)), g, { currencies: { name: ['USD', 'EUR'] } }).score).toBe(0);
  });

  it('needs minRows and, for global data, no org_id', () => {
    expect(scoreReferenceData(catalog(currencies(2)), g, { currencies: { code: ['USD', 'EUR'] } }).score).toBe(0);
    expect(scoreReferenceData(catalog(currencies(3, false)), g, { currencies: { code: ['USD', 'EUR', 'X'] } }).score).toBe(0);
  });
});

// ---- entities, fields, tenancy, RLS ---------------------------------------------------------------------------

describe('entities and fields', () => {
  const g = gold({
    entities: [entity(['tickets', 'issues'], { fields: [{ names: ['subject', 'title'], required: true }, { names: ['closed_at'], required: false }] }), entity(['agents'])],
    allowedExtraTables: ['ticket_addresses'],
  });

  it('prefers the earliest alias and scores fields and nullability on it', () => {
    const c = catalog(table('issues', { columns: ['title'] }), table('tickets', { columns: ['subject', 'closed_at'] }), table('ticket_addresses'), table('loyalty_accounts'));
    expect(scoreEntityRecall(c, g).misses).toEqual(['agents: no table named agents']);
    expect(scoreEntityPrecision(c, g)).toMatchObject({ hit: 3, total: 4, misses: ['loyalty_accounts: matches no gold entity'] });
    const fields = scoreFields(c, g);
    expect(fields.fieldRecall.score).toBe(1);
    expect(fields.nullability.misses).toEqual(['tickets.subject: nullable, gold says required']);
  });

  it('counts convention tables against precision for our golds but not for single-tenant ones', () => {
    const peer = { ...g, multiTenant: false, entities: g.entities.filter((e) => !e.tenantRoot).map((e) => ({ ...e, tenantScoped: false })) };
    const users = table('users', { global: true, columns: ['email!'] });
    const tickets = table('tickets', { columns: ['subject!', 'created_by'], fks: [{ columns: ['created_by'], to: 'users' }] });
    const c: Catalog = { tables: [organizations, users, tickets, table('agents')] };
    expect(scoreEntityPrecision(c, g).misses).toEqual(['users: matches no gold entity (convention table)']);
    expect(scoreEntityPrecision(c, peer)).toMatchObject({ score: 1, total: 2 });
    expect(scoreSchema(c, peer).conventionTables.sort()).toEqual(['organizations', 'users']);
  });
});

describe('tenancy and RLS', () => {
  const g = gold({
    entities: [entity(['projects']), entity(['countries'], { tenantScoped: false })],
  });

  it('tenant coverage needs a NOT NULL org_id that references the organizations table', () => {
    const good = table('projects');
    const noFk: CatalogTable = { ...table('projects'), foreignKeys: [] };
    const nullable: CatalogTable = { ...table('projects'), columns: table('projects').columns.map((c) => ({ ...c, notNull: false })) };
    expect(scoreTenant(catalog(good), g).tenantCoverage.score).toBe(1);
    expect(scoreTenant(catalog(noFk), g).tenantCoverage.misses).toEqual(['projects: org_id does not reference organizations']);
    expect(scoreTenant(catalog(nullable), g).tenantCoverage.misses).toEqual(['projects: org_id is nullable']);
    const onlyComposite = table('projects', { columns: ['parent_id'], fks: [{ columns: ['org_id', 'parent_id'], to: 'projects' }] });
    onlyComposite.foreignKeys = onlyComposite.foreignKeys.filter((fk) => fk.refTable !== 'organizations');
    expect(scoreTenant(catalog(onlyComposite), g).tenantCoverage.score).toBe(0);
  });

  it('reports global leakage and unscoped extras as counts', () => {
    const scores = scoreTenant(catalog(table('projects'), table('countries'), table('audit_events', { global: true }), table('currencies', { global: true, rows: 5 })), g);
    expect(scores.globalLeakage).toMatchObject({ hit: 1, total: 2 });
    expect(scores.unscopedExtras.misses).toEqual(['audit_events: not in the gold, no org_id, not seeded']);
  });

  it('needs a tenant policy for all four commands; FORCE is reported separately', () => {
    const all = table('projects', { rls: { enabled: true, forced: false, policies: [policy('ALL', TENANT_EXPR)] } });
    const selectOnly = table('projects', { rls: { enabled: true, forced: true, policies: [policy('SELECT', TENANT_EXPR)] } });
    const disabled = table('projects', { rls: { enabled: false, forced: false, policies: [policy('ALL', TENANT_EXPR)] } });
    const a = scoreRls(catalog(all), g);
    expect(a.rlsCoverage.score).toBe(1);
    expect(a.rlsForced.score).toBe(0);
    expect(scoreRls(catalog(selectOnly), g).rlsCoverage.misses).toEqual(['projects: no tenant policy for INSERT, UPDATE, DELETE']);
    expect(scoreRls(catalog(disabled), g).rlsCoverage.score).toBe(0);
  });

  it('accepts only the reported setting when one is known', () => {
    const t = table('projects', { rls: { enabled: true, forced: true, policies: [policy('ALL', TENANT_EXPR)] } });
    expect(scoreRls(catalog(t), g, { setting: 'app.current_org_id' }).rlsForced.score).toBe(1);
    expect(scoreRls(catalog(t), g, { setting: 'app.tenant' }).rlsCoverage.score).toBe(0);
  });
});

// ---- failure and gold validation ------------------------------------------------------------------------------

describe('failed migration and gold validation', () => {
  it('scores 0 where the gold has something to score and null elsewhere', () => {
    const g = gold({ entities: [entity(['projects'])], queryPatterns: [] });
    const failed = failedScores(g, 'migration failed: boom');
    expect(failed.metrics.entityRecall).toMatchObject({ score: 0, hit: 0, total: 2 });
    expect(failed.metrics.fkIndexCoverage.score).toBe(0);
    expect(failed.metrics.queryPatterns.score).toBeNull();
  });

  it('names the path of a malformed gold entry', () => {
    expect(() => parseGold({ prd: 'x', tenantKey: 'org_id', entities: [{ name: 'A', tables: ['As'], tenantScoped: true, fields: [], naturalKeys: [] }] }, 'bad.gold.json')).toThrow(
      /bad\.gold\.json[\s\S]*entities\[0\]\.tables\[0\][\s\S]*relationships/,
    );
  });

  it('refuses a relationship alias list that repeats no entity list', () => {
    const bad = { prd: 'x', tenantKey: 'org_id', entities: [ORG, entity(['tasks', 'todos'])], relationships: [{ from: ['tasks'], to: ['organizations', 'orgs'], kind: 'many-to-one' }], manyToMany: [], queryPatterns: [], partialIndexes: [], referenceData: [] };
    expect(() => parseGold(bad, 'x.gold.json')).toThrow(/relationships\[0\]\.from/);
  });
});
