/** Reference data as idempotent SQL, and the Prisma seed script that runs it. */
import type { DataModel } from '../../model/index.ts';
import { getEntity, getField } from '../../model/index.ts';
import { quoteIdent, sqlValue } from '../sql/quote.ts';
import { dependencyOrder } from './dependency-order.ts';

export function emitSeedSql(model: DataModel): string {
  const order = dependencyOrder(model).map((e) => e.name);
  const blocks = [...model.referenceData]
    .sort((a, b) => order.indexOf(a.entity) - order.indexOf(b.entity))
    .map((data) => {
      const entity = getEntity(model, data.entity);
      const fieldNames = [...new Set(data.rows.flatMap((r) => Object.keys(r)))];
      const columns = fieldNames.map((f) => quoteIdent(getField(entity, f).column));
      const rows = data.rows.map((row) => `  (${fieldNames.map((f) => sqlValue(row[f] ?? null)).join(', ')})`);
      return `-- ${entity.table}: ${data.rows.length} rows\nINSERT INTO ${quoteIdent(entity.table)} (${columns.join(', ')}) VALUES\n${rows.join(',\n')}\nON CONFLICT DO NOTHING;`;
    });
  return ['-- Reference data. Idempotent: rows that already exist are kept.', ...blocks].join('\n\n') + '\n';
}

export const SEED_TS = `/**
 * Seeds reference data (prisma/seed.sql). Run by \`npx prisma db seed\` (see prisma.config.ts) or
 * \`npx tsx prisma/seed.ts\`. Idempotent. Connects with DATABASE_URL as the table owner: the application role
 * may only read reference tables.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

const url = process.env.DATABASE_URL;
if (!url) {
  console.error('DATABASE_URL is not set. Example: postgres://postgres@localhost:5432/app');
  process.exit(1);
}
const sql = readFileSync(fileURLToPath(new URL('./seed.sql', import.meta.url)), 'utf8');
const client = new pg.Client({ connectionString: url });
await client.connect();
try {
  await client.query(sql);
  console.log('Reference data seeded.');
} finally {
  await client.end();
}
`;
