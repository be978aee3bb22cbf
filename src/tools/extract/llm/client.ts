/**
 * One structured question to an OpenAI-compatible endpoint through @langchain/openai `withStructuredOutput`,
 * with our own bounded backoff: ChatOpenAI's retries are off so that every attempt is timed and recorded, and
 * only transient failures (429, 5xx, timeouts, refused connections) are retried. A schema-invalid answer is
 * not retried here; the caller re-asks with the zod error, which a blind retry could not carry.
 *
 * Where the answer is checked depends on the method: for json_schema the OpenAI SDK parses the content with
 * the zod schema itself and throws zod's (or JSON's) error; for a tool call LangChain's parser runs after the
 * request and, with includeRaw, hands back the raw message, which we parse again to keep the error.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type { Callbacks } from '@langchain/core/callbacks/manager';
import { isAIMessage, type BaseMessage } from '@langchain/core/messages';
import { ChatOpenAI } from '@langchain/openai';
import { z } from 'zod';
import type { LlmConfig } from './config.ts';
import type { CallOutcome, LlmCall } from './record.ts';

const MAX_BACKOFF_MS = 30_000;
const MAX_ERROR_CHARS = 4_000;

export interface AskOptions {
  purpose: LlmCall['purpose'];
  /** The run's abort signal: a cancelled run stops waiting for the model. */
  signal?: AbortSignal;
  /** The graph's callbacks, so a run streamed with streamMode "messages" sees the model's tokens. */
  callbacks?: Callbacks;
}

export type AskResult<T> =
  | { kind: 'ok'; value: T; calls: LlmCall[] }
  | { kind: 'malformed'; error: string; calls: LlmCall[] }
  | { kind: 'unavailable'; error: string; calls: LlmCall[] };

export async function askStructured<T extends z.ZodType>(
  config: LlmConfig,
  messages: BaseMessage[],
  schema: T,
  name: string,
  options: AskOptions,
): Promise<AskResult<z.infer<T>>> {
  const chat = new ChatOpenAI({
    model: config.model,
    apiKey: config.apiKey,
    timeout: config.timeoutMs,
    maxRetries: 0,
    ...(config.baseURL ? { configuration: { baseURL: config.baseURL } } : {}),
  });
  const structured = chat.withStructuredOutput(schema, {
    name,
    method: config.method,
    includeRaw: true,
    ...(config.method === 'functionCalling' ? { strict: true } : {}),
  });
  const calls: LlmCall[] = [];
  for (let attempt = 1; ; attempt++) {
    const started = performance.now();
    const call = (outcome: CallOutcome, extra: Partial<LlmCall> = {}): LlmCall => {
      const record: LlmCall = { purpose: options.purpose, attempt, model: config.model, outcome, ms: Math.round(performance.now() - started), ...extra };
      calls.push(record);
      return record;
    };
    try {
      const { raw } = await structured.invoke(messages, { signal: options.signal, callbacks: options.callbacks });
      // The parser's own result is discarded on failure (includeRaw gives null); parsing again keeps the zod error.
      const parsed = parseAnswer(answerOf(raw), schema);
      const usage = isAIMessage(raw) ? raw.usage_metadata : undefined;
      const tokens = usage ? { promptTokens: usage.input_tokens, completionTokens: usage.output_tokens } : {};
      if (parsed.success) {
        call('ok', tokens);
        return { kind: 'ok', value: parsed.data, calls };
      }
      call('malformed', { ...tokens, error: clip(parsed.error) });
      return { kind: 'malformed', error: clip(parsed.error), calls };
    } catch (error) {
      if (options.signal?.aborted) throw error;
      const problem = schemaProblem(error);
      if (problem) {
        call('malformed', { error: clip(problem) });
        return { kind: 'malformed', error: clip(problem), calls };
      }
      const failure = classify(error);
      call(failure.outcome, { ...(failure.status ? { status: failure.status } : {}), error: clip(failure.message) });
      if (!failure.transient || attempt > config.maxRetries) {
        const tries = attempt > 1 ? ` (after ${attempt} attempts)` : '';
        return { kind: 'unavailable', error: `${failure.outcome}: ${clip(failure.message)}${tries}`, calls };
      }
      await sleep(Math.min(MAX_BACKOFF_MS, failure.retryAfterMs ?? config.retryDelayMs * 2 ** (attempt - 1)), undefined, { signal: options.signal });
    }
  }
}

/** The structured answer as the model sent it: a forced tool call's arguments, or the message text. */
function answerOf(raw: BaseMessage): unknown {
  if (isAIMessage(raw)) {
    const tool = raw.tool_calls?.[0];
    if (tool) return tool.args;
    const invalid = raw.invalid_tool_calls?.[0];
    if (invalid) return invalid.args ?? '';
  }
  return raw.text;
}

function parseAnswer<T extends z.ZodType>(answer: unknown, schema: T): { success: true; data: z.infer<T> } | { success: false; error: string } {
  let value = answer;
  if (typeof answer === 'string') {
    if (!answer.trim()) return { success: false, error: 'The answer was empty.' };
    try {
      value = JSON.parse(stripFence(answer));
    } catch (error) {
      return { success: false, error: `The answer is not JSON: ${error instanceof Error ? error.message : String(error)}` };
    }
  }
  const result = schema.safeParse(value);
  return result.success ? { success: true, data: result.data } : { success: false, error: z.prettifyError(result.error) };
}

/** Some local models wrap JSON in a markdown fence even when asked for a schema. */
function stripFence(text: string): string {
  const fenced = /^\s*```(?:json)?\s*\n([\s\S]*?)\n```\s*$/.exec(text);
  return fenced ? fenced[1]! : text;
}

/** The SDK's own parse of a json_schema answer failed: the answer is malformed, the endpoint is fine. */
function schemaProblem(error: unknown): string | undefined {
  if (error instanceof SyntaxError) return `The answer is not JSON: ${error.message}`;
  if (error instanceof z.core.$ZodError) return z.prettifyError(error);
  return undefined;
}

interface Failure {
  outcome: Exclude<CallOutcome, 'ok' | 'malformed'>;
  transient: boolean;
  message: string;
  status?: number;
  retryAfterMs?: number;
}

/** OpenAI client errors carry `status` and `headers`; LangChain renames a timeout to TimeoutError. */
function classify(error: unknown): Failure {
  const e = (error ?? {}) as { status?: unknown; name?: unknown; code?: unknown; error?: { code?: unknown }; headers?: unknown; message?: unknown; constructor?: { name?: string } };
  const message = typeof e.message === 'string' ? e.message : String(error);
  const status = typeof e.status === 'number' ? e.status : undefined;
  const kind = e.constructor?.name;
  if (e.name === 'TimeoutError' || kind === 'APIConnectionTimeoutError') return { outcome: 'timeout', transient: true, message };
  if (status === 429) {
    // An exhausted quota does not come back by waiting.
    const quota = e.code === 'insufficient_quota' || e.error?.code === 'insufficient_quota';
    return { outcome: 'rate-limited', transient: !quota, message, status, retryAfterMs: retryAfter(e.headers) };
  }
  if (status !== undefined && status >= 500) return { outcome: 'server-error', transient: true, message, status, retryAfterMs: retryAfter(e.headers) };
  if (kind === 'APIConnectionError') return { outcome: 'connection-error', transient: true, message };
  return { outcome: 'error', transient: false, message, ...(status ? { status } : {}) };
}

function retryAfter(headers: unknown): number | undefined {
  const get = (name: string): string | null | undefined =>
    headers && typeof (headers as Headers).get === 'function' ? (headers as Headers).get(name) : (headers as Record<string, string> | undefined)?.[name];
  const ms = Number(get('retry-after-ms'));
  if (get('retry-after-ms') && Number.isFinite(ms) && ms >= 0) return ms;
  const seconds = Number(get('retry-after'));
  if (get('retry-after') && Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  return undefined;
}

function clip(text: string): string {
  return text.length > MAX_ERROR_CHARS ? `${text.slice(0, MAX_ERROR_CHARS)}…` : text;
}
