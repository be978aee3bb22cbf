/**
 * Where the extraction model lives (DESIGN §5: environment first, flags override). Any OpenAI-compatible
 * chat-completions endpoint works: OpenAI, Azure OpenAI's v1 API, or a local server (vLLM, Ollama, LM Studio)
 * through OPENAI_BASE_URL. Deterministic extraction stays the default: nothing is configured, nothing is called.
 */
export const LLM_MODES = ['off', 'auto', 'on'] as const;
/** off: never; auto: when an endpoint is configured; on: required (a usage error without one). */
export type LlmMode = (typeof LLM_MODES)[number];

/** json_schema response_format (default), or a forced tool call for servers that only support tools. */
export type StructuredMethod = 'jsonSchema' | 'functionCalling';

export interface LlmConfig {
  model: string;
  /** Local servers ignore it, but the client insists on one. */
  apiKey: string;
  /** Absent: OpenAI's own endpoint. */
  baseURL?: string;
  /** Per request; a timed-out request counts as transient and is retried. */
  timeoutMs: number;
  /** Retries of a transient failure (429, 5xx, timeout, refused connection) before the deterministic result stands. */
  maxRetries: number;
  /** First backoff delay; it doubles per retry, and a Retry-After header wins up to a cap. */
  retryDelayMs: number;
  method: StructuredMethod;
}

const DEFAULT_MODEL = 'gpt-4o-mini';
const DEFAULT_TIMEOUT_MS = 120_000;
const DEFAULT_RETRIES = 2;
const DEFAULT_RETRY_DELAY_MS = 1_000;
/** Sent when only a base URL is set: local servers accept anything, and no real key is ever invented. */
const LOCAL_PLACEHOLDER_KEY = 'not-needed';

/** A configuration that cannot work: asked for the model without an endpoint, or an unreadable setting. */
export class LlmConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LlmConfigError';
  }
}

const NOT_CONFIGURED_MESSAGE =
  'LLM extraction is on but no endpoint is configured: set OPENAI_API_KEY (OpenAI, Azure) or OPENAI_BASE_URL (a local server), or use --llm off|auto.';

export function isLlmMode(value: unknown): value is LlmMode {
  return typeof value === 'string' && (LLM_MODES as readonly string[]).includes(value);
}

/** The endpoint the environment describes, or undefined when neither a key nor a base URL is set. */
export function llmConfigFromEnv(env: NodeJS.ProcessEnv = process.env): LlmConfig | undefined {
  const apiKey = env.OPENAI_API_KEY?.trim() || undefined;
  const baseURL = env.OPENAI_BASE_URL?.trim() || undefined;
  if (!apiKey && !baseURL) return undefined;
  if (baseURL && !isHttpUrl(baseURL)) throw new LlmConfigError(`OPENAI_BASE_URL must be an http(s) URL such as http://localhost:11434/v1 (got "${baseURL}").`);
  const method = env.SCHEMAWRIGHT_LLM_METHOD?.trim() || 'jsonSchema';
  if (method !== 'jsonSchema' && method !== 'functionCalling') throw new LlmConfigError(`SCHEMAWRIGHT_LLM_METHOD must be jsonSchema or functionCalling (got "${method}").`);
  return {
    model: env.SCHEMAWRIGHT_MODEL?.trim() || DEFAULT_MODEL,
    apiKey: apiKey ?? LOCAL_PLACEHOLDER_KEY,
    ...(baseURL ? { baseURL } : {}),
    timeoutMs: whole(env, 'SCHEMAWRIGHT_LLM_TIMEOUT_MS', DEFAULT_TIMEOUT_MS, 1),
    maxRetries: whole(env, 'SCHEMAWRIGHT_LLM_RETRIES', DEFAULT_RETRIES, 0),
    retryDelayMs: DEFAULT_RETRY_DELAY_MS,
    method,
  };
}

/** The endpoint a run uses in `mode`; undefined means deterministic extraction only. */
export function resolveLlm(mode: LlmMode, env: NodeJS.ProcessEnv = process.env): LlmConfig | undefined {
  if (mode === 'off') return undefined;
  const config = llmConfigFromEnv(env);
  if (!config && mode === 'on') throw new LlmConfigError(NOT_CONFIGURED_MESSAGE);
  return config;
}

function isHttpUrl(text: string): boolean {
  try {
    return ['http:', 'https:'].includes(new URL(text).protocol);
  } catch {
    return false;
  }
}

function whole(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number): number {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min) throw new LlmConfigError(`${name} must be a whole number ≥ ${min} (got "${raw}").`);
  return value;
}
