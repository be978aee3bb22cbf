/** Shared set-up of the LLM suites: the clinic PRD, its deterministic draft, and a config for the fake. */
import { readFileSync } from 'node:fs';
import { extractFromMarkdown } from '../../src/tools/extract/markdown/index.ts';
import type { LlmConfig } from '../../src/tools/extract/llm/config.ts';
import type { ChatRequest } from './fake-openai.ts';

export const clinicPrd = readFileSync(new URL('./fixtures/clinic.md', import.meta.url), 'utf8');
export const clinicDraft = () => extractFromMarkdown(clinicPrd, { name: 'clinic' });

/** Short timeouts and backoff: the fake answers at once, so a slow test means a retry went wrong. */
export function fakeConfig(url: string, overrides: Partial<LlmConfig> = {}): LlmConfig {
  return { model: 'fake-model', apiKey: 'sk-fake', baseURL: url, timeoutMs: 5_000, maxRetries: 2, retryDelayMs: 5, method: 'jsonSchema', ...overrides };
}

export function userPrompt(request: ChatRequest): string {
  return request.messages.filter((m) => m.role === 'user').map((m) => m.content).join('\n');
}
