/**
 * The tenant-isolation probe (evals/README "Tenant-isolation probe"). It reads the schema from the catalog only,
 * so it judges any multi-tenant schema, not just ours:
 *
 * 1. a probe role (non-superuser, no BYPASSRLS, owns nothing) with DML on every table, and membership in the
 *    application role so that the policies written for that role apply to it;
 * 2. organizations A and B, created as the owner;
 * 3. with A's context, one row per tenant table in FK order (then the same for B, for the reference check);
 * 4. with B's context: A's rows are invisible, UPDATE/DELETE of them touch nothing, an INSERT for A is refused;
 * 5. with no context: nothing is visible (or the query fails: fail closed);
 * 6. apart from the score: with B's context, a row whose FK points at A's parent row must be refused.
 *
 * Everything runs in one transaction that is rolled back, so the probe leaves nothing behind: not the rows, not
 * the role (roles are cluster-wide on a server). The probe's own statements that may fail run in batches, each
 * statement in a subtransaction of its own inside a temporary PL/pgSQL function (ATTEMPT_FUNCTION): one round
 * trip for the tables of one FK level instead of two per table, with the same outcome per statement as a
 * savepoint around each. The statements themselves, and the role and tenant context they run under, are those
 * an application would send.
 *
 * Strict mode (`connect` given, on a server): the probe role is a LOGIN role and steps 3 to 6 run on a second
 * connection logged in as it, with no SET ROLE anywhere: a session that cannot switch to a more powerful role,
 * as the application's own. That connection cannot see uncommitted work, so the set-up (role, grants,
 * organizations, global rows) is committed first and removed afterwards, the role dropped in every case.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import type { Catalog, CatalogColumn, CatalogForeignKey, CatalogTable } from '../database/catalog.ts';
import type { Database } from '../database/database.ts';
import { quoteCatalogIdent as q, readCatalog } from '../database/read-catalog.ts';
import { quoteIdent, quoteLiteral } from '../sql/quote.ts';
import { loginRoleSql, randomPassword, type ConnectAs } from './app-session.ts';

export interface IsolationOptions {
  /** The tenant key column; every table that has it is probed. */
  tenantColumn: string;
  /** The session setting the policies read, set with set_config(setting, orgId, true). */
  setting: string;
  /** The tenant root table (organizations). */
  rootTable: string;
  /** The role the application connects as. Absent: every non-superuser role the policies name. */
  appRole?: string;
  schema?: string;
  /** The schema's catalog when the caller has already read it (saves re-reading a large schema). */
  catalog?: Catalog;
  /** Strict mode: connects to the database under test as the (LOGIN) probe role. */
  connect?: ConnectAs;
}

export type IsolationCheck = 'insertOwn' | 'selectOther' | 'updateOther' | 'deleteOther' | 'insertOther' | 'noContext';

export interface CheckResult {
  passed: boolean;
  detail: string;
}

export type TableStatus = 'passed' | 'failed' | 'not-probed';

export interface TableIsolation {
  table: string;
  status: TableStatus;
  passed: boolean;
  checks: Partial<Record<IsolationCheck, CheckResult>>;
  /** Why the table failed or could not be probed. */
  error?: string;
  /** Referenced tables that had no row to point at when this table's own row was refused. */
  blockedBy?: string[];
}

export interface CrossTenantReference {
  table: string;
  foreignKey: string;
  columns: string[];
  refTable: string;
  /** rejected: B cannot point at A's row; leaked: it can; inconclusive: the probe could not tell. */
  status: 'rejected' | 'leaked' | 'inconclusive';
  detail: string;
}

export interface IsolationReport {
  probeRole: string;
  /** Roles the probe role was made a member of, so that their policies apply to it. */
  memberOf: string[];
  tables: TableIsolation[];
  totals: { tables: number; probed: number; passed: number; failed: number; notProbed: number };
  crossTenantReferences: CrossTenantReference[];
  crossTenantTotals: { checked: number; rejected: number; leaked: number; inconclusive: number };
  /** The probe could not run (for example, the organizations could not be created). */
  error?: string;
  ms: number;
}

/**
 * Needs a superuser connection (it creates a role and switches to it) outside any transaction: it opens its
 * own and rolls it back.
 */
export async function probeIsolation(db: Database, options: IsolationOptions): Promise<IsolationReport> {
  const started = performance.now();
  const schema = options.schema ?? 'public';
  const catalog = options.catalog ?? (await readCatalog(db, schema));
  const generated = await generatedColumns(db, schema);
  const probe = new Probe(db, { ...options, schema }, catalog.tables, generated);
  await probe.run();
  return probe.report(Math.round(performance.now() - started));
}

const NEXT_SAVEPOINT = 'RELEASE SAVEPOINT sw_probe; SAVEPOINT sw_probe';

/**
 * Runs each statement in a subtransaction (an exception block) and returns one row per statement, in order:
 * whether it succeeded, else its SQLSTATE, message and constraint; with `keep`, the row it returned (the
 * statements then end in RETURNING). Without `keep` a statement that succeeded is rolled back all the same
 * (SQLSTATE SWNOK, raised and caught here). SECURITY INVOKER, so every statement runs as the role and tenant
 * context of the caller. Temporary: it lives in the session's own temporary schema and goes with the probe's
 * rollback.
 */
const ATTEMPT_FUNCTION = `CREATE FUNCTION pg_temp.sw_probe_attempt(statements text[], keep boolean)
RETURNS TABLE (succeeded boolean, error_state text, error_message text, error_constraint text, returned jsonb)
LANGUAGE plpgsql AS $sw_probe$
DECLARE
  statement text;
BEGIN
  FOREACH statement IN ARRAY statements LOOP
    succeeded := true; error_state := NULL; error_message := NULL; error_constraint := NULL; returned := NULL;
    BEGIN
      IF keep THEN
        EXECUTE statement INTO returned;
      ELSE
        EXECUTE statement;
        RAISE SQLSTATE 'SWNOK';
      END IF;
    EXCEPTION WHEN OTHERS THEN
      GET STACKED DIAGNOSTICS error_state = RETURNED_SQLSTATE, error_message = MESSAGE_TEXT, error_constraint = CONSTRAINT_NAME;
      IF error_state = 'SWNOK' THEN
        error_state := NULL; error_message := NULL;
      ELSE
        succeeded := false; returned := NULL;
      END IF;
    END;
    RETURN NEXT;
  END LOOP;
END
$sw_probe$`;

interface AttemptRow {
  succeeded: boolean;
  error_state: string | null;
  error_message: string | null;
  error_constraint: string | null;
  returned: Row | string | null;
}

/** An error as the probe reports it: what a driver would have thrown for the statement. */
class StatementError extends Error {
  constructor(message: string, readonly code: string | undefined, readonly constraint: string | undefined) {
    super(message);
  }
}

/** jsonb_build_object takes at most 100 arguments: a wide row is built from parts of 50 columns. */
const COLUMNS_PER_OBJECT = 50;

/** Tables per statement in the counting checks: few round trips, and a failure reruns only this many alone. */
const CHECK_BATCH = 50;

/** Text values of a row as returned by INSERT … RETURNING col::text. */
type Row = Record<string, string | null>;

type Outcome<T> = { ok: true; value: T } | { ok: false; error: unknown };

interface Synthesized {
  values: Map<string, string | null>;
  /** Columns the probe could not give a value; explains a failed insert. */
  gaps: string[];
  /** Tables a required foreign key found no row in. */
  blockers: string[];
}

/** Identity and generated columns: PostgreSQL fills them, and some refuse a value. */
async function generatedColumns(db: Database, schema: string): Promise<Set<string>> {
  const rows = await db.query<{ table_name: string; column_name: string }>(
    `SELECT c.relname::text AS table_name, a.attname::text AS column_name
     FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = $1 AND a.attnum > 0 AND NOT a.attisdropped AND (a.attidentity <> '' OR a.attgenerated <> '')`,
    [schema],
  );
  return new Set(rows.map((r) => `${r.table_name}.${r.column_name}`));
}

class Probe {
  private readonly role = `sw_probe_${randomBytes(6).toString('hex')}`;
  private readonly password = randomPassword();
  /** The connection statements go to: the owner's, or after a strict-mode set-up the probe role's own. */
  private session: Database;
  private committed = false;
  /** Global rows the set-up created (strict mode removes them again). */
  private readonly createdGlobals: Array<{ table: CatalogTable; row: Row }> = [];
  private readonly tables: Map<string, CatalogTable>;
  private readonly tenant: CatalogTable[];
  /** The tenant tables by FK level: a table only points at tables of earlier levels, so a level is one batch. */
  private readonly levels: CatalogTable[][];
  private readonly tenantNames: Set<string>;
  /** The root column the tenant column references (organizations.id). */
  private readonly orgKey: string;
  private memberOf: string[] = [];
  private counter = 0;
  private orgA: Row = {};
  private orgB: Row = {};
  private readonly rowsA = new Map<string, Row>();
  private readonly rowsB = new Map<string, Row>();
  private readonly errorsB = new Map<string, string>();
  private readonly globalRows = new Map<string, Row>();
  private readonly globalErrors = new Map<string, string>();
  private readonly results = new Map<string, TableIsolation>();
  private readonly references: CrossTenantReference[] = [];
  private error: string | undefined;

  constructor(
    private readonly db: Database,
    private readonly options: IsolationOptions & { schema: string },
    tables: CatalogTable[],
    private readonly generated: Set<string>,
  ) {
    this.session = db;
    this.tables = new Map(tables.map((t) => [t.name, t]));
    const tenant = tables.filter((t) => t.name !== options.rootTable && t.columns.some((c) => c.name === options.tenantColumn));
    this.tenantNames = new Set(tenant.map((t) => t.name));
    this.tenant = insertionOrder(tenant, options.tenantColumn);
    this.levels = insertionLevels(this.tenant);
    this.orgKey = rootKey(tenant, this.tables.get(options.rootTable), options);
    for (const t of this.tenant) this.results.set(t.name, { table: t.name, status: 'not-probed', passed: false, checks: {} });
  }

  async run(): Promise<void> {
    await this.db.query('BEGIN');
    try {
      await this.db.exec('SAVEPOINT sw_probe');
      await this.setUp();
      if (this.options.connect) await this.logIn(this.options.connect);
      await this.keep(() => this.session.exec(ATTEMPT_FUNCTION));
      await this.insertTenantRows('A');
      await this.insertTenantRows('B');
      await this.checkAgainstA();
      await this.checkCrossTenantReferences();
      await this.checkWithoutContext();
    } catch (error) {
      this.error = errorMessage(error);
    } finally {
      await this.session.exec('ROLLBACK').catch(() => undefined);
      if (this.session !== this.db) await this.session.close().catch(() => undefined);
      if (this.committed) await this.removeSetUp();
      await this.dropRoleIfLeft();
    }
  }

  /** Commits the set-up so that a second connection sees it, and continues on that connection as the probe role. */
  private async logIn(connect: ConnectAs): Promise<void> {
    await this.db.exec('COMMIT');
    this.committed = true;
    this.session = await connect(this.role, this.password);
    await this.session.exec('BEGIN; SAVEPOINT sw_probe');
  }

  /** Strict mode: the organizations (cascading to anything left) and the global rows the set-up committed. */
  private async removeSetUp(): Promise<void> {
    const root = this.tables.get(this.options.rootTable);
    const steps: Array<() => Promise<unknown>> = [
      ...(root ? [() => this.db.query(`DELETE FROM ${this.qualified(root)} WHERE ${q(this.orgKey)}::text = ANY($1::text[])`,
        [[this.orgA[this.orgKey], this.orgB[this.orgKey]].filter((v) => v != null)])] : []),
      ...[...this.createdGlobals].reverse().map(({ table, row }) => () => this.db.query(
        `DELETE FROM ${this.qualified(table)} WHERE ${table.primaryKey.map((c, i) => `${q(c)}::text = $${i + 1}`).join(' AND ')}`,
        table.primaryKey.map((c) => row[c] ?? null),
      )),
    ];
    for (const step of steps) {
      try {
        await step();
      } catch (error) {
        this.error = [this.error, `could not remove the probe's committed rows: ${errorMessage(error)}`].filter(Boolean).join('; ');
      }
    }
  }

  // ---- set-up, as the owner -------------------------------------------------------------------------------

  private async setUp(): Promise<void> {
    const root = this.tables.get(this.options.rootTable);
    if (!root) throw new Error(`The tenant root table "${this.options.rootTable}" is not in schema "${this.options.schema}"`);
    const schema = q(this.options.schema);
    const role = quoteIdent(this.role);
    this.memberOf = await this.applicationRoles();
    await this.keep(() => this.db.exec(
      `${this.options.connect ? loginRoleSql(this.role, this.password) : `CREATE ROLE ${role} NOLOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE`};
       GRANT USAGE ON SCHEMA ${schema} TO ${role};
       GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA ${schema} TO ${role};
       GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA ${schema} TO ${role};
       ${this.memberOf.map((member) => `GRANT ${q(member)} TO ${role};`).join('\n')}`,
    ));

    const referenced = [root, ...this.tenant].flatMap((t) => t.foreignKeys.map((fk) => fk.refTable));
    for (const name of referenced) await this.ensureGlobalRow(name, new Set());

    const orgs = [await this.insertOrganization(root), await this.insertOrganization(root)];
    [this.orgA, this.orgB] = orgs.map((org) => {
      if (!org.ok) throw new Error(`Could not create an organization in ${root.name}: ${errorMessage(org.error)}`);
      return org.value;
    }) as [Row, Row];
  }

  /**
   * Superusers are left out: membership would not give their attributes anyway, and a policy only for a
   * superuser is not one the application runs under.
   */
  private async applicationRoles(): Promise<string[]> {
    const named = this.options.appRole
      ? [this.options.appRole]
      : [...new Set([...this.tables.values()].flatMap((t) => t.policies.flatMap((p) => p.roles)))];
    const rows = await this.db.query<{ name: string }>(
      'SELECT rolname::text AS name FROM pg_roles WHERE rolname = ANY($1::text[]) AND NOT rolsuper ORDER BY rolname',
      [named.filter((r) => r !== 'public')],
    );
    return rows.map((r) => r.name);
  }

  private async insertOrganization(root: CatalogTable): Promise<Outcome<Row>> {
    const { values } = this.synthesize(root, undefined, new Map());
    return this.attempt(() => this.insertReturning(root, values), true);
  }

  /** A row of a global (non-tenant) table that tenant rows can point at: an existing one, else a new one. */
  private async ensureGlobalRow(name: string, visiting: Set<string>): Promise<void> {
    if (name === this.options.rootTable || this.tenantNames.has(name) || visiting.has(name)) return;
    if (this.globalRows.has(name) || this.globalErrors.has(name)) return;
    const table = this.tables.get(name);
    if (!table) {
      this.globalErrors.set(name, `${name} is outside schema "${this.options.schema}"`);
      return;
    }
    const [existing] = await this.db.query<Row>(`SELECT ${textColumns(table)} FROM ${this.qualified(table)} LIMIT 1`);
    if (existing) {
      this.globalRows.set(name, existing);
      return;
    }
    visiting.add(name);
    for (const fk of table.foreignKeys) await this.ensureGlobalRow(fk.refTable, visiting);
    const { values } = this.synthesize(table, undefined, new Map());
    const inserted = await this.attempt(() => this.insertReturning(table, values), true);
    if (inserted.ok) {
      this.globalRows.set(name, inserted.value);
      if (table.primaryKey.length > 0) this.createdGlobals.push({ table, row: inserted.value });
    } else {
      this.globalErrors.set(name, errorMessage(inserted.error));
    }
  }

  // ---- the probe, as the probe role ----------------------------------------------------------------------

  private async insertTenantRows(tenant: 'A' | 'B'): Promise<void> {
    const org = tenant === 'A' ? this.orgA : this.orgB;
    const rows = tenant === 'A' ? this.rowsA : this.rowsB;
    await this.actAs(org[this.orgKey] ?? null);
    for (const level of this.levels) {
      const planned = level
        .filter((table) => tenant === 'A' || this.rowsA.has(table.name))
        .map((table) => ({ table, ...this.synthesize(table, org, rows) }));
      const outcomes = await this.attemptAll(planned.map((p) => this.insertSql(p.table, p.values, true)), true);
      planned.forEach(({ table, gaps, blockers }, i) => {
        const inserted = outcomes[i]!;
        if (inserted.ok) rows.set(table.name, inserted.value);
        if (tenant === 'A') this.recordOwnInsert(table, inserted, gaps, blockers);
        else if (!inserted.ok) this.errorsB.set(table.name, errorMessage(inserted.error));
      });
    }
  }

  private recordOwnInsert(table: CatalogTable, inserted: Outcome<Row>, gaps: string[], blockers: string[]): void {
    const result = this.result(table);
    if (inserted.ok) {
      result.checks.insertOwn = { passed: true, detail: "inserted a row for organization A under A's context" };
      return;
    }
    const message = errorMessage(inserted.error);
    if (sqlState(inserted.error) === '42501') {
      result.checks.insertOwn = { passed: false, detail: `refused by row-level security: ${message}` };
      result.status = 'failed';
      result.error = `A's own row is refused under A's context (no policy lets the application write it): ${message}`;
    } else {
      result.checks.insertOwn = { passed: false, detail: message };
      result.error = gaps.length > 0 ? `${message} (${gaps.join('; ')})` : message;
      if (blockers.length > 0) result.blockedBy = blockers;
    }
  }

  private async checkAgainstA(): Promise<void> {
    const orgA = this.orgA[this.orgKey] ?? null;
    const tenantColumn = q(this.options.tenantColumn);
    const ofA = `${tenantColumn} = $1`;
    await this.actAs(this.orgB[this.orgKey] ?? null);
    await this.countChecks('selectOther', (t) => `SELECT 1 FROM ${this.qualified(t)} WHERE ${ofA}`, [orgA], "SELECT sees %n of A's rows");
    await this.countChecks('updateOther',
      (t) => `UPDATE ${this.qualified(t)} SET ${tenantColumn} = ${tenantColumn} WHERE ${ofA} RETURNING 1`, [orgA],
      "UPDATE changes %n of A's rows");
    await this.countChecks('deleteOther', (t) => `DELETE FROM ${this.qualified(t)} WHERE ${ofA} RETURNING 1`, [orgA],
      "DELETE removes %n of A's rows");
    // Under B's context, a fresh row that belongs to A (tenant column and FKs pointing at A's rows).
    const tables = this.probed();
    const outcomes = await this.attemptAll(tables.map((t) => this.insertSql(t, this.synthesize(t, this.orgA, this.rowsA).values, false)), false);
    tables.forEach((table, i) => (this.result(table).checks.insertOther = insertForAResult(outcomes[i]!)));
  }

  private async checkWithoutContext(): Promise<void> {
    await this.actAs('');
    await this.countChecks('noContext', (t) => `SELECT 1 FROM ${this.qualified(t)}`, [], 'without a tenant context SELECT sees %n rows');
  }

  /** PostgreSQL checks foreign keys without RLS: only a composite (tenant, id) FK stops B pointing at A's row. */
  private async checkCrossTenantReferences(): Promise<void> {
    await this.actAs(this.orgB[this.orgKey] ?? null);
    const checks: Array<{ table: CatalogTable; fk: CatalogForeignKey; values: Map<string, string | null> }> = [];
    for (const table of this.probed()) {
      for (const fk of table.foreignKeys) {
        if (!this.tenantNames.has(fk.refTable)) continue;
        const parent = this.rowsA.get(fk.refTable);
        if (!parent) {
          this.references.push({ ...referenceOf(table, fk), status: 'inconclusive', detail: `organization A has no row in ${fk.refTable} to point at` });
          continue;
        }
        const { values } = this.synthesize(table, this.orgB, this.rowsB, 'required');
        fk.columns.forEach((column, i) => {
          const refColumn = fk.refColumns[i] ?? '';
          values.set(column, column === this.options.tenantColumn ? (this.orgB[this.orgKey] ?? null) : (parent[refColumn] ?? null));
        });
        checks.push({ table, fk, values });
      }
    }
    const outcomes = await this.attemptAll(checks.map((c) => this.insertSql(c.table, c.values, false)), false);
    checks.forEach(({ table, fk }, i) => this.references.push(this.crossTenantReference(table, fk, outcomes[i]!)));
  }

  private crossTenantReference(table: CatalogTable, fk: CatalogForeignKey, inserted: Outcome<Row>): CrossTenantReference {
    const base = referenceOf(table, fk);
    if (inserted.ok)
      return { ...base, status: 'leaked', detail: `a row of organization B was accepted pointing at A's row in ${fk.refTable}` };
    const constraint = (inserted.error as { constraint?: unknown }).constraint;
    if (sqlState(inserted.error) === '23503' && (constraint === undefined || constraint === fk.name))
      return { ...base, status: 'rejected', detail: `refused by ${fk.name}` };
    const blocker = this.errorsB.get(table.name);
    return {
      ...base,
      status: 'inconclusive',
      detail: `B's row could not be inserted for another reason: ${errorMessage(inserted.error)}${blocker ? ` (B's own row failed too: ${blocker})` : ''}`,
    };
  }

  /**
   * A check that passes when a statement yields no rows, or fails (an error cannot leak rows: fail closed).
   * The statements of up to CHECK_BATCH tables run as the CTEs of one statement; only when that statement
   * fails does each table run alone, so that every table gets its own outcome.
   */
  private async countChecks(check: IsolationCheck, statement: (t: CatalogTable) => string, params: unknown[], detail: string): Promise<void> {
    const tables = this.probed();
    for (let i = 0; i < tables.length; i += CHECK_BATCH) {
      const batch = tables.slice(i, i + CHECK_BATCH);
      if (await this.countBatch(batch, check, statement, params, detail)) continue;
      for (const table of batch) await this.countBatch([table], check, statement, params, detail);
    }
  }

  /** Records the check for every table of the batch and returns true, or returns false when the statement failed. */
  private async countBatch(
    tables: CatalogTable[], check: IsolationCheck, statement: (t: CatalogTable) => string, params: unknown[], detail: string,
  ): Promise<boolean> {
    const ctes = tables.map((t, i) => `c${i} AS (${statement(t)})`).join(',\n');
    const counts = tables.map((_, i) => `(SELECT count(*) FROM c${i}) AS c${i}`).join(', ');
    const counted = await this.attempt(() => this.session.query<Record<string, number | string>>(`WITH ${ctes} SELECT ${counts}`, params), false);
    if (!counted.ok && tables.length > 1) return false;
    tables.forEach((table, i) => {
      const n = counted.ok ? Number(counted.value[0]?.[`c${i}`] ?? 0) : 0;
      this.result(table).checks[check] = counted.ok
        ? { passed: n === 0, detail: detail.replace('%n', String(n)) }
        : { passed: true, detail: `refused: ${errorMessage(counted.error)}` };
    });
    return true;
  }

  // ---- values ---------------------------------------------------------------------------------------------

  /**
   * Values for the columns an INSERT must name: the tenant column, FKs (pointing at `rows` of the same tenant,
   * the organization, or global rows; with `required`, only those that cannot be left null), and NOT NULL
   * columns without a default. FKs with no row to point at are left null where a column allows it
   * (self-references, cycles): PostgreSQL then skips the check.
   */
  private synthesize(table: CatalogTable, org: Row | undefined, rows: Map<string, Row>, references: 'all' | 'required' = 'all'): Synthesized {
    const values = new Map<string, string | null>();
    const gaps: string[] = [];
    const blockers: string[] = [];
    if (org && table.columns.some((c) => c.name === this.options.tenantColumn))
      values.set(this.options.tenantColumn, org[this.orgKey] ?? null);
    for (const fk of table.foreignKeys) {
      // A reference left null is not checked (MATCH SIMPLE): a row that only has to exist need not pay for it.
      if (references === 'required' && fk.columns.some((c) => c !== this.options.tenantColumn && !columnOf(table, c).notNull)) continue;
      const target = this.targetRow(table, fk, org, rows);
      if (target) {
        fk.columns.forEach((column, i) => {
          if (!values.has(column)) values.set(column, target[fk.refColumns[i] ?? ''] ?? null);
        });
      } else if (fk.columns.some((c) => isRequired(columnOf(table, c)) && !values.has(c))) {
        gaps.push(`${fk.name}: no row in ${fk.refTable} to point at${this.whyNoRow(fk.refTable)}`);
        blockers.push(fk.refTable);
      }
    }
    for (const column of table.columns) {
      if (values.has(column.name) || !isRequired(column) || this.generated.has(`${table.name}.${column.name}`)) continue;
      const literal = literalFor(column, ++this.counter);
      if (literal === undefined) gaps.push(`no value of type ${column.type} for ${column.name}`);
      else values.set(column.name, literal);
    }
    return { values, gaps, blockers };
  }

  private targetRow(table: CatalogTable, fk: CatalogForeignKey, org: Row | undefined, rows: Map<string, Row>): Row | undefined {
    if (fk.refTable === table.name) return undefined;
    if (fk.refTable === this.options.rootTable) return org;
    if (this.tenantNames.has(fk.refTable)) return rows.get(fk.refTable);
    return this.globalRows.get(fk.refTable);
  }

  private whyNoRow(table: string): string {
    const global = this.globalErrors.get(table);
    if (global) return ` (${global})`;
    const own = this.results.get(table);
    return own?.error ? ` (${table} was not probed: ${own.error})` : '';
  }

  // ---- statements -----------------------------------------------------------------------------------------

  /**
   * An INSERT with its values written as literals (the statements of a batch travel as one text array); with
   * `returning` (the batches that keep their rows), it returns the row as JSON of its columns in text form.
   */
  private insertSql(table: CatalogTable, values: Map<string, string | null>, returning: boolean): string {
    const columns = [...values.keys()];
    const body = columns.length === 0
      ? 'DEFAULT VALUES'
      : `(${columns.map(q).join(', ')}) VALUES (${[...values.values()].map((v) => (v === null ? 'NULL' : quoteLiteral(v))).join(', ')})`;
    return `INSERT INTO ${this.qualified(table)} ${body}${returning ? ` RETURNING ${rowJson(table)} AS returned` : ''}`;
  }

  private async insertReturning(table: CatalogTable, values: Map<string, string | null>): Promise<Row> {
    const [row] = await this.session.query<{ returned: Row | string }>(this.insertSql(table, values, true));
    if (!row) throw new Error(`INSERT into ${table.name} returned no row`);
    return parsedRow(row.returned);
  }

  /**
   * Each statement in a subtransaction of its own (ATTEMPT_FUNCTION), all in one round trip: the outcome of
   * each, with the row it returned. Without `keep`, even the statements that succeeded leave nothing behind.
   */
  private async attemptAll(statements: string[], keep: boolean): Promise<Array<Outcome<Row>>> {
    if (statements.length === 0) return [];
    const rows = await this.session.query<AttemptRow>('SELECT * FROM pg_temp.sw_probe_attempt($1::text[], $2)', [statements, keep]);
    if (rows.length !== statements.length) throw new Error(`the probe ran ${rows.length} of ${statements.length} statements`);
    return rows.map((r) => r.succeeded
      ? { ok: true, value: parsedRow(r.returned) }
      : { ok: false, error: new StatementError(r.error_message ?? 'failed', r.error_state ?? undefined, r.error_constraint ?? undefined) });
  }

  /** The probe role with the given tenant context ('' = none), until the transaction ends; a LOGIN session already is the role. */
  private async actAs(orgId: string | null): Promise<void> {
    await this.keep(() =>
      this.session === this.db
        ? this.session.query('SELECT set_config($1, $2, true), set_config($3, $4, true)', ['role', this.role, this.options.setting, orgId ?? ''])
        : this.session.query('SELECT set_config($1, $2, true)', [this.options.setting, orgId ?? '']),
    );
  }

  /**
   * Runs `fn` as a step that may fail; keeps its effects only when it succeeds and `keep` is set. One savepoint
   * is always open (run() opens it): a step either rolls back to it, which keeps it, or releases it and opens
   * the next. That is one extra round trip per step, and savepoints never nest however many checks run.
   */
  private async attempt<T>(fn: () => Promise<T>, keep: boolean): Promise<Outcome<T>> {
    let outcome: Outcome<T>;
    try {
      outcome = { ok: true, value: await fn() };
    } catch (error) {
      outcome = { ok: false, error };
    }
    await this.session.exec(outcome.ok && keep ? NEXT_SAVEPOINT : 'ROLLBACK TO SAVEPOINT sw_probe');
    return outcome;
  }

  /** Runs `fn` as a step that must succeed, and keeps its effects (a later rollback to the savepoint spares them). */
  private async keep(fn: () => Promise<unknown>): Promise<void> {
    await fn();
    await this.session.exec(NEXT_SAVEPOINT);
  }

  /** The transaction's rollback drops the role; this covers a probe that never reached its transaction. */
  private async dropRoleIfLeft(): Promise<void> {
    try {
      const left = await this.db.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [this.role]);
      if (left.length > 0) await this.db.exec(`DROP OWNED BY ${quoteIdent(this.role)}; DROP ROLE ${quoteIdent(this.role)}`);
    } catch (error) {
      this.error = [this.error, `could not drop the probe role ${this.role}: ${errorMessage(error)}`].filter(Boolean).join('; ');
    }
  }

  private qualified(table: CatalogTable): string {
    return `${q(this.options.schema)}.${q(table.name)}`;
  }

  private result(table: CatalogTable): TableIsolation {
    const result = this.results.get(table.name);
    if (!result) throw new Error(`${table.name} is not a tenant table`);
    return result;
  }

  /** Tenant tables whose row for A exists: the ones the isolation checks can aim at. */
  private probed(): CatalogTable[] {
    return this.tenant.filter((t) => this.rowsA.has(t.name));
  }

  // ---- report ---------------------------------------------------------------------------------------------

  report(ms: number): IsolationReport {
    const tables = this.tenant.map((t) => this.finish(this.result(t)));
    const count = (status: TableStatus): number => tables.filter((t) => t.status === status).length;
    const refs = (status: CrossTenantReference['status']): number => this.references.filter((r) => r.status === status).length;
    return {
      probeRole: this.role,
      memberOf: this.memberOf,
      tables,
      totals: {
        tables: tables.length,
        probed: count('passed') + count('failed'),
        passed: count('passed'),
        failed: count('failed'),
        notProbed: count('not-probed'),
      },
      crossTenantReferences: this.references,
      crossTenantTotals: {
        checked: this.references.length,
        rejected: refs('rejected'),
        leaked: refs('leaked'),
        inconclusive: refs('inconclusive'),
      },
      ...(this.error ? { error: this.error } : {}),
      ms,
    };
  }

  private finish(result: TableIsolation): TableIsolation {
    if (!result.checks.insertOwn?.passed) {
      if (result.status === 'not-probed') result.error ??= this.error ?? 'the probe did not reach this table';
      return result;
    }
    const failing = Object.values(result.checks).filter((c) => !c.passed);
    result.passed = failing.length === 0;
    result.status = result.passed ? 'passed' : 'failed';
    if (!result.passed) result.error = `under another organization's context: ${failing.map((c) => c.detail).join('; ')}`;
    return result;
  }
}

/** The outcome of inserting A's row under B's context: only a refusal by row-level security passes. */
function insertForAResult(inserted: Outcome<Row>): CheckResult {
  if (inserted.ok) return { passed: false, detail: "INSERT of a row for organization A is accepted under B's context" };
  if (sqlState(inserted.error) === '42501') return { passed: true, detail: 'refused by row-level security' };
  return {
    passed: false,
    detail: `refused with SQLSTATE ${sqlState(inserted.error) ?? '?'}, not by row-level security: ${errorMessage(inserted.error)}`,
  };
}

/**
 * FK order, so that every row can point at rows inserted before it. A cycle is broken at the table whose
 * pending FKs can all be left null; failing that, at the first table by name (its insert then reports why).
 */
function insertionOrder(tables: CatalogTable[], tenantColumn: string): CatalogTable[] {
  const byName = new Map(tables.map((t) => [t.name, t]));
  const pending = new Map(
    tables.map((t) => [t.name, new Set(t.foreignKeys.map((fk) => fk.refTable).filter((r) => r !== t.name && byName.has(r)))]),
  );
  const order: CatalogTable[] = [];
  while (pending.size > 0) {
    const ready = [...pending].filter(([, deps]) => deps.size === 0).map(([name]) => name).sort();
    const next = ready.length > 0 ? ready : [cycleBreaker(pending, byName, tenantColumn)];
    for (const name of next) {
      order.push(byName.get(name)!);
      pending.delete(name);
      for (const deps of pending.values()) deps.delete(name);
    }
  }
  return order;
}

/** The insertion order cut into levels: each table one level after the last table it points at. */
function insertionLevels(order: CatalogTable[]): CatalogTable[][] {
  const levelOf = new Map<string, number>();
  const levels: CatalogTable[][] = [];
  for (const table of order) {
    const level = Math.max(-1, ...table.foreignKeys.map((fk) => (fk.refTable === table.name ? -1 : (levelOf.get(fk.refTable) ?? -1)))) + 1;
    levelOf.set(table.name, level);
    (levels[level] ??= []).push(table);
  }
  return levels;
}

function cycleBreaker(pending: Map<string, Set<string>>, byName: Map<string, CatalogTable>, tenantColumn: string): string {
  const names = [...pending.keys()].sort();
  const nullable = names.find((name) => {
    const table = byName.get(name)!;
    return table.foreignKeys
      .filter((fk) => pending.get(name)!.has(fk.refTable))
      .every((fk) => fk.columns.some((c) => c !== tenantColumn && !columnOf(table, c).notNull));
  });
  return nullable ?? names[0]!;
}

function rootKey(tenant: CatalogTable[], root: CatalogTable | undefined, options: IsolationOptions): string {
  for (const table of tenant) {
    const fk = table.foreignKeys.find(
      (f) => f.refTable === options.rootTable && f.columns.length === 1 && f.columns[0] === options.tenantColumn,
    );
    if (fk?.refColumns[0]) return fk.refColumns[0];
  }
  return root?.primaryKey[0] ?? 'id';
}

function columnOf(table: CatalogTable, name: string): CatalogColumn {
  const column = table.columns.find((c) => c.name === name);
  if (!column) throw new Error(`${table.name} has no column ${name}`);
  return column;
}

function isRequired(column: CatalogColumn): boolean {
  return column.notNull && column.default === null;
}

/** The row as a JSON object of its columns in text form (as `col::text AS col` would return them). */
function rowJson(table: CatalogTable): string {
  const parts: string[] = [];
  for (let i = 0; i < table.columns.length; i += COLUMNS_PER_OBJECT) {
    const pairs = table.columns.slice(i, i + COLUMNS_PER_OBJECT).map((c) => `${quoteLiteral(c.name)}, ${q(c.name)}::text`);
    parts.push(`jsonb_build_object(${pairs.join(', ')})`);
  }
  return parts.length === 0 ? "'{}'::jsonb" : parts.join(' || ');
}

/** The JSON rowJson built, as the driver hands it over (pg and PGlite parse jsonb; text is parsed here). */
function parsedRow(returned: Row | string | null): Row {
  return (typeof returned === 'string' ? (JSON.parse(returned) as Row) : returned) ?? {};
}

function referenceOf(table: CatalogTable, fk: CatalogForeignKey): Pick<CrossTenantReference, 'table' | 'foreignKey' | 'columns' | 'refTable'> {
  return { table: table.name, foreignKey: fk.name, columns: fk.columns, refTable: fk.refTable };
}

function textColumns(table: CatalogTable): string {
  return table.columns.map((c) => `${q(c.name)}::text AS ${q(c.name)}`).join(', ');
}

/**
 * A value in text form for a NOT NULL column, unique per call (`n`) so that unique indexes never collide;
 * undefined for a type the probe does not know (the insert then fails and the table is reported not probed).
 */
export function literalFor(column: CatalogColumn, n: number): string | undefined {
  if (column.enumValues) return column.enumValues[0];
  const type = column.type;
  if (type.endsWith('[]')) return '{}';
  const length = /^(?:character varying|character|bpchar)\((\d+)\)/.exec(type)?.[1];
  if (/^(?:text|character varying|character|bpchar|citext|name|"char")\b/.test(type) || type === '"char"')
    return token(n, type === '"char"' ? 1 : length === undefined ? undefined : Number(length));
  const numeric = /^numeric\((\d+),(\d+)\)/.exec(type);
  if (numeric) {
    const integerDigits = Math.min(Number(numeric[1]) - Number(numeric[2]), 15);
    return integerDigits > 0 ? String(n % 10 ** integerDigits) : '0';
  }
  if (type === 'smallint') return String(n % 32767);
  if (/^(?:integer|bigint|numeric|real|double precision|money)$/.test(type)) return String(n);
  if (type === 'boolean') return 'false';
  if (type === 'uuid') return randomUUID();
  if (type === 'date') return day(n);
  if (type.startsWith('timestamp')) return `${day(n)}T00:00:00Z`;
  if (type.startsWith('time')) return '12:00:00';
  if (type.startsWith('interval')) return '1 day';
  if (type === 'json' || type === 'jsonb') return '{}';
  if (type === 'bytea') return '\\x00';
  if (type === 'inet') return '10.0.0.1';
  if (type === 'cidr') return '10.0.0.0/8';
  if (type === 'macaddr') return '08:00:2b:01:02:03';
  return undefined;
}

/** A short text unique per n that fits `length` characters while n < 36^length. */
function token(n: number, length: number | undefined): string {
  const text = `sw${n.toString(36)}`;
  return length === undefined || text.length <= length ? text : n.toString(36).slice(-length);
}

function day(n: number): string {
  return new Date(Date.UTC(2024, 0, 1) + (n % 3650) * 86_400_000).toISOString().slice(0, 10);
}

function sqlState(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
