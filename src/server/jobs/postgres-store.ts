/**
 * Jobs in PostgreSQL, beside LangGraph's own checkpoint tables, all in one schema. A job row says what was asked
 * and how it ended; the checkpoints say how far a running job got, so a restarted server resumes it there.
 */
import pg from 'pg';
import { PostgresSaver } from '@langchain/langgraph-checkpoint-postgres';
import type { JobEvent, JobPatch, JobRecord, JobStore } from './store.ts';

const SCHEMA = 'schemawright';
/** The schema of LangGraph's checkpoint tables (shared with the jobs table); workers open their own saver on it. */
export const CHECKPOINT_SCHEMA = SCHEMA;
/** Any fixed number: serialises schema setup when several servers start at once. */
const SETUP_LOCK = 7_245_311;

const DDL = `
CREATE SCHEMA IF NOT EXISTS ${SCHEMA};
CREATE TABLE IF NOT EXISTS ${SCHEMA}.jobs (
  id uuid PRIMARY KEY,
  status text NOT NULL CHECK (status IN ('queued', 'running', 'succeeded', 'failed')),
  request jsonb NOT NULL,
  result jsonb,
  error jsonb,
  attempts integer NOT NULL DEFAULT 0,
  created_at timestamptz(3) NOT NULL DEFAULT now(),
  updated_at timestamptz(3) NOT NULL DEFAULT now()
);
CREATE INDEX IF NOT EXISTS jobs_unfinished_idx ON ${SCHEMA}.jobs (created_at) WHERE status IN ('queued', 'running');
CREATE INDEX IF NOT EXISTS jobs_finished_idx ON ${SCHEMA}.jobs (updated_at) WHERE status IN ('succeeded', 'failed');
CREATE TABLE IF NOT EXISTS ${SCHEMA}.job_events (
  job_id uuid NOT NULL REFERENCES ${SCHEMA}.jobs (id) ON DELETE CASCADE,
  seq integer NOT NULL,
  type text NOT NULL,
  data jsonb NOT NULL,
  at timestamptz(3) NOT NULL DEFAULT now(),
  PRIMARY KEY (job_id, seq)
);`;

interface JobRow {
  id: string;
  status: JobRecord['status'];
  request: JobRecord['request'];
  result: JobRecord['result'] | null;
  error: JobRecord['error'] | null;
  attempts: number;
  created_at: Date;
  updated_at: Date;
}

export class PostgresJobStore implements JobStore {
  readonly durable = true;
  readonly checkpointer: PostgresSaver;
  private readonly pool: pg.Pool;

  constructor(url: string) {
    this.pool = new pg.Pool({ connectionString: url, max: 10, application_name: 'schemawright' });
    // A dropped idle connection must not take the process down; the next query reconnects.
    this.pool.on('error', () => {});
    this.checkpointer = new PostgresSaver(this.pool, undefined, { schema: SCHEMA });
  }

  async init(): Promise<void> {
    const client = await this.pool.connect();
    try {
      await client.query('SELECT pg_advisory_lock($1)', [SETUP_LOCK]);
      await client.query(DDL);
      await this.checkpointer.setup();
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [SETUP_LOCK]).catch(() => {});
      client.release();
    }
  }

  async create(job: JobRecord): Promise<void> {
    await this.pool.query(
      `INSERT INTO ${SCHEMA}.jobs (id, status, request, attempts, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6)`,
      [job.id, job.status, JSON.stringify(job.request), job.attempts, job.createdAt, job.updatedAt],
    );
  }

  async get(id: string): Promise<JobRecord | undefined> {
    const { rows } = await this.pool.query<JobRow>(`SELECT * FROM ${SCHEMA}.jobs WHERE id = $1`, [id]);
    return rows[0] ? toRecord(rows[0]) : undefined;
  }

  async update(id: string, patch: JobPatch): Promise<void> {
    const sets: string[] = [];
    const values: unknown[] = [id];
    for (const [column, value] of Object.entries(patch)) {
      values.push(column === 'result' || column === 'error' ? JSON.stringify(value) : value);
      sets.push(`${column} = $${values.length}`);
    }
    await this.pool.query(`UPDATE ${SCHEMA}.jobs SET ${[...sets, 'updated_at = now()'].join(', ')} WHERE id = $1`, values);
  }

  async appendEvent(id: string, event: JobEvent): Promise<void> {
    await this.pool.query(`INSERT INTO ${SCHEMA}.job_events (job_id, seq, type, data, at) VALUES ($1, $2, $3, $4, $5)`, [
      id, event.seq, event.type, JSON.stringify(event.data), event.at,
    ]);
  }

  async events(id: string, afterSeq = 0): Promise<JobEvent[]> {
    const { rows } = await this.pool.query<{ seq: number; type: JobEvent['type']; data: JobEvent['data']; at: Date }>(
      `SELECT seq, type, data, at FROM ${SCHEMA}.job_events WHERE job_id = $1 AND seq > $2 ORDER BY seq`,
      [id, afterSeq],
    );
    return rows.map((r) => ({ seq: r.seq, type: r.type, data: r.data, at: r.at.toISOString() }));
  }

  async unfinished(): Promise<JobRecord[]> {
    const { rows } = await this.pool.query<JobRow>(`SELECT * FROM ${SCHEMA}.jobs WHERE status IN ('queued', 'running') ORDER BY created_at`);
    return rows.map(toRecord);
  }

  async purgeFinished(before: Date): Promise<string[]> {
    const { rows } = await this.pool.query<{ id: string }>(
      `DELETE FROM ${SCHEMA}.jobs WHERE status IN ('succeeded', 'failed') AND updated_at < $1 RETURNING id`,
      [before],
    );
    return rows.map((r) => r.id);
  }

  async ping(): Promise<void> {
    await this.pool.query('SELECT 1');
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}

function toRecord(row: JobRow): JobRecord {
  return {
    id: row.id,
    status: row.status,
    request: row.request,
    ...(row.result ? { result: row.result } : {}),
    ...(row.error ? { error: row.error } : {}),
    attempts: row.attempts,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}
