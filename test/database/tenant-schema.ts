/**
 * A small multi-tenant schema written as SQL, so that the database tools are tested without the emitter.
 *
 * good:   projects, tasks, comments: org_id → organizations, RLS enabled + forced, one tenant policy each, and
 *         composite (org_id, x_id) foreign keys between tenant tables; currencies is a global reference table.
 * broken: projects has RLS enabled but not forced and a bare current_setting() policy; comments references tasks
 *         through a simple FK covered only by a partial index; notes has no RLS at all; attachments has RLS
 *         enabled and forced but no policy.
 */
import { randomBytes } from 'node:crypto';

export type SchemaVariant = 'good' | 'broken';

export const TENANT_SETTING = 'app.current_org_id';

/** A role name that cannot collide with a parallel run on the same server (roles are cluster-global). */
export function uniqueRoleName(prefix: string): string {
  return `${prefix}_${randomBytes(5).toString('hex')}`;
}

const context = `(SELECT NULLIF(current_setting('${TENANT_SETTING}', true), '')::uuid)`;

function tenantPolicy(table: string, appRole: string, force = true): string {
  return `
ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY;
${force ? `ALTER TABLE ${table} FORCE ROW LEVEL SECURITY;` : ''}
CREATE POLICY ${table}_tenant_isolation ON ${table} AS PERMISSIVE FOR ALL TO ${appRole}
  USING (org_id = ${context}) WITH CHECK (org_id = ${context});`;
}

export function tenantSchemaSql(appRole: string, variant: SchemaVariant): string {
  const broken = variant === 'broken';
  return `
CREATE ROLE ${appRole} NOLOGIN;
CREATE TYPE task_status AS ENUM ('todo', 'in_progress', 'done');

CREATE TABLE _prisma_migrations (id varchar(36) PRIMARY KEY, checksum varchar(64) NOT NULL);

CREATE TABLE organizations (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name text NOT NULL,
  slug varchar(20) NOT NULL,
  created_at timestamptz(3) NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE UNIQUE INDEX organizations_slug_key ON organizations (slug);

CREATE TABLE currencies (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  code char(3) NOT NULL,
  decimals integer NOT NULL DEFAULT 2
);
CREATE UNIQUE INDEX currencies_code_key ON currencies (code);
INSERT INTO currencies (code, decimals) VALUES ('USD', 2), ('JPY', 0);

CREATE TABLE projects (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id uuid NOT NULL,
  name varchar(100) NOT NULL,
  budget numeric(12,2),
  currency_id uuid NOT NULL,
  created_at timestamptz(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT projects_org_id_fkey FOREIGN KEY (org_id) REFERENCES organizations (id) ON DELETE CASCADE ON UPDATE CASCADE,
  CONSTRAINT projects_currency_id_fkey FOREIGN KEY (currency_id) REFERENCES currencies (id) ON DELETE RESTRICT
);
CREATE UNIQUE INDEX projects_org_id_id_key ON projects (org_id, id);
CREATE UNIQUE INDEX projects_org_id_name_key ON projects (org_id, lower(name));
CREATE INDEX projects_currency_id_idx ON projects (currency_id);

CREATE TABLE tasks (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id uuid NOT NULL,
  project_id uuid NOT NULL,
  parent_id uuid,
  number integer NOT NULL,
  title varchar(8) NOT NULL,
  status task_status NOT NULL,
  is_urgent boolean NOT NULL,
  due_on date NOT NULL,
  meta jsonb NOT NULL,
  CONSTRAINT tasks_org_id_id_key UNIQUE (org_id, id),
  CONSTRAINT tasks_org_id_fkey FOREIGN KEY (org_id) REFERENCES organizations (id) ON DELETE CASCADE,
  CONSTRAINT tasks_project_fkey FOREIGN KEY (org_id, project_id) REFERENCES projects (org_id, id) ON DELETE CASCADE,
  CONSTRAINT tasks_parent_fkey FOREIGN KEY (org_id, parent_id) REFERENCES tasks (org_id, id) ON DELETE SET NULL (parent_id)
);
CREATE INDEX tasks_org_id_project_id_status_idx ON tasks (org_id, project_id, status);
CREATE INDEX tasks_parent_idx ON tasks (parent_id, org_id);
CREATE INDEX tasks_open_idx ON tasks (org_id, number) WHERE status <> 'done';

CREATE TABLE comments (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id uuid NOT NULL,
  task_id uuid NOT NULL,
  body text NOT NULL,
  CONSTRAINT comments_org_id_fkey FOREIGN KEY (org_id) REFERENCES organizations (id) ON DELETE CASCADE,
  ${broken
    ? 'CONSTRAINT comments_task_fkey FOREIGN KEY (task_id) REFERENCES tasks (id) ON DELETE CASCADE'
    : 'CONSTRAINT comments_task_fkey FOREIGN KEY (org_id, task_id) REFERENCES tasks (org_id, id) ON DELETE CASCADE'}
);
${broken
    ? `CREATE INDEX comments_org_id_idx ON comments (org_id);
CREATE INDEX comments_live_task_idx ON comments (task_id) WHERE body <> '';`
    : 'CREATE INDEX comments_org_id_task_id_idx ON comments (org_id, task_id);'}
${broken ? `
CREATE TABLE notes (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
  body text NOT NULL
);
CREATE INDEX notes_org_id_idx ON notes (org_id);

CREATE TABLE attachments (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
  file_name text NOT NULL
);
CREATE INDEX attachments_org_id_idx ON attachments (org_id);
ALTER TABLE attachments ENABLE ROW LEVEL SECURITY;
ALTER TABLE attachments FORCE ROW LEVEL SECURITY;` : ''}

GRANT USAGE ON SCHEMA public TO ${appRole};
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${appRole};
${broken
    ? `ALTER TABLE projects ENABLE ROW LEVEL SECURITY;
CREATE POLICY projects_tenant_isolation ON projects AS PERMISSIVE FOR ALL TO ${appRole}
  USING (org_id = current_setting('${TENANT_SETTING}', true)::uuid)
  WITH CHECK (org_id = current_setting('${TENANT_SETTING}', true)::uuid);`
    : tenantPolicy('projects', appRole)}
${tenantPolicy('tasks', appRole)}
${tenantPolicy('comments', appRole)}
`;
}
