/**
 * What a next migration can do to existing data, read from its statements: drops lose data; narrowing a
 * type, SET NOT NULL, a required column without a default and a new unique index fail on rows that do not
 * fit; dropping a unique index or primary key weakens integrity. Each becomes a warning naming its risk,
 * so the person applying the migration decides, with the data in view.
 */
import type { Finding } from '../../model/model.ts';
import type { ColumnType } from '../existing/types.ts';
import { alterTableClauses, splitStatements } from './statements.ts';

/** What the database looked like before the migration, as far as the analysis needs it. */
export interface PreviousState {
  /** table → column → type, from the previous schema.prisma. */
  columns: Map<string, Map<string, ColumnType>>;
  /** Names of unique indexes the previous migrations created. */
  uniqueIndexes: Set<string>;
  /** Enum type name → labels. */
  enums: Map<string, string[]>;
}

type Risk = 'data loss' | 'fails on existing data' | 'weaker integrity';

export function destructiveChanges(sql: string, previous: PreviousState): Finding[] {
  const created = new Set([...sql.matchAll(/CREATE TABLE\s+(?:"[^"]+"\.)?"([^"]+)"/gi)].map((m) => m[1]!));
  const findings: Finding[] = [];
  const flag = (ruleId: string, risk: Risk, target: string, what: string, fix: string): void => {
    findings.push({ ruleId, level: 'warning', category: 'migration', target, message: `${capitalize(risk)}: ${what}`, fix });
  };
  for (const statement of splitStatements(sql)) {
    const drop = /^DROP\s+TABLE\s+(?:IF\s+EXISTS\s+)?(?:"[^"]+"\.)?"([^"]+)"/i.exec(statement);
    if (drop) {
      flag('migration-drops-table', 'data loss', drop[1]!, `the migration drops table ${drop[1]} and every row in it.`, 'Keep the entity in the PRD, or copy the rows elsewhere before applying.');
      continue;
    }
    const dropIndex = /^DROP\s+INDEX\s+(?:IF\s+EXISTS\s+)?(?:"[^"]+"\.)?"([^"]+)"/i.exec(statement);
    if (dropIndex && previous.uniqueIndexes.has(dropIndex[1]!)) {
      flag('migration-drops-unique', 'weaker integrity', dropIndex[1]!, `the migration drops the unique index ${dropIndex[1]}; duplicates become possible.`, 'Keep the uniqueness rule in the PRD if it still holds.');
      continue;
    }
    const unique = /^CREATE\s+UNIQUE\s+INDEX\s+"([^"]+)"\s+ON\s+(?:"[^"]+"\.)?"([^"]+)"/i.exec(statement);
    if (unique && !created.has(unique[2]!)) {
      flag('migration-adds-unique', 'fails on existing data', `${unique[2]}.${unique[1]}`, `the migration adds the unique index ${unique[1]} on existing table ${unique[2]}; it fails if rows already repeat the key.`, `Find duplicates first (SELECT the key columns FROM ${unique[2]} GROUP BY them HAVING count(*) > 1) and resolve them.`);
      continue;
    }
    const enumChange = /^ALTER\s+TABLE\s+(?:"[^"]+"\.)?"([^"]+)"\s+ALTER\s+COLUMN\s+"([^"]+)"\s+TYPE\s+"([^"]+)_new"/i.exec(statement);
    if (enumChange) {
      const [, table, column, type] = enumChange;
      const after = labelsOf(sql, `${type}_new`);
      const removed = (previous.enums.get(type!) ?? []).filter((l) => after && !after.includes(l));
      const which = removed.length ? `labels ${removed.join(', ')}` : 'labels';
      flag('migration-removes-enum-values', 'fails on existing data', `${table}.${column}`, `the migration removes ${which} from enum ${type}; it fails if ${table}.${column} holds them.`, `Update rows that use them first (UPDATE ${table} SET ${column} = … WHERE ${column} IN (…)).`);
      continue;
    }
    const alter = alterTableClauses(statement);
    if (!alter || created.has(alter.table)) continue;
    for (const clause of alter.clauses) alterClause(alter.table, clause);
  }
  return findings;

  function alterClause(table: string, clause: string): void {
    const dropColumn = /^DROP\s+COLUMN\s+(?:IF\s+EXISTS\s+)?"([^"]+)"/i.exec(clause);
    if (dropColumn)
      return flag('migration-drops-column', 'data loss', `${table}.${dropColumn[1]}`, `the migration drops ${table}.${dropColumn[1]}; its value in every existing row is lost.`, 'Keep the field in the PRD, or copy the column elsewhere before applying.');
    const addColumn = /^ADD\s+COLUMN\s+"([^"]+)"\s+(.*)$/is.exec(clause);
    if (addColumn && /\bNOT\s+NULL\b/i.test(addColumn[2]!) && !/\bDEFAULT\b/i.test(addColumn[2]!))
      return flag('migration-adds-required-column', 'fails on existing data', `${table}.${addColumn[1]}`, `the migration adds the required column ${table}.${addColumn[1]} without a default; it fails if ${table} has rows.`, 'Give the field a default in the PRD, or make it optional, backfill it, then make it required.');
    const notNull = /^ALTER\s+COLUMN\s+"([^"]+)"\s+SET\s+NOT\s+NULL/i.exec(clause);
    if (notNull)
      return flag('migration-sets-not-null', 'fails on existing data', `${table}.${notNull[1]}`, `the migration makes ${table}.${notNull[1]} NOT NULL; it fails if a row has no value.`, `Backfill first: UPDATE ${table} SET ${notNull[1]} = … WHERE ${notNull[1]} IS NULL.`);
    const type = /^ALTER\s+COLUMN\s+"([^"]+)"\s+(?:SET\s+DATA\s+)?TYPE\s+(.+?)(?:\s+USING\s+.*)?$/is.exec(clause);
    if (type) return typeChange(table, type[1]!, type[2]!.trim());
    if (/^DROP\s+CONSTRAINT\s+"[^"]+_pkey"/i.test(clause))
      flag('migration-drops-primary-key', 'weaker integrity', table, `the migration replaces the primary key of ${table}.`, 'Check that the new key is unique on the existing rows.');
  }

  function typeChange(table: string, column: string, sqlType: string): void {
    const before = previous.columns.get(table)?.get(column);
    const after = parseSqlType(sqlType);
    const was = before ? sizeOf(before) : undefined;
    if (was && after && was.family === after.family) {
      if (after.size.every((n, i) => n >= (was.size[i] ?? 0))) return; // widening keeps every value
      flag('migration-narrows-type', 'fails on existing data', `${table}.${column}`, `the migration narrows ${table}.${column} from ${before!.source} to ${sqlType}; it fails if a value does not fit.`, `Check the data first (e.g. the longest or largest ${column} in ${table}).`);
      return;
    }
    flag('migration-changes-type', 'fails on existing data', `${table}.${column}`, `the migration changes ${table}.${column}${before ? ` from ${before.source}` : ''} to ${sqlType}; the cast fails on values that do not convert.`, 'Check that every existing value converts, or migrate the column by hand.');
  }
}

interface Sized {
  family: string;
  /** Compared element-wise: a change is widening when no element shrinks. */
  size: number[];
}

const UNBOUNDED = Number.MAX_SAFE_INTEGER;

function sizeOf(t: ColumnType): Sized | undefined {
  switch (t.type) {
    case 'string':
      return { family: 'text', size: [t.maxLength ?? UNBOUNDED] };
    case 'text':
      return { family: 'text', size: [UNBOUNDED] };
    case 'integer':
      return { family: 'int', size: [4] };
    case 'bigint':
      return { family: 'int', size: [8] };
    case 'decimal': {
      const precision = t.precision ?? 65;
      const scale = t.scale ?? 0;
      return { family: 'numeric', size: [precision - scale, scale] };
    }
    case 'float':
      return { family: 'float', size: [8] };
    default:
      return undefined;
  }
}

/** The few SQL types Prisma writes in a type change. */
function parseSqlType(sqlType: string): Sized | undefined {
  const t = sqlType.toUpperCase().replace(/\s+/g, ' ').trim();
  const varchar = /^(?:VARCHAR|CHARACTER VARYING|CHAR)\((\d+)\)$/.exec(t);
  if (varchar) return { family: 'text', size: [Number(varchar[1])] };
  if (t === 'TEXT' || t === 'VARCHAR') return { family: 'text', size: [UNBOUNDED] };
  if (t === 'SMALLINT') return { family: 'int', size: [2] };
  if (t === 'INTEGER' || t === 'INT') return { family: 'int', size: [4] };
  if (t === 'BIGINT') return { family: 'int', size: [8] };
  const decimal = /^(?:DECIMAL|NUMERIC)\((\d+),\s*(\d+)\)$/.exec(t);
  if (decimal) return { family: 'numeric', size: [Number(decimal[1]) - Number(decimal[2]), Number(decimal[2])] };
  if (t === 'REAL') return { family: 'float', size: [4] };
  if (t === 'DOUBLE PRECISION') return { family: 'float', size: [8] };
  return undefined;
}

function labelsOf(sql: string, type: string): string[] | undefined {
  const m = new RegExp(`CREATE TYPE "${type.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}" AS ENUM \\(([^)]*)\\)`, 'i').exec(sql);
  return m ? [...m[1]!.matchAll(/'((?:[^']|'')*)'/g)].map((x) => x[1]!.replace(/''/g, "'")) : undefined;
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
