/**
 * Checks on the data model itself, before anything is emitted: every name an index, pattern or relation
 * uses exists, and every physical name is a safe PostgreSQL identifier.
 */
import type { DataModel, Finding } from '../../model/index.ts';
import { findEntity, findField, identifierProblem } from '../../model/index.ts';

export function modelFindings(model: DataModel): Finding[] {
  const findings: Finding[] = [];
  const missing = (target: string, message: string, owner: Finding['owner'], fix: string) =>
    findings.push({ ruleId: 'dangling-reference', level: 'error', category: 'integrity', target, message, fix, owner });

  for (const e of model.entities) {
    for (const name of [e.table, ...e.fields.map((f) => f.column)]) {
      const problem = identifierProblem(name);
      if (problem)
        findings.push({ ruleId: 'invalid-identifier', level: 'error', category: 'naming', target: `${e.table}`, message: problem, fix: 'Rename it in the input: lower-case snake_case, at most 63 bytes.', owner: 'extract' });
    }
  }
  for (const r of model.relations) {
    for (const end of [r.from, r.to])
      if (!findEntity(model, end)) missing(`${r.from}.${r.name}`, `relation "${r.name}" names unknown entity "${end}"`, 'relationships', `Declare entity "${end}" or remove the relation.`);
  }
  for (const ix of model.indexes) {
    const entity = findEntity(model, ix.entity);
    if (!entity) { missing(ix.entity, `an index names unknown entity "${ix.entity}"`, 'indexes', 'Remove the index.'); continue; }
    for (const f of [...ix.fields, ...ix.where.map((p) => p.field)])
      if (!findField(entity, f)) missing(`${entity.table}.${f}`, `index (${ix.fields.join(', ')}) on ${entity.table} uses unknown field "${f}"`, 'indexes', `Add field "${f}" to ${entity.name} or drop it from the index.`);
  }
  for (const q of model.queryPatterns) {
    const entity = findEntity(model, q.entity);
    if (!entity) { missing(q.entity || '(none)', `query pattern "${q.description}" names unknown entity "${q.entity}"`, 'indexes', 'Point the pattern at an existing entity.'); continue; }
    const used = [...q.equality, ...(q.range ? [q.range] : []), ...q.orderBy.map((o) => o.field), ...q.where.map((p) => p.field)];
    for (const f of used)
      if (!findField(entity, f)) missing(`${entity.table}.${f}`, `query pattern "${q.description}" uses unknown field "${f}" of ${entity.table}`, 'indexes', `Add field "${f}" to ${entity.name} or fix the pattern.`);
  }
  return findings;
}
