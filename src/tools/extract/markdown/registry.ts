/**
 * The entity registry: every discovered entity by name, plus the words the PRD uses for them (the tenant's
 * alias "workspace", the sign-in people "agents", roles like "owner" that always mean a user). `resolve`
 * turns a noun phrase from a sentence into an entity, trying exact words, aliases, then a unique head-noun
 * match — the way a reader understands "the policy" in a section about SLA policies.
 */
import { pascalCase, words } from '../../../model/names.ts';
import { dropDeterminers, singular, tokens } from './text.ts';
import type { DraftEntity } from './types.ts';
import { FIELD_WORDS, QUALIFIER_TAILS } from './vocabulary/nouns.ts';

export const ORG_BASE_ALIASES: readonly string[] = ['org', 'organization', 'organisation', 'tenant', 'workspace'];

export class Registry {
  readonly entities = new Map<string, DraftEntity>();
  /** Singular lower-case phrases that mean the tenant root. */
  readonly orgAliases = new Set<string>(ORG_BASE_ALIASES);
  /** Phrases that mean the entity playing the user role, and other role words bound to an entity. */
  readonly aliases = new Map<string, string>();
  userEntity: string | undefined;

  add(name: string, init: Omit<DraftEntity, 'name' | 'fields' | 'softDelete' | 'evidence'> & { evidence?: string }): DraftEntity {
    const existing = this.entities.get(name);
    if (existing) {
      if (init.evidence) existing.evidence.add(init.evidence);
      return existing;
    }
    const entity: DraftEntity = {
      name,
      kind: init.kind,
      line: init.line,
      ref: init.ref,
      fields: [],
      softDelete: false,
      evidence: new Set(init.evidence ? [init.evidence] : []),
    };
    this.entities.set(name, entity);
    return entity;
  }

  remove(name: string): void {
    this.entities.delete(name);
  }

  get(name: string): DraftEntity | undefined {
    return this.entities.get(name);
  }

  list(): DraftEntity[] {
    return [...this.entities.values()];
  }

  isOrgPhrase(phrase: string | string[]): boolean {
    const w = normalise(phrase);
    if (w.length === 0) return false;
    const joined = w.join(' ');
    if (this.orgAliases.has(joined)) return true;
    // "our company", "the whole org", "one organization" — determiners are already gone; a leading adjective is fine.
    return w.length === 2 && this.orgAliases.has(w[1]!) && ['whole', 'entire', 'same', 'current', 'given'].includes(w[0]!);
  }

  /**
   * The entity a noun phrase refers to, or undefined. `context` is the entity whose section the phrase sits in:
   * it lets "each line" mean the section's "line item" and "the policy" mean its "SLA policy".
   */
  resolve(phrase: string | string[], context?: DraftEntity, opts: { loose?: boolean; candidates?: DraftEntity[] } = {}): DraftEntity | undefined {
    let w = normalise(phrase);
    if (w.length === 0) return undefined;
    const tryExact = (ws: string[]): DraftEntity | undefined => {
      const joined = ws.join(' ');
      if (this.isOrgPhrase(ws)) return this.entities.get('Organization');
      const direct = this.entities.get(pascalCase(joined));
      if (direct) return direct;
      const alias = this.aliases.get(joined);
      if (alias) return this.entities.get(alias);
      return undefined;
    };
    let hit = tryExact(w);
    if (hit) return hit;
    // "user account", "media library": a qualifier tail does not change the target.
    while (w.length > 1 && QUALIFIER_TAILS.includes(w[w.length - 1]!)) {
      w = w.slice(0, -1);
      hit = tryExact(w);
      if (hit) return hit;
    }
    // A unique entity whose name ends with the phrase ("policy" → SlaPolicy), unless the phrase is a plain field word.
    const fieldish = w.length === 1 && FIELD_WORDS.includes(w[0]!);
    if (context && endsWith(nameWords(context.name), w)) return context;
    if (context && startsWith(nameWords(context.name), w) && w.length < nameWords(context.name).length) return context;
    if (!fieldish) {
      const suffix = this.list().filter((e) => endsWith(nameWords(e.name), w));
      if (suffix.length === 1) return suffix[0];
      if (suffix.length > 1 && opts.candidates) opts.candidates.push(...suffix);
    }
    if (opts.loose && w.length > 1) {
      // "logged-in customer", "default currency": drop leading modifiers down to the head noun.
      for (let i = 1; i < w.length; i++) {
        const tail = w.slice(i);
        hit = tryExact(tail);
        if (hit) return hit;
      }
    }
    return undefined;
  }
}

/** Entity names are split on every lookup (each mention tries every entity): split each name once. */
const nameWordsCache = new Map<string, string[]>();
function nameWords(name: string): string[] {
  let w = nameWordsCache.get(name);
  if (!w) {
    if (nameWordsCache.size > 10_000) nameWordsCache.clear();
    nameWordsCache.set(name, (w = words(name)));
  }
  return w;
}

/** Lower-case words of a phrase without determiners, head noun singular. */
export function normalise(phrase: string | string[]): string[] {
  // Entity names ("LineItem") come back through here as phrases: split them into their words first.
  const split = (p: string): string[] => tokens(p.replace(/([a-z0-9])([A-Z])/g, '$1 $2'));
  const raw = Array.isArray(phrase) ? phrase.flatMap(split) : split(phrase);
  const w = dropDeterminers(raw.map((t) => t.replace(/['’]s$/, (m) => (raw.length === 1 ? '' : m))));
  if (w.length === 0) return w;
  return [...w.slice(0, -1), singular(w[w.length - 1]!)].filter(Boolean);
}

function endsWith(whole: string[], part: string[]): boolean {
  if (part.length > whole.length) return false;
  return part.every((p, i) => whole[whole.length - part.length + i] === p);
}

function startsWith(whole: string[], part: string[]): boolean {
  if (part.length > whole.length) return false;
  return part.every((p, i) => whole[i] === p);
}
