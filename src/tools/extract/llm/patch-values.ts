/**
 * The patch's loose values made into model values, or a reason they cannot be: names normalised to our
 * conventions (PascalCase entities, camelCase fields), fields checked as physical identifiers, defaults checked
 * against their field's type so a bad literal never reaches the migration.
 */
import { camelCase, columnName, identifierProblem, snakeCase } from '../../../model/names.ts';
import type { Field, FieldDefault, LogicalType, Predicate, Provenance } from '../../../model/model.ts';
import type { FieldSpec, PatchPredicate } from './schema.ts';

/** Fields the later passes own: the model may mention them in keys and patterns but never declare them. */
const PIPELINE_FIELDS: readonly string[] = ['id', 'orgId', 'createdAt', 'updatedAt', 'createdById', 'deletedAt'];

/** A problem is a sentence saying why the merge refused an item. */
export type Checked<T> = { ok: true; value: T } | { ok: false; problem: string };
const ok = <T>(value: T): Checked<T> => ({ ok: true, value });
const no = <T>(problem: string): Checked<T> => ({ ok: false, problem });

export function attributeName(raw: string): Checked<string> {
  const name = camelCase(raw);
  if (!name) return no(`"${raw}" is not a field name`);
  if (PIPELINE_FIELDS.includes(name)) return no(`"${name}" is added by the pipeline, not declared`);
  const problem = identifierProblem(columnName(name));
  return problem ? no(problem) : ok(name);
}

export function fieldFromSpec(spec: FieldSpec, provenance: Provenance): Checked<Field> {
  const name = attributeName(spec.name);
  if (!name.ok) return name;
  const enumValues = spec.type === 'enum' ? enumLabels(spec.enumValues) : undefined;
  // An enum without values is a string the PRD did not enumerate (as the deterministic reader does).
  const type: LogicalType = spec.type === 'enum' && !enumValues ? 'string' : spec.type;
  const field: Field = { name: name.value, column: columnName(name.value), type, required: spec.required, role: 'attribute', provenance };
  if (enumValues) field.enumValues = enumValues;
  if (spec.maxLength && spec.maxLength > 0 && type === 'string') field.maxLength = spec.maxLength;
  if (type === 'decimal' && spec.precision && spec.precision > 0) {
    field.precision = spec.precision;
    if (spec.scale !== null && spec.scale >= 0 && spec.scale <= spec.precision) field.scale = spec.scale;
  }
  if (spec.description) field.description = spec.description;
  if (spec.default !== null) {
    const value = defaultFor(type, spec.default, enumValues);
    if (!value.ok) return no(`default of ${name.value}: ${value.problem}`);
    field.default = value.value;
  }
  return ok(field);
}

export function enumLabels(values: string[] | null): string[] | undefined {
  const labels = [...new Set((values ?? []).map(snakeCase).filter(Boolean))];
  return labels.length ? labels : undefined;
}

/** A literal default that the column's type accepts. */
export function defaultFor(type: LogicalType, value: string | number | boolean, enumValues?: string[]): Checked<FieldDefault> {
  const literal = (v: string | number | boolean): Checked<FieldDefault> => ok({ kind: 'value', value: v });
  switch (type) {
    case 'datetime':
    case 'date':
      return value === 'now' || value === 'now()' ? ok({ kind: 'now' }) : no('only "now" is accepted for a date or time');
    case 'integer':
    case 'bigint':
    case 'decimal':
    case 'float': {
      const n = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
      if (!Number.isFinite(n) || ((type === 'integer' || type === 'bigint') && !Number.isInteger(n))) return no(`${JSON.stringify(value)} is not a ${type}`);
      return literal(n);
    }
    case 'boolean':
      if (typeof value === 'boolean') return literal(value);
      return value === 'true' || value === 'false' ? literal(value === 'true') : no(`${JSON.stringify(value)} is not a boolean`);
    case 'enum': {
      const label = snakeCase(String(value));
      return enumValues?.includes(label) ? literal(label) : no(`"${value}" is not one of ${(enumValues ?? []).join(', ')}`);
    }
    case 'string':
    case 'text':
      return literal(String(value));
    default:
      return no(`a literal default is not supported for ${type}`);
  }
}

export function predicateOf(p: PatchPredicate): Checked<Predicate> {
  const field = camelCase(p.field);
  if (!field) return no(`"${p.field}" is not a field name`);
  if (p.op !== 'eq') return ok({ field, op: p.op });
  return p.value === null ? no(`"${field} eq" needs a value`) : ok({ field, op: 'eq', value: p.value });
}
