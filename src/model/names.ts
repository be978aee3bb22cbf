/**
 * Naming conventions (DESIGN §3): models PascalCase singular, fields camelCase, tables snake_case plural,
 * columns snake_case. Every physical name is checked against PostgreSQL's limits before it reaches SQL.
 */
import pluralize from 'pluralize';

/** Splits "TaskAssignee", "task_assignee", "task assignee", "taskAssignee", "SLA policy" into lower-case words. */
export function words(input: string): string[] {
  return input
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w.toLowerCase());
}

export function snakeCase(input: string): string {
  return words(input).join('_');
}

export function camelCase(input: string): string {
  const [first = '', ...rest] = words(input);
  return first + rest.map(capitalize).join('');
}

export function pascalCase(input: string): string {
  return words(input).map(capitalize).join('');
}

function capitalize(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/** Pluralises the last word only: "line item" → "line items", "sla policy" → "sla policies". */
export function pluralWords(input: string): string[] {
  const parts = words(input);
  const last = parts.pop();
  return last === undefined ? [] : [...parts, pluralize.plural(last)];
}

export function singularWords(input: string): string[] {
  const parts = words(input);
  const last = parts.pop();
  return last === undefined ? [] : [...parts, pluralize.singular(last)];
}

/** "line items" → "LineItem" */
export function entityName(input: string): string {
  return singularWords(input).map(capitalize).join('');
}

/** "LineItem" → "line_items" */
export function tableName(entity: string): string {
  return pluralWords(entity).join('_');
}

/** "dueDate" → "due_date" */
export function columnName(field: string): string {
  return snakeCase(field);
}

export const MAX_IDENTIFIER_BYTES = 63;
const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;

/** Why a physical name is unusable, or undefined when it is fine. */
export function identifierProblem(name: string): string | undefined {
  if (!IDENTIFIER.test(name)) return `"${name}" must be lower-case letters, digits and underscores, not starting with a digit`;
  if (Buffer.byteLength(name, 'utf8') > MAX_IDENTIFIER_BYTES)
    return `"${name}" is ${Buffer.byteLength(name, 'utf8')} bytes; PostgreSQL truncates identifiers over ${MAX_IDENTIFIER_BYTES}`;
  return undefined;
}

/**
 * Shortens a derived name (index, constraint, policy) to fit 63 bytes, keeping it unique by a short hash
 * of the full name: PostgreSQL would silently truncate it and two long names could collide.
 */
export function fitIdentifier(name: string): string {
  if (Buffer.byteLength(name, 'utf8') <= MAX_IDENTIFIER_BYTES) return name;
  let hash = 0;
  for (const ch of name) hash = (hash * 31 + ch.charCodeAt(0)) >>> 0;
  const suffix = '_' + hash.toString(36).slice(0, 6);
  return name.slice(0, MAX_IDENTIFIER_BYTES - suffix.length) + suffix;
}
