/** Relationship recall, FK nullability accuracy and onDelete accuracy (README "Relationship recall"). */
import type { Catalog, CatalogForeignKey, CatalogTable } from '../../src/tools/database/catalog.ts';
import type { Gold, GoldRelationship } from './gold.ts';
import {
  findColumn,
  findKeyFor,
  fkKeyColumns,
  inAliases,
  isAuditForeignKey,
  isTenantForeignKey,
  matchSchema,
  norm,
  tableFor,
  uniqueKeys,
  type SchemaMatch,
} from './matching.ts';
import { aliasText, metric, type MetricResult } from './metric.ts';

export interface RelationshipScores {
  relationshipRecall: MetricResult;
  /** FK column NOT NULL ⇔ required, over satisfied relationships that give `required`. */
  fkNullability: MetricResult;
  /** The constraint's delete action is one of `onDelete`, over satisfied relationships that give it. */
  onDelete: MetricResult;
}

interface Assignment {
  relationship: GoldRelationship;
  from: CatalogTable | undefined;
  to: CatalogTable | undefined;
  fk: CatalogForeignKey | undefined;
}

export function scoreRelationships(
  catalog: Catalog,
  gold: Gold,
  match: SchemaMatch = matchSchema(catalog, gold),
): RelationshipScores {
  const assignments = assignForeignKeys(match, gold.relationships);

  const recallMisses: string[] = [];
  let satisfied = 0;
  let nullAgree = 0;
  let nullJudged = 0;
  const nullMisses: string[] = [];
  let deleteAgree = 0;
  let deleteJudged = 0;
  const deleteMisses: string[] = [];

  for (const { relationship: r, from, to, fk } of assignments) {
    const label = `${from?.name ?? aliasText(r.from)}.${aliasText(r.fk ?? ['?'])} → ${to?.name ?? aliasText(r.to)}`;
    if (!from || !to) {
      recallMisses.push(`${label}: ${!from ? 'from' : 'to'} table missing`);
      continue;
    }
    if (!fk) {
      recallMisses.push(`${label}: no foreign key`);
      continue;
    }
    const own = fkKeyColumns(fk);
    if (r.kind === 'one-to-one' && !findKeyFor(match, from, own.map((c) => [c]), uniqueKeys(from).filter((k) => !k.partial))) {
      recallMisses.push(`${label}: one-to-one but (${own.join(', ')}) is not unique`);
      continue;
    }
    satisfied += 1;
    const shown = `${from.name}(${own.join(', ')}) → ${to.name}`;
    if (r.required !== undefined) {
      nullJudged += 1;
      const notNull = own.every((c) => findColumn(from, c)?.notNull === true);
      if (notNull === r.required) nullAgree += 1;
      else nullMisses.push(`${shown}: ${notNull ? 'NOT NULL' : 'nullable'}, gold says ${r.required ? 'required' : 'optional'}`);
    }
    if (r.onDelete !== undefined) {
      deleteJudged += 1;
      if ((r.onDelete as readonly string[]).includes(fk.onDelete)) deleteAgree += 1;
      else deleteMisses.push(`${shown}: onDelete ${fk.onDelete}, expected ${r.onDelete.join('|')}`);
    }
  }

  return {
    relationshipRecall: metric(satisfied, assignments.length, recallMisses),
    fkNullability: metric(nullAgree, nullJudged, nullMisses),
    onDelete: metric(deleteAgree, deleteJudged, deleteMisses),
  };
}

/**
 * Gives each gold relationship its own constraint: first by `fk` alias, then any remaining FK between the two
 * tables. The fallback never uses org_id or audit (created_by) FKs: those are conventions, not the relationship.
 */
function assignForeignKeys(match: SchemaMatch, relationships: readonly GoldRelationship[]): Assignment[] {
  const used = new Set<CatalogForeignKey>();
  const assignments: Assignment[] = relationships.map((relationship) => ({
    relationship,
    from: tableFor(match, relationship.from),
    to: tableFor(match, relationship.to),
    fk: undefined,
  }));
  const candidates = (a: Assignment): CatalogForeignKey[] =>
    a.from && a.to
      ? a.from.foreignKeys.filter((fk) => !used.has(fk) && norm(fk.refTable) === norm(a.to?.name ?? '') && !isTenantForeignKey(fk))
      : [];

  for (const a of assignments) {
    const aliases = a.relationship.fk;
    if (!aliases) continue;
    a.fk = candidates(a).find((fk) => fkKeyColumns(fk).some((c) => inAliases(c, aliases)));
    if (a.fk) used.add(a.fk);
  }
  for (const a of assignments) {
    if (a.fk) continue;
    a.fk = candidates(a).find((fk) => !isAuditForeignKey(fk));
    if (a.fk) used.add(a.fk);
  }
  return assignments;
}
