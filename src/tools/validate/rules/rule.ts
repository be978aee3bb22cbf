/**
 * A best-practice rule (research/anchors.md §2.7): what it checks, how bad a violation is, and the node whose
 * pass repairs it, so the graph can route a finding back there. Rules are pure functions of what the
 * validation gathered: the data model, the applied schema as the catalog queries returned it, the migration
 * text, and the results of the validation steps (apply, drift, isolation probe, EXPLAIN coverage, squawk).
 */
import type { DataModel, Finding, Level, NodeName } from '../../../model/index.ts';
import type { Catalog } from '../../database/catalog.ts';
import type { ValidationOutcome } from '../outcome.ts';
import type { SchemaObjects } from '../schema-objects.ts';

export type Category = Finding['category'];

/** What a rule reads; a rule whose input is missing this round (the migration did not apply) is skipped. */
export type RuleInput = 'model' | 'database' | 'migration' | 'evidence';

export interface RuleContext {
  model: DataModel;
  /** The applied schema; absent when the migration did not apply. */
  catalog?: Catalog;
  objects?: SchemaObjects;
  /** The migration files as emitted, in order. */
  migrations?: ReadonlyArray<{ name: string; sql: string }>;
  /** What the validation steps established this round. */
  evidence?: Partial<ValidationOutcome>;
}

export interface Rule {
  readonly id: string;
  readonly level: Level;
  readonly category: Category;
  /** The node that repairs a violation; undefined when no node can (the report then says so). */
  readonly owner: NodeName | undefined;
  readonly reads: RuleInput;
  /** What the rule checks, in one line (docs/validator.md). */
  readonly title: string;
  /** How a violation is fixed, in one line (docs/validator.md); each finding carries its concrete fix. */
  readonly remedy: string;
  check(context: RuleContext): Finding[];
}

export interface Violation {
  target: string;
  message: string;
  fix: string;
  /** Overrides the rule's owner for this finding (identifier-too-long, for one, depends on what is named). */
  owner?: NodeName | undefined;
  /** Overrides the rule's level for this finding (a squawk syntax error is an error, its advice a warning). */
  level?: Level;
}

export function violation(rule: Rule, v: Violation): Finding {
  const owner = 'owner' in v ? v.owner : rule.owner;
  return {
    ruleId: rule.id,
    level: v.level ?? rule.level,
    category: rule.category,
    target: v.target,
    message: v.message,
    fix: v.fix,
    ...(owner ? { owner } : {}),
  };
}

/** A finding's fix: the SQL that repairs the database and the Prisma change that keeps schema.prisma in step. */
export function fixText(parts: { sql?: string; prisma?: string; note?: string }): string {
  return [
    parts.sql ? `SQL:\n${parts.sql}` : '',
    parts.prisma ? `Prisma: ${parts.prisma}` : '',
    parts.note ?? '',
  ].filter(Boolean).join('\n');
}
