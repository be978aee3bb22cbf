/**
 * Prompts are markdown files in prompts/ with {{variable}} placeholders, so they can be read and edited
 * without touching code. Rendering is strict both ways: a placeholder without a value and a value without a
 * placeholder both throw, because either one means the prompt and the code drifted apart.
 */
import { readFileSync } from 'node:fs';

export type PromptName = 'system' | 'extract' | 'repair' | 'reask';

const PROMPTS_DIR = new URL('../../../../prompts/', import.meta.url);
const PLACEHOLDER = /\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;
const cache = new Map<PromptName, string>();

export function loadPrompt(name: PromptName): string {
  let text = cache.get(name);
  if (text === undefined) cache.set(name, (text = readFileSync(new URL(`${name}.md`, PROMPTS_DIR), 'utf8')));
  return text;
}

export function renderPrompt(template: string, variables: Readonly<Record<string, string>>, label = 'prompt'): string {
  const used = new Set<string>();
  const missing = new Set<string>();
  const text = template.replace(PLACEHOLDER, (_, name: string) => {
    used.add(name);
    const value = variables[name];
    if (value === undefined) missing.add(name);
    return value ?? '';
  });
  if (missing.size) throw new Error(`${label}: no value for {{${[...missing].join('}}, {{')}}}`);
  const unused = Object.keys(variables).filter((name) => !used.has(name));
  if (unused.length) throw new Error(`${label}: {{${unused.join('}}, {{')}}} is not in the template`);
  return text;
}

export function render(name: PromptName, variables: Readonly<Record<string, string>>): string {
  return renderPrompt(loadPrompt(name), variables, `prompts/${name}.md`);
}
