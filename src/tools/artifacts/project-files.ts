/** The files around the schema that make the output a working Prisma 7 project. */
import type { DataModel } from '../../model/index.ts';
import { quoteLiteral } from '../sql/quote.ts';

export function emitPrismaConfig(): string {
  return `import 'dotenv/config';
import { defineConfig, env } from 'prisma/config';

// Prisma 7 reads the connection from here, not from schema.prisma.
export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: {
    path: 'prisma/migrations',
    seed: 'tsx prisma/seed.ts',
  },
  datasource: {
    url: env('DATABASE_URL'),
  },
});
`;
}

export function emitPackageJson(model: DataModel): string {
  return JSON.stringify(
    {
      name: model.name.replace(/_/g, '-'),
      private: true,
      type: 'module',
      scripts: {
        'db:setup': 'bash scripts/setup-db.sh',
        'db:migrate': 'prisma migrate deploy',
        'db:seed': 'prisma db seed',
        generate: 'prisma generate',
      },
      dependencies: { '@prisma/adapter-pg': '7.10.0', '@prisma/client': '7.10.0', dotenv: '^16.4.0', pg: '^8.13.0' },
      devDependencies: { prisma: '7.10.0', tsx: '^4.19.0', typescript: '^5.6.0', '@types/pg': '^8.11.0' },
    },
    null,
    2,
  ) + '\n';
}

/** Sets the tenant context per transaction, the only way the generated policies let rows through. */
export function emitTenantHelper(model: DataModel): string {
  return `/**
 * Runs \`fn\` in a transaction whose queries see only organization \`orgId\`'s rows. The RLS policies read
 * ${model.tenancy.setting}; set_config(..., true) scopes it to this transaction, so a pooled connection
 * never carries one tenant's context into another request. Connect as the role "${model.tenancy.appRole}"
 * (not the table owner) for the policies to apply.
 */
import type { PrismaClient } from '../generated/prisma/client.ts';

type Tx = Parameters<Parameters<PrismaClient['$transaction']>[0]>[0];

export async function withTenant<T>(prisma: PrismaClient, orgId: string, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return prisma.$transaction(async (tx) => {
    await tx.$executeRaw\`SELECT set_config(${quoteLiteral(model.tenancy.setting)}, \${orgId}, true)\`;
    return fn(tx);
  });
}
`;
}

export function emitSetupScript(model: DataModel): string {
  return `#!/usr/bin/env bash
# Creates the database in DATABASE_URL if it is missing, applies the migrations and seeds reference data.
#   DATABASE_URL=postgres://postgres@localhost:5432/${model.name} bash scripts/setup-db.sh          # with the Prisma CLI
#   DATABASE_URL=postgres://postgres@localhost:5432/${model.name} bash scripts/setup-db.sh --psql   # with psql only
set -euo pipefail
cd "$(dirname "$0")/.."

: "\${DATABASE_URL:?Set DATABASE_URL, e.g. postgres://postgres@localhost:5432/${model.name}}"
db_name="\${DATABASE_URL##*/}"; db_name="\${db_name%%\\?*}"
admin_url="\${DATABASE_URL%/*}/postgres"
if [[ ! "$db_name" =~ ^[A-Za-z_][A-Za-z0-9_]*$ ]]; then
  echo "setup-db: database name '$db_name' must be letters, digits and underscores" >&2; exit 2
fi

if ! psql "$admin_url" -tAc "SELECT 1 FROM pg_database WHERE datname = '$db_name'" | grep -q 1; then
  echo "Creating database $db_name"
  psql "$admin_url" -v ON_ERROR_STOP=1 -c "CREATE DATABASE \\"$db_name\\""
fi

if [[ "\${1:-}" == "--psql" ]]; then
  for migration in prisma/migrations/*/migration.sql; do
    echo "Applying $migration"
    psql "$DATABASE_URL" -v ON_ERROR_STOP=1 --single-transaction -q -f "$migration"
  done
  psql "$DATABASE_URL" -v ON_ERROR_STOP=1 -q -f prisma/seed.sql
else
  npx prisma migrate deploy
  npx prisma db seed
fi
echo "Database $db_name is ready. The application connects as role ${model.tenancy.appRole} and sets ${model.tenancy.setting} per transaction."
`;
}
