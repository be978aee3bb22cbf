/**
 * Existing SQLAlchemy models as reference (issue: start from what exists). The fixture is a realistic models
 * file with 15 tables in both declarative styles; the Prisma schema made from it must keep every table and
 * column name, add only the columns our conventions require, and report each departure.
 */
import { readFileSync } from 'node:fs';
import internals from '@prisma/internals';
import { afterAll, describe, expect, it } from 'vitest';
import { DataModel } from '../../src/model/index.ts';
import { parseSqlalchemy } from '../../src/tools/existing/sqlalchemy/parse.ts';
import { readExisting } from '../../src/tools/existing/index.ts';
import { reconcile } from '../../src/tools/existing/reconcile.ts';
import { resolveRelationships } from '../../src/tools/relationships/index.ts';
import { planIndexes } from '../../src/tools/indexes/plan-indexes.ts';
import { applyTenancy } from '../../src/tools/tenancy/apply-tenancy.ts';
import { emitCheckedSchema } from '../../src/tools/migration/assemble.ts';
import { runPipeline } from '../../src/graph/run.ts';
import { closeSchemaEngine } from '../../src/tools/prisma/schema-engine.ts';
import { SCHEMA_PATH } from '../../src/tools/artifacts/build-artifacts.ts';
import { serverUrl } from '../support.ts';

const fixture = (file: string) => readFileSync(new URL(`./fixtures/${file}`, import.meta.url), 'utf8');
const MODELS = fixture('crm_models.py');
/** The columns every table carries by convention; the only ones the schema may add. */
const CONVENTION_COLUMNS = ['id', 'tenant_id', 'created_at', 'updated_at', 'created_by'];

afterAll(closeSchemaEngine);

/** The passes after extraction, as the graph runs them. */
function passes(model: DataModel): DataModel {
  return DataModel.parse(applyTenancy(DataModel.parse(planIndexes(DataModel.parse(resolveRelationships(model))))));
}

async function tablesOf(schema: string): Promise<Map<string, string[]>> {
  const dmmf = await internals.getDMMF({ datamodel: [['schema.prisma', schema]] });
  return new Map(dmmf.datamodel.models.map((m) => [m.dbName ?? m.name, m.fields.filter((f) => f.kind !== 'object').map((f) => f.dbName ?? f.name)]));
}

describe('SQLAlchemy models file', () => {
  const schema = parseSqlalchemy(MODELS, 'crm_models.py');
  const table = (name: string) => schema.tables.find((t) => t.table === name)!;
  const column = (t: string, c: string) => table(t).columns.find((x) => x.column === c)!;

  it('reads every mapped class and Table() in both declarative styles', () => {
    expect(schema.tables.map((t) => t.table)).toEqual([
      'tenants', 'users', 'companies', 'contacts', 'invoices', 'invoice_lines', 'countries', 'pipelines', 'deals', 'tags',
      'activities', 'tickets', 'ticket_comments', 'user_profiles', 'deal_tags',
    ]);
    // 1.x: Column("display_name", ...) assigned to full_name; mixin columns from TimestampMixin and declared_attr.
    expect(column('users', 'display_name')).toMatchObject({ attribute: 'full_name', nullable: true, type: { type: 'string', maxLength: 120 } });
    expect(table('users').columns.map((c) => c.column)).toEqual(expect.arrayContaining(['tenant_id', 'created_at', 'updated_at']));
    expect(column('users', 'last_login_at').type).toMatchObject({ type: 'datetime', timezone: false });
    // 2.0: the annotation decides the type and nullability when mapped_column() does not.
    expect(column('deals', 'expected_close')).toMatchObject({ nullable: true, type: { type: 'date' } });
    expect(column('tickets', 'number')).toMatchObject({ nullable: false, type: { type: 'integer' } });
    expect(column('activities', 'metadata')).toMatchObject({ attribute: 'metadata_', type: { type: 'json' } });
    expect(column('pipelines', 'is_default')).toMatchObject({ nullable: false, type: { type: 'boolean' }, default: { kind: 'value', value: false } });
  });

  it('reads enums, defaults, foreign keys, relationships and __table_args__', () => {
    expect(column('deals', 'stage').type.enum).toEqual({ name: 'deal_stage', values: ['lead', 'qualified', 'proposal', 'won', 'lost'] });
    expect(column('deals', 'stage').default).toEqual({ kind: 'value', value: 'lead' });
    // A Python enum annotation: SQLAlchemy names the type after the class and stores member names.
    expect(column('tickets', 'priority').type.enum).toEqual({ name: 'ticketpriority', values: ['LOW', 'NORMAL', 'HIGH', 'URGENT'] });
    expect(column('tenants', 'plan')).toMatchObject({ type: { enum: { name: 'tenant_plan', values: ['free', 'pro', 'enterprise'] } }, default: { kind: 'value', value: 'free' } });
    expect(column('deals', 'currency').default).toEqual({ kind: 'value', value: 'EUR' });
    expect(column('tenants', 'created_at').default).toEqual({ kind: 'now' });
    expect(table('activities').foreignKeys.find((f) => f.columns[0] === 'author_id')).toMatchObject({ table: 'users', references: ['id'], relation: 'author' });
    expect(table('deals').foreignKeys.find((f) => f.columns[0] === 'company_id')).toMatchObject({ table: 'companies', onDelete: 'SetNull' });
    expect(table('tickets').foreignKeys.find((f) => f.columns[0] === 'assignee_id')).toMatchObject({ relation: 'assignee', onDelete: 'SetNull' });
    expect(table('users').indexes).toEqual([expect.objectContaining({ columns: ['tenant_id', 'email'], unique: true, name: 'uq_users_tenant_email' })]);
    expect(table('deals').indexes[1]).toMatchObject({ name: 'ix_deals_open_by_close', columns: ['tenant_id', 'expected_close'], where: 'closed_at IS NULL' });
    expect(table('tickets').indexes.map((i) => i.name)).toEqual(['uq_tickets_tenant_number', 'ix_tickets_assignee_status']);
    expect(table('deal_tags').columns.filter((c) => c.primaryKey).map((c) => c.column)).toEqual(['deal_id', 'tag_id']);
    expect(schema.problems).toEqual([expect.objectContaining({ line: 123, message: expect.stringContaining('check constraints are not carried over') })]);
  });

  it('becomes a Prisma schema whose tables and columns carry the models\' names', async () => {
    const existing = await readExisting({ kind: 'sqlalchemy', text: MODELS, file: 'crm_models.py' });
    const { model } = reconcile(DataModel.parse({ entities: [] }), existing);
    const tables = await tablesOf(emitCheckedSchema(passes(model)));
    expect([...tables.keys()].sort()).toEqual(schema.tables.map((t) => t.table).sort());
    for (const t of schema.tables) {
      const columns = tables.get(t.table)!;
      expect(columns, t.table).toEqual(expect.arrayContaining(t.columns.map((c) => c.column)));
      const added = columns.filter((c) => !t.columns.some((x) => x.column === c));
      expect(added.filter((c) => !CONVENTION_COLUMNS.includes(c)), `${t.table} gains only convention columns`).toEqual([]);
    }
    expect(model.tenancy).toMatchObject({ rootEntity: 'Tenant', userEntity: 'User', field: 'tenantId', column: 'tenant_id', setting: 'app.current_tenant_id' });
  });

  it('reports every departure from our conventions', async () => {
    const { findings, model } = await readExisting({ kind: 'sqlalchemy', text: MODELS, file: 'crm_models.py' });
    const by = (rule: string) => findings.filter((f) => f.ruleId === rule).map((f) => f.target);
    expect(by('existing-integer-id')).toEqual(['companies.id', 'invoice_lines.id']);
    expect(by('existing-timestamp-without-time-zone')).toEqual(['users.last_login_at']);
    expect(by('existing-missing-tenant-key')).toEqual(['invoice_lines', 'deal_tags']);
    expect(by('existing-global-table')).toEqual(['countries']);
    expect(by('existing-tenant-key')).toEqual(['tenant_id']);
    expect(by('existing-foreign-key-kept-as-column')).toEqual(['companies.country_code']);
    expect(by('existing-primary-key-replaced')).toEqual(['countries', 'deal_tags']);
    expect(by('existing-missing-audit-column').length).toBe(3);
    expect(by('existing-not-understood')).toEqual(['crm_models.py:123']);
    const kinds = Object.fromEntries(model.entities.map((e) => [e.table, e.kind]));
    expect(kinds).toMatchObject({ tenants: 'tenant-root', users: 'tenant', invoice_lines: 'tenant', countries: 'global', deal_tags: 'junction' });
    expect(model.relations.find((r) => r.from === 'UserProfile')).toMatchObject({ name: 'user', cardinality: 'one-to-one', onDelete: 'Cascade' });
  });

  it('reads aliases, Optional[...], X | None and reports syntax it cannot read with its line', () => {
    const text = [
      'import sqlalchemy as sa',
      'from sqlalchemy import Enum as SAEnum',
      'from sqlalchemy.orm import Mapped, mapped_column as col',
      'from typing import Optional',
      'class Base(sa.orm.DeclarativeBase):',
      '    pass',
      'class Note(Base):',
      '    __tablename__ = "notes"',
      '    id: Mapped[int] = col(primary_key=True)',
      '    title = sa.Column(sa.String(40), nullable=False)',
      '    tone: Mapped[Optional[str]] = col(SAEnum("calm", "loud", name="note_tone"))',
      '    body: Mapped[str | None]',
      '    broken = sa.Column(sa.String(10)',
      '    done: Mapped[bool] = col(server_default=sa.text("false"))',
    ].join('\n');
    const notes = parseSqlalchemy(text).tables[0]!;
    expect(notes.columns.map((c) => [c.column, c.type.type, c.nullable])).toEqual([
      ['id', 'integer', false], ['title', 'string', false], ['tone', 'enum', true], ['body', 'string', true], ['broken', 'string', true], ['done', 'boolean', false],
    ]);
    expect(notes.columns.at(-1)!.default).toEqual({ kind: 'value', value: false });
    expect(parseSqlalchemy(text).problems.map((p) => p.line)).toContain(13);
  });
});

const engines: Array<[string, string | undefined]> = [serverUrl ? ['PostgreSQL server', serverUrl] : ['PGlite', undefined]];

describe.each(engines)('a PRD extending the SQLAlchemy models, validated on %s', (_engine, databaseUrl) => {
  it('reuses the existing tables, names and tenant key, adds what the PRD adds, and proves isolation', async () => {
    const result = await runPipeline(
      { kind: 'prd', text: fixture('crm-quotes.md'), name: 'pipewise' },
      { databaseUrl, existing: { kind: 'sqlalchemy', text: MODELS, file: 'crm_models.py' } },
    );
    expect(result.report.findings.filter((f) => f.level === 'error')).toEqual([]);
    expect(result.valid).toBe(true);
    const tables = await tablesOf(result.artifacts[SCHEMA_PATH]!);
    // No duplicates of existing tables; the PRD's new entity and field are there; the tenant key is tenant_id.
    expect([...tables.keys()].sort()).toEqual([...schema().tables.map((t) => t.table), 'quotes'].sort());
    expect(tables.get('deals')).toEqual(expect.arrayContaining(['probability', 'title', 'stage', 'tenant_id']));
    expect(tables.get('contacts')).toEqual(expect.arrayContaining(['linkedin_url', 'first_name']));
    expect(tables.get('quotes')).toEqual(expect.arrayContaining(['tenant_id', 'deal_id', 'reference', 'valid_until']));
    expect(tables.get('quotes')).not.toContain('org_id');
    expect(result.report.tenancy).toMatchObject({ column: 'tenant_id', setting: 'app.current_tenant_id', rootTable: 'tenants' });
    expect(result.report.validation!.isolation!.tables.filter((t) => !t.passed)).toEqual([]);
    const kept = result.report.findings.find((f) => f.ruleId === 'existing-definition-kept' && f.target === 'deals.title');
    expect(kept?.message).toContain('string(200)');
  });
});

function schema() {
  return parseSqlalchemy(MODELS, 'crm_models.py');
}
