import pg from 'pg';
import { readFileSync } from 'node:fs';
import { PostgresSaver } from '@langchain/langgraph-checkpoint-postgres';
import { runPipeline } from '/work/main/src/graph/run.ts';
const admin = new pg.Client('postgres://postgres@127.0.0.1:5432/postgres'); await admin.connect();
const db = 'sw_scratch_' + Date.now(); await admin.query(`CREATE DATABASE ${db}`);
const saver = PostgresSaver.fromConnString(`postgres://postgres@127.0.0.1:5432/${db}`, { schema: 'schemawright' });
await saver.setup();
const json = JSON.parse(readFileSync('/work/shared/evals/structured-input.json', 'utf8'));
const ctl = new AbortController();
const t0 = Date.now();
try {
  await runPipeline({ kind: 'model', json }, { checkpointer: saver, threadId: 't1', signal: ctl.signal, onEvent: (e) => { console.log(Date.now()-t0, e.type, e.node); if (e.type === 'node-finished' && e.node === 'migration') setTimeout(() => ctl.abort(), 200); } });
} catch (e) { console.log('rejected after', Date.now() - t0, (e as Error).name, (e as Error).message); }
const t1 = Date.now();
const r = await runPipeline({ kind: 'model', json }, { checkpointer: saver, threadId: 't1', onEvent: (e) => console.log('B', Date.now()-t1, e.type, e.node) });
console.log('resumed valid', r.valid, Object.keys(r.artifacts));
const r2 = await runPipeline({ kind: 'model', json }, { checkpointer: saver, threadId: 't1' });
console.log('finished thread returns', r2.valid);
await saver.end(); await admin.query(`DROP DATABASE ${db} WITH (FORCE)`); await admin.end();
