/**
 * Uniqueness said of an attribute wherever it stands in a sentence: "Email is required and shall be unique within a
 * brokerage", "signs in with an email address that can only be used once within the firm", "the email must not
 * already be used by another account in the same lab", "If a client has an email, it must not be shared with another
 * client of the same firm", "(email + password, email unique inside the group; …)". The predicate is found first;
 * the attribute is the noun phrase just before it (or what a pronoun stands for); the record is the one that holds
 * that attribute among those the sentence, its section or the statement before it are about; the scope follows.
 */
import { camelCase } from '../../../model/names.ts';
import { addField } from './attach.ts';
import type { Doc } from './doc.ts';
import { findMentions } from './mentions.ts';
import { normalise } from './registry.ts';
import { dropDeterminers, tokens, trimRef } from './text.ts';
import type { DraftEntity, Sentence } from './types.ts';
import { contextEntity, fieldByPhrase, NOT_UNIQUE, resolveOne, uniqueScope } from './uniqueness.ts';
import { ANOTHER_RECORD, PREDICATE_LEAD, SCOPE_AFTER, UNIQUE_PREDICATE } from './vocabulary/uniqueness.ts';

const PRONOUNS = ['it', 'they', 'this', 'that', 'these', 'those', 'which'];
/** Trailing words of an attribute phrase that another name of the same attribute may leave out ("email address" → email). */
const DROPPABLE_TAILS = ['address', 'number', 'no', 'string', 'value', 'id'];

export function uniqueClauses(doc: Doc, s: Sentence, text: string): boolean {
  let found = false;
  for (const clause of text.split(/\s*;\s*|\s+—\s+/)) {
    for (const m of clause.matchAll(UNIQUE_PREDICATE)) {
      const before = clause.slice(0, m.index).replace(/[\s(,:—–-]+$/, '');
      const after = clause.slice(m.index! + m[0].length);
      const isUnique = !!(m[1] ?? m[2]);
      // "The call name is not unique within the club", "need not be unique": no rule.
      if (isUnique && (NOT_UNIQUE.test(clause) || /\b(?:not|never|n['’]t)\s*$/i.test(before))) continue;
      const hit = attributeOf(doc, s, clause, before, m[0] + after);
      if (!hit) continue;
      // Read already beside the field or by another phrasing: the first reading stands.
      if (doc.indexes.some((i) => i.entity === hit.entity.name && i.unique && i.fields.includes(hit.field))) continue;
      const scope = scopeOf(doc, hit.entity, m[0] + after, isUnique);
      if (!scope) continue;
      doc.pendingUniques.push({ entity: hit.entity.name, field: hit.field, scope, line: s.line, ref: trimRef(s.text) });
      resolveOne(doc);
      found = true;
    }
  }
  return found;
}

/** The attribute a predicate is said of, and the record that holds it. */
function attributeOf(doc: Doc, s: Sentence, clause: string, before: string, after: string): { entity: DraftEntity; field: string } | undefined {
  // "…, and it's unique within a group": a pronoun stands for the attribute the sentence is about.
  const head = before.replace(PREDICATE_LEAD, '');
  const tail = head.split(/[,;:(—–]|\s-\s/).pop()!;
  let words = dropDeterminers(tokens(tail).filter((w) => !['their', 'its', 'his', 'her', 'our', 'my', 'your', 'same', 'each', 'every'].includes(w)));
  if (words.length === 0 || PRONOUNS.includes(words[words.length - 1]!)) {
    const antecedent = /\b(?:has|have|gives?|enters?|provides?)\s+(?:an?|the)\s+([a-z][\w-]*(?:\s+[a-z][\w-]*)?)\s*,/i.exec(clause) ?? /^(?:[A-Z]{1,5}-?\d+[.:]?\s+)?(?:the|an?|each|every|their|its)\s+([a-z][\w-]*(?:\s+[a-z][\w-]*){0,2}?)\s+(?:is|are|has|have|was|were|gets?|must|shall|should|will|can|comes?)\b/i.exec(s.text);
    if (!antecedent) return undefined;
    words = dropDeterminers(tokens(antecedent[1]!));
  }
  if (words.length === 0) return undefined;
  // The subject of the clause is another reading ("barcodes come from … and are unique across …").
  const subject = /^(?:[A-Z]{1,5}-?\d+[.:]?\s+|AC:\s*)?(?:the|an?|each|every|their|its)?\s*([a-z][\w-]*(?:\s+[a-z][\w-]*)?)\s+(?:come|comes|are|is|must|shall|should|have|has)\b/i.exec(clause);
  const phrases: string[][] = [];
  for (let n = Math.min(4, words.length); n >= 1; n--) phrases.push(words.slice(words.length - n));
  const candidates = candidateEntities(doc, s, clause, before, after, words);
  for (const e of candidates) {
    for (const p of phrases) {
      const f = fieldOf(e, p);
      if (f) return { entity: e, field: f };
    }
  }
  if (subject && subject[1] !== tail.trim()) {
    const sw = dropDeterminers(tokens(subject[1]!));
    for (const e of candidates) {
      const f = sw.length ? fieldOf(e, sw) : undefined;
      if (f) return { entity: e, field: f };
    }
  }
  // "Room numbers are unique …": the words before the attribute name its record, which may not list it yet.
  for (let n = 1; n < words.length && n <= 2; n++) {
    const owner = doc.registry.resolve(words.slice(0, n));
    const rest = words.slice(n);
    if (!owner || owner.kind === 'tenant-root' || rest.length !== 1) continue;
    const f = fieldOf(owner, rest) ?? addField(owner, { name: camelCase(rest.join(' ')), type: 'string', mods: { notes: [], required: true }, line: s.line, ref: trimRef(s.text) })?.name;
    if (f) return { entity: owner, field: f };
  }
  return undefined;
}

/** A field of `e` named by the words, allowing a dropped generic tail ("email address" for email). */
function fieldOf(e: DraftEntity, words: string[]): string | undefined {
  const phrase = words.join(' ');
  const direct = fieldByPhrase(e, phrase);
  if (direct) return direct;
  if (words.length > 1 && DROPPABLE_TAILS.includes(words[words.length - 1]!)) return fieldByPhrase(e, words.slice(0, -1).join(' '));
  return undefined;
}

/**
 * The records the attribute may belong to, nearest first: the words before it ("Room numbers"), the records it must
 * not be shared with ("another client"), the records the clause names before it, the section's record, the record the
 * statement just before described, the records the paragraph names, then any record that has the attribute.
 */
function candidateEntities(doc: Doc, s: Sentence, clause: string, before: string, after: string, words: string[]): DraftEntity[] {
  const out: DraftEntity[] = [];
  const add = (e: DraftEntity | undefined) => {
    if (e && e.kind !== 'junction' && !out.includes(e)) out.push(e);
  };
  for (let n = Math.min(2, words.length - 1); n >= 1; n--) add(doc.registry.resolve(words.slice(0, n)));
  const another = ANOTHER_RECORD.exec(after);
  if (another) add(doc.registry.resolve(another[1]!, undefined, { loose: true }) ?? doc.registry.resolve(tokens(another[1]!)[0]!));
  for (const m of findMentions(doc, before, s.block).reverse()) add(m.entity);
  add(contextEntity(doc, s));
  const earlier = doc.statements.filter((st) => st.block.section === s.block.section && st.line <= s.line).sort((a, b) => b.line - a.line);
  for (const st of earlier) add(doc.registry.get(st.entity));
  for (const m of findMentions(doc, s.block.text, s.block)) add(m.entity);
  void clause;
  const rest = doc.registry.list().filter((e) => !out.includes(e) && e.kind !== 'junction' && fieldOf(e, normalise(words)));
  if (rest.length === 1) add(rest[0]);
  // The tenant itself comes last: "the slug is unique across the platform" may be the organization's.
  return out.filter((e) => e.kind !== 'tenant-root').concat(out.filter((e) => e.kind === 'tenant-root'));
}

/** The scope after the predicate: global, per tenant or per parent; a predicate other than "unique" defaults to the tenant. */
function scopeOf(doc: Doc, entity: DraftEntity, after: string, isUnique: boolean): 'org' | 'global' | { parent: string } | undefined {
  const m = SCOPE_AFTER.exec(after.replace(ANOTHER_RECORD, ' ').replace(/^\s*\(?\s*unique\b/i, ' '));
  const root = entity.kind === 'tenant-root';
  if (m) {
    const scoped = uniqueScope(doc, `unique ${m[1]} ${m[2] ?? ''}${m[3]}`);
    // A scope that names no record of the model ("across Registrar", "in the group") is everywhere or the tenant.
    if (scoped && typeof scoped === 'object' && !doc.registry.resolve(scoped.parent, undefined, { loose: true })) return /^across$/i.test(m[1]!) || root ? 'global' : 'org';
    if (scoped) return root ? 'global' : scoped;
  }
  if (root) return 'global';
  return isUnique ? 'global' : 'org';
}
