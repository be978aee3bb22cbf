/** Configuration from the environment and the strict prompt renderer. */
import { describe, expect, it } from 'vitest';
import { llmConfigFromEnv, LlmConfigError, resolveLlm } from '../../src/tools/extract/llm/config.ts';
import { loadPrompt, render, renderPrompt, type PromptName } from '../../src/tools/extract/llm/prompts.ts';

describe('LLM configuration', () => {
  it('is absent without a key or a base URL, so auto means deterministic', () => {
    expect(llmConfigFromEnv({})).toBeUndefined();
    expect(resolveLlm('auto', {})).toBeUndefined();
    expect(resolveLlm('off', { OPENAI_API_KEY: 'sk-x' })).toBeUndefined();
  });

  it('makes "on" without an endpoint a usage error with a clear message', () => {
    expect(() => resolveLlm('on', {})).toThrow(LlmConfigError);
    expect(() => resolveLlm('on', {})).toThrow(/OPENAI_API_KEY .*OPENAI_BASE_URL/);
  });

  it('reads OpenAI, Azure-compatible and local endpoints', () => {
    expect(resolveLlm('auto', { OPENAI_API_KEY: 'sk-x' })).toMatchObject({ model: 'gpt-4o-mini', apiKey: 'sk-x', method: 'jsonSchema', timeoutMs: 120_000, maxRetries: 2 });
    expect(resolveLlm('auto', { OPENAI_API_KEY: 'sk-x' })!.baseURL).toBeUndefined();
    expect(resolveLlm('on', { OPENAI_API_KEY: 'az', OPENAI_BASE_URL: 'https://res.openai.azure.com/openai/v1/', SCHEMAWRIGHT_MODEL: 'my-deployment' }))
      .toMatchObject({ model: 'my-deployment', baseURL: 'https://res.openai.azure.com/openai/v1/' });
    // A local server needs no key; the client still gets a placeholder, never a guessed real one.
    expect(resolveLlm('on', { OPENAI_BASE_URL: 'http://localhost:11434/v1', SCHEMAWRIGHT_MODEL: 'qwen2.5:14b', SCHEMAWRIGHT_LLM_TIMEOUT_MS: '300000', SCHEMAWRIGHT_LLM_METHOD: 'functionCalling' }))
      .toMatchObject({ apiKey: 'not-needed', model: 'qwen2.5:14b', timeoutMs: 300_000, method: 'functionCalling' });
  });

  it('refuses settings it cannot use', () => {
    expect(() => llmConfigFromEnv({ OPENAI_BASE_URL: 'localhost:11434' })).toThrow(/OPENAI_BASE_URL must be an http\(s\) URL/);
    expect(() => llmConfigFromEnv({ OPENAI_API_KEY: 'k', SCHEMAWRIGHT_LLM_TIMEOUT_MS: '2s' })).toThrow(/SCHEMAWRIGHT_LLM_TIMEOUT_MS/);
    expect(() => llmConfigFromEnv({ OPENAI_API_KEY: 'k', SCHEMAWRIGHT_LLM_METHOD: 'xml' })).toThrow(/jsonSchema or functionCalling/);
  });
});

describe('prompt rendering', () => {
  it('substitutes {{variables}} and fails loudly on a missing or unused one', () => {
    expect(renderPrompt('a {{x}} b {{ y }}', { x: '1', y: '$&2' })).toBe('a 1 b $&2');
    expect(() => renderPrompt('a {{x}} {{z}}', { x: '1' })).toThrow(/no value for \{\{z\}\}/);
    expect(() => renderPrompt('a {{x}}', { x: '1', typo: '2' })).toThrow(/\{\{typo\}\} is not in the template/);
  });

  it('renders every prompt file with the variables the code passes', () => {
    const variables: Record<PromptName, string[]> = { system: [], extract: ['prd', 'draft', 'findings'], repair: ['prd', 'model', 'findings'], reask: ['error'] };
    for (const [name, names] of Object.entries(variables) as [PromptName, string[]][]) {
      const text = render(name, Object.fromEntries(names.map((n) => [n, `<${n}>`])));
      for (const n of names) expect(text).toContain(`<${n}>`);
      expect(loadPrompt(name).length).toBeGreaterThan(100);
    }
  });
});
