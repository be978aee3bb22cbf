/**
 * Deterministic, offline extraction of a partial data model from a markdown PRD: entities and their business
 * fields, stated relationships and delete rules, natural keys and partial uniques, query patterns and
 * reference data — each with the PRD line it came from. Later passes (relationships, indexes, tenancy) add
 * ids, tenant keys, audit columns, FK columns and indexes.
 *
 * The passes run in a fixed order because each reads what the previous ones found: sections decide what is
 * read at all; tenancy learns the tenant's and the users' names; discovery needs those to tell entities from
 * aliases; attributes need every entity to tell references from fields; delete rules and keys need relations.
 */
import type { DataModel, Finding } from '../../../model/model.ts';
import { attachAttributes } from './attach.ts';
import { buildModel } from './build.ts';
import { applyDeletionRules } from './deletion.ts';
import { createDoc } from './doc.ts';
import { collectHeadingTerms, discoverEntities } from './entities.ts';
import { collectFindings } from './findings.ts';
import { parseMarkdown } from './parse.ts';
import { findQueryPatterns } from './queries.ts';
import { findReferenceData } from './reference.ts';
import { bindLateReferences } from './late-references.ts';
import { bindRoleAliases, findRelations } from './relations.ts';
import { classifySections, markDeferredBlocks, reclassifyQuerySections } from './sections.ts';
import { QUERY_STRONG } from './vocabulary/queries.ts';
import { findTenancy } from './tenancy.ts';
import { resolveUniques, softDelete } from './uniqueness.ts';

export interface ExtractOptions {
  /** The model's name (default "app"). */
  name?: string;
}

export function extractFromMarkdown(prd: string, options: ExtractOptions = {}): { model: DataModel; findings: Finding[] } {
  const parsed = parseMarkdown(prd);
  classifySections(parsed.sections);
  reclassifyQuerySections(parsed.sections, QUERY_STRONG);
  markDeferredBlocks(parsed.blocks);
  const doc = createDoc(parsed);
  collectHeadingTerms(doc);
  findTenancy(doc);
  discoverEntities(doc);
  bindRoleAliases(doc);
  attachAttributes(doc);
  findRelations(doc);
  applyDeletionRules(doc);
  findReferenceData(doc);
  bindLateReferences(doc);
  resolveUniques(doc);
  softDelete(doc);
  findQueryPatterns(doc);
  collectFindings(doc);
  return buildModel(doc, options.name ?? 'app');
}
