/** Names of a many-to-many relation's junction, shared by the input readers and the relationships pass. */
import { camelCase, entityName, singularWords } from '../../model/names.ts';

/** "Task" + "labels" → "TaskLabel"; without a relation name, "Task" + "Label" → "TaskLabel". */
export function junctionEntityName(from: string, to: string, relationName?: string): string {
  const other = relationName ? entityName(relationName) : to;
  return other.startsWith(from) ? other : `${from}${other}`;
}

/** The junction's two FK fields: "taskId" and "userId"; a self many-to-many names the far side by its role. */
export function junctionKeyFields(from: string, to: string, relationName?: string): [string, string] {
  const near = `${camelCase(from)}Id`;
  const farBase = from === to ? camelCase(singularWords(relationName ?? `related ${to}`).join(' ')) : camelCase(to);
  const far = `${farBase}Id`;
  return [near, far === near ? `related${farBase.charAt(0).toUpperCase()}${farBase.slice(1)}Id` : far];
}
