/**
 * `npm start`: the HTTP service. Settings come from the environment (docs/http-api.md lists them). SIGTERM or
 * SIGINT closes gracefully: running jobs get SCHEMAWRIGHT_SHUTDOWN_GRACE_MS, then are checkpointed (PostgreSQL
 * store) or failed (memory); a second signal exits at once. Pipeline runs happen on worker threads, so the
 * event loop keeps answering while PGlite works.
 */
import { llmConfigFromEnv } from '../tools/extract/llm/config.ts';
import { extractFromStructured } from '../tools/extract/structured/convert.ts';
import { buildApp } from './app.ts';
import { configFromEnv } from './config.ts';
import { WorkerPipeline } from './worker-pipeline.ts';

async function main(): Promise<void> {
  const config = configFromEnv();
  const workers = new WorkerPipeline({ size: config.concurrency, storeUrl: config.storeUrl, warm: !config.validationUrl });
  const app = await buildApp({
    config,
    pipeline: workers.run,
    // Read now so that a malformed LLM setting stops the start instead of failing every request.
    llmAvailable: llmConfigFromEnv() !== undefined,
    // Converting a JSON model is pure and quick; doing it up front turns a bad model into a 400 before any job.
    checkInput: (input) => void (input.kind === 'model' && extractFromStructured(input.json)),
  });
  app.addHook('onClose', () => workers.close());
  let stopping = false;
  const stop = (signal: NodeJS.Signals): void => {
    if (stopping) process.exit(1);
    stopping = true;
    app.log.info({ signal }, 'shutting down');
    app.close().then(
      () => process.exit(0),
      (err: unknown) => {
        app.log.error({ err }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  await app.listen({ host: config.host, port: config.port });
  workers.prestart();
  app.log.info({ store: config.storeUrl ? 'postgres' : 'memory', validation: config.validationUrl ? 'postgres' : 'pglite', concurrency: config.concurrency, queue: config.queueLimit, auth: config.apiKeys.length > 0 }, 'schemawright ready');
}

main().catch((error: unknown) => {
  console.error(`schemawright: cannot start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
