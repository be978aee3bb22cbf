/**
 * docs/SCHEMA.md: the ERD, every table with its columns, keys, indexes and policy, the initialization order and
 * the index coverage of the query patterns. Column types come from the applied database when there is one.
 */
import type { DataModel, Entity, Field, Index } from '../../model/index.ts';
import { findEntity, foreignKeyRelations, getField } from '../../model/index.ts';
import type { Catalog } from '../database/catalog.ts';
import { dependencyOrder } from './dependency-order.ts';

/**
 * How one access path is served, as EXPLAIN on the applied database shows it (or, when the migration did not
 * apply, as the model's indexes suggest). Produced by the validator (src/tools/validate/coverage).
 */
export interface PatternCoverage {
  /** A query pattern of the model, or the tenant predicate the policy adds to every query on a tenant table. */
  kind: 'query-pattern' | 'tenant-policy';
  entity: string;
  table: string;
  description: string;
  /** The statement that was planned; null when the proof is static. */
  query: string | null;
  /**
   * indexed: the index the plan uses serves the whole pattern. partial: it serves everything RLS lets PostgreSQL
   * put in an index condition (see rlsFiltered). unindexed: no index in the plan serves the pattern.
   */
  status: 'indexed' | 'partial' | 'unindexed';
  indexed: boolean;
  index: string | null;
  /** The plan line naming the index, with its Index Cond; or the scan the planner chose instead. */
  plan: string | null;
  /** Pattern columns whose comparison is not LEAKPROOF: under RLS PostgreSQL filters on them after the index. */
  rlsFiltered: string[];
  proof: 'explain' | 'model';
  error?: string;
}

export function emitSchemaDoc(model: DataModel, catalog?: Catalog, coverage: PatternCoverage[] = []): string {
  const out: string[] = [`# ${model.name} — database schema`, ''];
  out.push(
    `Multi-tenant PostgreSQL schema. The tenant root is \`${rootTable(model)}\`; every tenant-scoped table carries`,
    `\`${model.tenancy.column}\`, has row-level security enabled and forced, and one policy for the role \`${model.tenancy.appRole}\`.`,
    `The application connects as \`${model.tenancy.appRole}\` (a NOLOGIN role the migration creates: grant it LOGIN or`,
    `grant it to your login role) and runs \`SELECT set_config('${model.tenancy.setting}', <org id>, true)\` in each transaction.`,
    `Without that setting every tenant table reads as empty.`,
    '',
    '## Entity-relationship diagram',
    '',
    '```mermaid',
    mermaid(model),
    '```',
    '',
    '## Initialization order',
    '',
    'Create, load or seed tables in this order (each table only references tables above it, except through nullable columns):',
    '',
    ...dependencyOrder(model).map((e, i) => `${i + 1}. \`${e.table}\`${e.kind === 'reference' ? ' (reference data, seeded)' : ''}`),
    '',
    '## Tables',
    '',
  );
  for (const entity of model.entities) out.push(...tableSection(model, entity, catalog));
  out.push('## Index coverage of the query patterns', '');
  if (coverage.length === 0) out.push('The input named no query patterns.', '');
  else {
    const proven = coverage.some((c) => c.proof === 'explain');
    out.push(
      proven
        ? 'Proven with EXPLAIN on the applied (empty) database, as the application role under a tenant context, so the ' +
            'policy\'s tenant predicate is part of every plan. The tables are empty, so the planner is steered: sequential ' +
            'scans, bitmap scans and sorts off, generic plans, and the tenant column given one distinct value (one ' +
            'tenant\'s view), so that only an index serving the pattern\'s own columns beats the tenant key alone.'
        : 'Derived from the model only: the migration did not apply, so nothing could be EXPLAINed.',
      '',
      '| Table | Access path | Served | Index | Plan |',
      '|---|---|---|---|---|',
    );
    for (const c of coverage) {
      const served = c.status === 'partial' ? `partly (${c.rlsFiltered.join(', ')} filtered under RLS)` : c.status === 'indexed' ? 'yes' : '**no**';
      const path = c.kind === 'tenant-policy' ? `tenant policy: ${c.description}` : c.description;
      out.push(`| \`${c.table}\` | ${cell(path)} | ${served} | ${c.index ? `\`${c.index}\`` : '**none**'} | ${c.plan ? `\`${cell(c.plan)}\`` : cell(c.error ?? '')} |`);
    }
    out.push('');
  }
  return out.join('\n');
}

function rootTable(model: DataModel): string {
  return findEntity(model, model.tenancy.rootEntity)?.table ?? 'organizations';
}

function mermaid(model: DataModel): string {
  const lines = ['erDiagram'];
  for (const r of foreignKeyRelations(model)) {
    if (r.name === 'createdBy') continue; // on every table: drawn, it would hide the real structure
    const from = findEntity(model, r.from);
    const to = findEntity(model, r.to);
    if (!from || !to) continue;
    const left = r.required ? '||' : 'o|';
    const right = r.cardinality === 'one-to-one' ? 'o|' : 'o{';
    lines.push(`  ${to.table} ${left}--${right} ${from.table} : "${r.name}"`);
  }
  for (const e of model.entities) {
    lines.push(`  ${e.table} {`);
    for (const f of e.fields) lines.push(`    ${mermaidType(f)} ${f.column}${f.role === 'id' ? ' PK' : f.role === 'foreign-key' || f.role === 'tenant' ? ' FK' : ''}`);
    lines.push('  }');
  }
  return lines.join('\n');
}

function mermaidType(f: Field): string {
  return f.type === 'enum' ? (f.enumName ?? 'enum') : f.type;
}

function tableSection(model: DataModel, entity: Entity, catalog?: Catalog): string[] {
  const table = catalog?.tables.find((t) => t.name === entity.table);
  const out = [`### \`${entity.table}\` (${entity.kind})`, ''];
  if (entity.description) out.push(entity.description, '');
  if (entity.provenance?.ref) out.push(`Source: ${entity.provenance.line ? `PRD line ${entity.provenance.line}: ` : ''}${cell(entity.provenance.ref)}`, '');
  out.push('| Column | Type | Null | Default | Notes |', '|---|---|---|---|---|');
  for (const f of entity.fields) {
    const col = table?.columns.find((c) => c.name === f.column);
    const type = col?.type ?? logicalType(f);
    const dflt = col?.default ?? describeDefault(f);
    out.push(`| \`${f.column}\` | ${cell(type)} | ${f.required ? 'not null' : 'null'} | ${dflt ? cell(dflt) : ''} | ${cell(fieldNote(model, entity, f))} |`);
  }
  out.push('');
  const indexes = model.indexes.filter((ix) => ix.entity === entity.name);
  if (indexes.length) {
    out.push('Indexes:', '');
    for (const ix of indexes) out.push(`- ${describeIndex(entity, ix)} — ${ix.why}`);
    out.push('');
  }
  const policies = model.policies.filter((p) => p.entity === entity.name);
  if (policies.length) {
    out.push(`Row-level security: enabled and forced.`, '');
    for (const p of policies) out.push(`- policy \`${p.name}\` ${p.command} TO \`${p.role}\` USING \`${p.using}\` WITH CHECK \`${p.withCheck}\``);
    out.push('');
  } else if (entity.kind === 'reference') {
    out.push(`Reference data: global, read-only for \`${model.tenancy.appRole}\`, seeded by \`prisma/seed.sql\`.`, '');
  }
  return out;
}

function fieldNote(model: DataModel, entity: Entity, f: Field): string {
  const fk = foreignKeyRelations(model).find((r) => r.from === entity.name && r.field === f.name);
  if (fk) {
    const to = findEntity(model, fk.to)?.table ?? fk.to;
    return `→ ${to}${fk.tenantComposite ? ' (composite with org_id)' : ''}, on delete ${fk.onDelete ?? 'NoAction'}${fk.why ? ` (${fk.why})` : ''}`;
  }
  if (f.role === 'tenant') return `→ ${rootTable(model)}, on delete Cascade`;
  if (f.type === 'enum') return `${f.enumName}: ${(f.enumValues ?? []).join(', ')}`;
  return f.description ?? '';
}

function describeIndex(entity: Entity, ix: Index): string {
  const cols = ix.fields.map((name) => getField(entity, name).column).join(', ');
  const where = ix.where.length ? ` WHERE ${ix.where.map((p) => `${getField(entity, p.field).column} ${p.op === 'eq' ? `= ${JSON.stringify(p.value)}` : p.op === 'isNull' ? 'IS NULL' : 'IS NOT NULL'}`).join(' AND ')}` : '';
  return `${ix.unique ? 'unique ' : ''}(${cols})${where}`;
}

function logicalType(f: Field): string {
  if (f.type === 'enum') return f.enumName ?? 'enum';
  if (f.type === 'datetime') return 'timestamptz(3)';
  if (f.type === 'string' && f.maxLength) return `varchar(${f.maxLength})`;
  return f.type;
}

function describeDefault(f: Field): string {
  if (!f.default) return '';
  if (f.default.kind === 'now') return 'now()';
  if (f.default.kind === 'uuid') return 'gen_random_uuid()';
  return String(f.default.value);
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}
