/**
 * schema-bench's own scores (shared/evals-peer/liam/README.md, "How schema-bench scores"), so that a number can
 * be quoted next to Liam's. Only its deterministic passes are reproduced: exact (normalised) names, then word
 * overlap. The embedding pass needs a model download and is left out, so mappings here can only be fewer.
 *
 * The gold holds alias lists, not schema-bench's raw reference, so: a reference name is its alias list (raw
 * name and plural/singular variant); reference columns are the gold fields plus FK columns (the converter
 * dropped id, created_at and updated_at, so the predicted side drops them too, except an `id` an alias claims);
 * reference FKs are the relationships plus the two FKs of each junction, compared by name without the target
 * column. What our conventions add (convention tables, their columns org_id and created_by, and the FKs on those
 * columns) is left out of the predicted side and counted in `excluded`.
 */
import pluralize from 'pluralize';
import type { Catalog, CatalogForeignKey, CatalogTable } from '../../src/tools/database/catalog.ts';
import type { Gold } from './gold.ts';
import {
  fkKeyColumns,
  inAliases,
  isAuditForeignKey,
  isTenantForeignKey,
  matchSchema,
  norm,
  sameList,
  TENANT_KEY,
  type SchemaMatch,
} from './matching.ts';
import { aliasText, type MetricResult } from './metric.ts';

export interface LiamScores {
  /** F1 of the table mapping; hit = 2 × mapped, total = predicted + reference tables. */
  tableF1: MetricResult;
  tableRecall: MetricResult;
  /** Σ per-table column F1 ÷ reference tables (unmapped tables count 0). */
  columnF1: MetricResult;
  columnRecall: MetricResult;
  columnAllCorrect: MetricResult;
  /** Raw-name FK F1; hit = 2 × matched, total = predicted + reference FKs. */
  fkF1: MetricResult;
  fkRecall: MetricResult;
  /** What the predicted side leaves out because our conventions add it. */
  excluded: { tables: string[]; columns: number; foreignKeys: number };
}

interface RefTable {
  label: string;
  aliases: string[];
  columns: string[][];
}

interface RefForeignKey {
  from: string[];
  fk: string[];
  to: string[];
}

const STOP_WORDS = new Set(['the', 'a', 'an', 'of', 'record']);
/** Columns the converter dropped from the reference; never counted on the predicted side either. */
const DROPPED_COLUMNS = new Set(['id', 'created_at', 'updated_at']);
const CONVENTION_COLUMNS = new Set([TENANT_KEY, 'created_by']);

export function scoreLiam(catalog: Catalog, gold: Gold, match: SchemaMatch = matchSchema(catalog, gold)): LiamScores {
  const conventions = new Set(match.conventionTables);
  const predicted = match.catalog.tables.filter((t) => !conventions.has(norm(t.name)));
  const reference = referenceTables(gold);

  const tableMap = mapNames(
    reference.map((r) => r.aliases),
    predicted.map((t) => norm(t.name)),
  );
  const mapped = tableMap.filter((p) => p !== undefined).length;
  const tablePrecision = predicted.length === 0 ? 0 : mapped / predicted.length;
  const tableRecallValue = reference.length === 0 ? 0 : mapped / reference.length;
  const tableMisses = [
    ...reference.flatMap((r, i) => (tableMap[i] === undefined ? [`reference ${r.label}: no predicted table`] : [])),
    ...predicted.flatMap((t, i) => (tableMap.includes(i) ? [] : [`predicted ${t.name}: maps to no reference table`])),
  ];

  let f1Sum = 0;
  let recallSum = 0;
  let allCorrect = 0;
  let columnScored = 0;
  const columnMisses: string[] = [];
  reference.forEach((ref, i) => {
    // A reference table with no known column (the converter's field-less additions) can't be column-scored.
    if (ref.columns.length === 0) return;
    columnScored += 1;
    const index = tableMap[i];
    const table = index === undefined ? undefined : predicted[index];
    if (!table) return;
    const claimsId = ref.columns.some((aliases) => aliases.includes('id'));
    const columns = table.columns
      .map((c) => norm(c.name))
      .filter((c) => !CONVENTION_COLUMNS.has(c) && (!DROPPED_COLUMNS.has(c) || (c === 'id' && claimsId)));
    const columnMap = mapNames(ref.columns, columns);
    const hits = columnMap.filter((p) => p !== undefined).length;
    const f1 = harmonic(columns.length === 0 ? 0 : hits / columns.length, hits / ref.columns.length);
    f1Sum += f1;
    recallSum += hits / ref.columns.length;
    if (Math.abs(f1 - 1) < 1e-5) allCorrect += 1;
    ref.columns.forEach((aliases, c) => {
      if (columnMap[c] === undefined) columnMisses.push(`${table.name}.${aliasText(aliases)}: no predicted column`);
    });
    columns.forEach((name, c) => {
      if (!columnMap.includes(c)) columnMisses.push(`${table.name}.${name}: maps to no reference column`);
    });
  });

  const refFks = referenceForeignKeys(gold);
  const predFks = predicted.flatMap((table) =>
    table.foreignKeys.filter((fk) => !isTenantForeignKey(fk) && !isAuditForeignKey(fk)).map((fk) => ({ table, fk })),
  );
  const excludedColumns = predicted.reduce((n, t) => n + t.columns.filter((c) => CONVENTION_COLUMNS.has(norm(c.name))).length, 0);
  const excludedFks = match.catalog.tables.reduce((n, t) => n + t.foreignKeys.length, 0) - predFks.length;
  const fkUsed = new Set<number>();
  const fkMisses: string[] = [];
  for (const ref of refFks) {
    const found = predFks.findIndex((p, i) => !fkUsed.has(i) && sameForeignKey(ref, p.table, p.fk));
    if (found >= 0) fkUsed.add(found);
    else fkMisses.push(`reference ${aliasText(ref.from)}.${aliasText(ref.fk)} → ${aliasText(ref.to)}: no predicted FK`);
  }
  predFks.forEach((p, i) => {
    if (!fkUsed.has(i)) fkMisses.push(`predicted ${p.table.name}(${p.fk.columns.join(', ')}) → ${p.fk.refTable}: no reference FK`);
  });
  const fkMatched = fkUsed.size;
  // schema-bench: precision 0 without predicted FKs, recall 1 without reference FKs.
  const fkPrecision = predFks.length === 0 ? 0 : fkMatched / predFks.length;
  const fkRecallValue = refFks.length === 0 ? 1 : fkMatched / refFks.length;

  return {
    tableF1: { score: harmonic(tablePrecision, tableRecallValue), hit: 2 * mapped, total: predicted.length + reference.length, misses: tableMisses },
    tableRecall: { score: tableRecallValue, hit: mapped, total: reference.length, misses: tableMisses.filter((m) => m.startsWith('reference')) },
    columnF1: average(f1Sum, columnScored, columnMisses),
    columnRecall: average(recallSum, columnScored, columnMisses.filter((m) => m.includes('no predicted column'))),
    columnAllCorrect: average(allCorrect, columnScored, []),
    fkF1: { score: harmonic(fkPrecision, fkRecallValue), hit: 2 * fkMatched, total: predFks.length + refFks.length, misses: fkMisses },
    fkRecall: { score: fkRecallValue, hit: fkMatched, total: refFks.length, misses: fkMisses.filter((m) => m.startsWith('reference')) },
    excluded: { tables: [...conventions], columns: excludedColumns, foreignKeys: excludedFks },
  };
}

/**
 * schema-bench's mapping order: every reference name first tries an exact (normalised) match, then the
 * still-unmapped ones try word overlap; the first unused candidate wins. Returns the predicted index per
 * reference item.
 */
export function mapNames(reference: readonly (readonly string[])[], predicted: readonly string[]): Array<number | undefined> {
  const out: Array<number | undefined> = reference.map(() => undefined);
  const used = new Set<number>();
  const pass = (matches: (aliases: readonly string[], name: string) => boolean): void => {
    reference.forEach((aliases, r) => {
      if (out[r] !== undefined) return;
      const p = predicted.findIndex((name, i) => !used.has(i) && matches(aliases, name));
      if (p >= 0) {
        out[r] = p;
        used.add(p);
      }
    });
  };
  pass((aliases, name) => aliases.map(normaliseName).includes(normaliseName(name)));
  pass((aliases, name) => {
    const words = new Set(aliases.flatMap(nameWords));
    return nameWords(name).some((w) => words.has(w));
  });
  return out;
}

function normaliseName(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_');
}

function nameWords(name: string): string[] {
  return name
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length > 0 && !STOP_WORDS.has(w));
}

function harmonic(precision: number, recall: number): number {
  return precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
}

function average(sum: number, count: number, misses: string[]): MetricResult {
  return { score: count === 0 ? null : sum / count, hit: sum, total: count, misses };
}

function referenceTables(gold: Gold): RefTable[] {
  const fkColumns = (tables: string[]): string[][] =>
    gold.relationships.filter((r) => sameList(r.from, tables) && r.fk).map((r) => r.fk ?? []);
  return [
    ...gold.entities.map((e) => ({ label: e.tables[0] ?? e.name, aliases: e.tables, columns: [...e.fields.map((f) => f.names), ...fkColumns(e.tables)] })),
    ...gold.manyToMany.map((m) => {
      const aliases = m.junction ?? [`${m.a[0]}_${m.b[0]}`];
      return {
        label: aliases[0] ?? '',
        aliases,
        columns: [...(m.fields ?? []).map((f) => f.names), idColumns(m.a), idColumns(m.b)],
      };
    }),
  ];
}

function referenceForeignKeys(gold: Gold): RefForeignKey[] {
  return [
    ...gold.relationships.filter((r) => r.fk).map((r) => ({ from: r.from, fk: r.fk ?? [], to: r.to })),
    ...gold.manyToMany.flatMap((m) => {
      const from = m.junction ?? [];
      return [
        { from, fk: idColumns(m.a), to: m.a },
        { from, fk: idColumns(m.b), to: m.b },
      ];
    }),
  ];
}

/** A junction's FK column to a side, as the singular of each of its table aliases plus _id. */
function idColumns(tables: readonly string[]): string[] {
  return [...new Set(tables.map((t) => `${pluralize.singular(t)}_id`))];
}

function sameForeignKey(ref: RefForeignKey, table: CatalogTable, fk: CatalogForeignKey): boolean {
  return inAliases(table.name, ref.from) && inAliases(fk.refTable, ref.to) && fkKeyColumns(fk).every((c) => inAliases(c, ref.fk));
}
