/** The SQL text of a partial-index predicate, built from the model's structured conditions, never from free text. */
import type { Entity, Field, Predicate } from '../../model/model.ts';
import { getField } from '../../model/lookup.ts';
import { quoteIdent, sqlValue } from '../sql/quote.ts';

/** `"deleted_at" IS NULL AND "status" = 'active'`: every condition must hold. */
export function predicateSql(entity: Entity, where: readonly Predicate[]): string {
  return where.map((p) => conditionSql(entity, p)).join(' AND ');
}

function conditionSql(entity: Entity, predicate: Predicate): string {
  const field = getField(entity, predicate.field);
  const column = quoteIdent(field.column);
  switch (predicate.op) {
    case 'isNull':
      return `${column} IS NULL`;
    case 'isNotNull':
      return `${column} IS NOT NULL`;
    case 'eq': {
      // PostgreSQL compares varchar as text and stores the predicate with that cast; writing the cast keeps
      // Prisma's next diff from seeing a changed index (it does for `"col" = 'x'` on a varchar column).
      const operand = field.type === 'string' && field.maxLength !== undefined ? `${column}::text` : column;
      return `${operand} = ${sqlValue(checkedValue(entity, field, predicate.value))}`;
    }
  }
}

/** A value of the wrong type would make the index fail to create (or, worse, compare as text); reject it here. */
function checkedValue(entity: Entity, field: Field, value: string | number | boolean): string | number | boolean {
  const where = `Predicate on ${entity.name}.${field.name}`;
  const expect = (ok: boolean, what: string): void => {
    if (!ok) throw new Error(`${where}: ${JSON.stringify(value)} is not ${what}`);
  };
  switch (field.type) {
    case 'boolean':
      expect(typeof value === 'boolean', 'a boolean');
      break;
    case 'integer':
    case 'bigint':
      expect(typeof value === 'number' && Number.isInteger(value), 'an integer');
      break;
    case 'decimal':
    case 'float':
      expect(typeof value === 'number', 'a number');
      break;
    case 'enum':
      expect(typeof value === 'string' && (field.enumValues ?? []).includes(value), `one of ${JSON.stringify(field.enumValues ?? [])}`);
      break;
    case 'json':
      throw new Error(`${where}: equality on a json column cannot be indexed`);
    default:
      expect(typeof value === 'string', 'a string');
  }
  return value;
}
