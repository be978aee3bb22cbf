/** Which columns a policy expression compares: the catalog deparses casts and calls that may share a column's name. */
import { describe, expect, it } from 'vitest';
import type { CatalogTable } from '../../src/tools/database/catalog.ts';
import { columnsIn } from '../../src/tools/validate/rules/scope.ts';

const table = (...names: string[]) => ({ name: 't', columns: names.map((name) => ({ name })) }) as unknown as CatalogTable;

describe('columnsIn', () => {
  it('finds the compared column, not a column named like a cast type, a function or a literal', () => {
    // As pg_get_expr renders the generated tenant policy.
    const using = "(org_id = ( SELECT (NULLIF(current_setting('app.current_org_id'::text, true), ''::text))::uuid AS \"nullif\"))";
    expect(columnsIn(using, table('id', 'org_id', 'text', 'uuid', 'nullif', 'current_setting'))).toEqual(['org_id']);
  });

  it('finds quoted and unquoted columns', () => {
    expect(columnsIn('("Owner" = owner_id) AND (text IS NOT NULL)', table('Owner', 'owner_id', 'text')).sort()).toEqual(['Owner', 'owner_id', 'text']);
  });
});
