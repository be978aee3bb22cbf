/**
 * Worker-thread side of the pipeline pool. The pipeline's heavy steps (PGlite, Prisma's WASM engine) are long
 * synchronous stretches; here they block this thread, not the HTTP event loop. Each worker keeps its own PGlite
 * template, so a warm worker validates without the ~4 s boot.
 */
import { parentPort, workerData } from 'node:worker_threads';
import pg from 'pg';
import { PostgresSaver } from '@langchain/langgraph-checkpoint-postgres';
import { InputError } from '../errors.ts';
import { runPipeline } from '../graph/run.ts';
import { warmPGliteTemplate } from '../tools/database/pglite.ts';
import { keepServerDatabasesWarm, settleServerDatabases } from '../tools/database/postgres.ts';
import { CHECKPOINT_SCHEMA } from './jobs/postgres-store.ts';
import type { FromWorker, ToWorker, WorkerSetup } from './worker-protocol.ts';

const setup = workerData as WorkerSetup;
const port = parentPort!;
let checkpointer: PostgresSaver | undefined;
const running = new Map<number, AbortController>();

function send(message: FromWorker): void {
  port.postMessage(message);
}

// A warmed worker pays PGlite's initdb now rather than inside its first request.
if (setup.warm) void warmPGliteTemplate().catch(() => {});
// A worker serves many runs: server databases are created ahead and dropped after the run, off its path.
keepServerDatabasesWarm();

port.on('message', (message: ToWorker) => {
  if (message.type === 'abort') return running.get(message.id)?.abort();
  if (message.type === 'settle') return void settleServerDatabases().finally(() => send({ type: 'settled' }));
  void run(message);
});

async function run({ id, input, options }: Extract<ToWorker, { type: 'run' }>): Promise<void> {
  const controller = new AbortController();
  running.set(id, controller);
  try {
    if (options.checkpoint && !setup.storeUrl) throw new Error('Checkpointing needs the store URL in the worker setup');
    if (options.checkpoint && !checkpointer)
      checkpointer = new PostgresSaver(new pg.Pool({ connectionString: setup.storeUrl, max: 2, application_name: 'schemawright-worker' }), undefined, { schema: CHECKPOINT_SCHEMA });
    const result = await runPipeline(input, {
      maxRounds: options.maxRounds,
      databaseUrl: options.databaseUrl,
      llm: options.llm,
      existing: options.existing,
      previous: options.previous,
      threadId: options.threadId,
      checkpointer: options.checkpoint ? checkpointer : undefined,
      signal: controller.signal,
      onEvent: (event) => send({ type: 'event', id, event }),
      // The whole state is large; the server needs only the round records.
      onState: (state) => send({ type: 'rounds', id, rounds: state.rounds }),
    });
    send({ type: 'done', id, result });
  } catch (error) {
    send({
      type: 'error', id,
      error: error instanceof InputError
        ? { kind: 'input', message: error.message, issues: error.issues }
        : { kind: controller.signal.aborted ? 'aborted' : 'internal', message: error instanceof Error ? error.message : String(error), stack: error instanceof Error ? error.stack : undefined },
    });
  } finally {
    running.delete(id);
  }
}
