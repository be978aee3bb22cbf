/** Every metric of one input, from one applied catalog and its gold file. */
import type { Catalog } from '../../src/tools/database/catalog.ts';
import { scoreEntityPrecision, scoreEntityRecall } from './entities.ts';
import { scoreFields } from './fields.ts';
import { scoreForeignKeyIndexes } from './fk-index.ts';
import { isMultiTenant, type Gold } from './gold.ts';
import { scoreLiam } from './liam.ts';
import { scoreManyToMany } from './many-to-many.ts';
import { matchSchema } from './matching.ts';
import { notApplicable, type MetricResult } from './metric.ts';
import { scoreNaturalKeys } from './natural-keys.ts';
import { scorePartialIndexes } from './partial-indexes.ts';
import { scoreQueryPatterns } from './query-patterns.ts';
import { scoreReferenceData, type ReferenceValues } from './reference-data.ts';
import { scoreRelationships } from './relationships.ts';
import { scoreRls } from './rls.ts';
import { scoreTenant } from './tenant.ts';

/** Scored metrics: higher is better, macro-averaged over inputs, usable with --min. */
export const METRICS = [
  'entityRecall',
  'entityPrecision',
  'fieldRecall',
  'nullability',
  'relationshipRecall',
  'fkNullability',
  'onDelete',
  'm2mRecall',
  'naturalKeyRecall',
  'queryPatterns',
  'queryPatternsRelaxed',
  'partialIndexRecall',
  'referenceDataRecall',
  'fkIndexCoverage',
  'tenantCoverage',
  'rlsCoverage',
  'rlsForced',
  'liamTableF1',
  'liamTableRecall',
  'liamColumnF1',
  'liamColumnRecall',
  'liamColumnAllCorrect',
  'liamFkF1',
  'liamFkRecall',
] as const;
export type MetricName = (typeof METRICS)[number];

/** Counts worth reviewing, not scores: leaked global tables and unscoped extras should be 0. */
export const DIAGNOSTICS = ['globalLeakage', 'unscopedExtras', 'tenantTables'] as const;
export type DiagnosticName = (typeof DIAGNOSTICS)[number];

export interface SchemaScores {
  metrics: Record<MetricName, MetricResult>;
  diagnostics: Record<DiagnosticName, MetricResult>;
  /** Unmatched tables our conventions add (organizations, users, memberships); see evals/README.md. */
  conventionTables: string[];
  /** Convention objects the schema-bench scores leave out of the predicted side. */
  liamExcluded: { tables: string[]; columns: number; foreignKeys: number };
}

export interface ScoreContext {
  /** Seeded values of reference tables (see referenceColumnsToRead). */
  referenceValues?: ReferenceValues;
  /** From the generator's report: the tenant root table and the session setting the policies read. */
  rootTable?: string;
  setting?: string;
}

export function scoreSchema(catalog: Catalog, gold: Gold, context: ScoreContext = {}): SchemaScores {
  const match = matchSchema(catalog, gold, context.rootTable === undefined ? {} : { rootTable: context.rootTable });
  const fields = scoreFields(catalog, gold, match);
  const relationships = scoreRelationships(catalog, gold, match);
  const patterns = scoreQueryPatterns(catalog, gold, match);
  const tenant = scoreTenant(catalog, gold, match);
  const rls = scoreRls(catalog, gold, context.setting === undefined ? {} : { setting: context.setting }, match);
  const liam = scoreLiam(catalog, gold, match);
  return {
    metrics: {
      entityRecall: scoreEntityRecall(catalog, gold, match),
      entityPrecision: scoreEntityPrecision(catalog, gold, match),
      fieldRecall: fields.fieldRecall,
      nullability: fields.nullability,
      relationshipRecall: relationships.relationshipRecall,
      fkNullability: relationships.fkNullability,
      onDelete: relationships.onDelete,
      m2mRecall: scoreManyToMany(catalog, gold, match),
      naturalKeyRecall: scoreNaturalKeys(catalog, gold, match),
      queryPatterns: patterns.queryPatterns,
      queryPatternsRelaxed: patterns.queryPatternsRelaxed,
      partialIndexRecall: scorePartialIndexes(catalog, gold, match),
      referenceDataRecall: scoreReferenceData(catalog, gold, context.referenceValues ?? {}, match),
      fkIndexCoverage: scoreForeignKeyIndexes(catalog),
      tenantCoverage: tenant.tenantCoverage,
      rlsCoverage: rls.rlsCoverage,
      rlsForced: rls.rlsForced,
      liamTableF1: liam.tableF1,
      liamTableRecall: liam.tableRecall,
      liamColumnF1: liam.columnF1,
      liamColumnRecall: liam.columnRecall,
      liamColumnAllCorrect: liam.columnAllCorrect,
      liamFkF1: liam.fkF1,
      liamFkRecall: liam.fkRecall,
    },
    diagnostics: {
      globalLeakage: tenant.globalLeakage,
      unscopedExtras: tenant.unscopedExtras,
      tenantTables: tenant.tenantTables,
    },
    conventionTables: match.conventionTables,
    liamExcluded: liam.excluded,
  };
}

/**
 * README: when the migration or the seed fails, every database-derived metric of the input is 0. Metrics the
 * gold gives nothing to score stay null, so the failure is not averaged into metrics it could not affect.
 */
export function failedScores(gold: Gold, reason: string): SchemaScores {
  const applicable = applicableMetrics(gold);
  // Scoring an empty database gives the gold's own totals where a metric has them (0/10 entities), so the raw
  // counts of a failed input still weigh in the sums.
  const empty = scoreSchema({ tables: [] }, gold).metrics;
  const metrics = Object.fromEntries(
    METRICS.map((name) => [name, applicable[name] ? { score: 0, hit: 0, total: empty[name].total, misses: [reason] } : notApplicable()]),
  ) as Record<MetricName, MetricResult>;
  return {
    metrics,
    diagnostics: { globalLeakage: notApplicable(), unscopedExtras: notApplicable(), tenantTables: notApplicable() },
    conventionTables: [],
    liamExcluded: { tables: [], columns: 0, foreignKeys: 0 },
  };
}

function applicableMetrics(gold: Gold): Record<MetricName, boolean> {
  const fields = [...gold.entities.flatMap((e) => e.fields), ...gold.manyToMany.flatMap((m) => m.fields ?? [])];
  const hasColumns = gold.entities.some((e) => e.fields.length > 0) || gold.manyToMany.length > 0 || gold.relationships.length > 0;
  return {
    entityRecall: true,
    entityPrecision: true,
    fieldRecall: fields.length > 0,
    nullability: fields.some((f) => f.required !== undefined),
    relationshipRecall: gold.relationships.length > 0,
    fkNullability: gold.relationships.some((r) => r.required !== undefined),
    onDelete: gold.relationships.some((r) => r.onDelete !== undefined),
    m2mRecall: gold.manyToMany.length > 0,
    naturalKeyRecall: gold.entities.some((e) => e.naturalKeys.length > 0),
    queryPatterns: gold.queryPatterns.length > 0,
    queryPatternsRelaxed: gold.queryPatterns.length > 0,
    partialIndexRecall: gold.partialIndexes.length > 0,
    referenceDataRecall: gold.referenceData.length > 0,
    fkIndexCoverage: true,
    tenantCoverage: isMultiTenant(gold),
    rlsCoverage: true,
    rlsForced: true,
    liamTableF1: true,
    liamTableRecall: true,
    liamColumnF1: hasColumns,
    liamColumnRecall: hasColumns,
    liamColumnAllCorrect: hasColumns,
    liamFkF1: true,
    liamFkRecall: true,
  };
}
