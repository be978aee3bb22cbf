/**
 * Uniqueness said of an attribute wherever it stands in a sentence: "Email is required and shall be unique within a
 * brokerage", "signs in with an email address that can only be used once within the firm", "the email must not
 * already be used by another account in the same lab", "If a client has an email, it must not be shared with another
 * client of the same firm", "(email + password, email unique inside the group; …)". The predicate is found first;
 * the attribute is the noun phrase just before it (or what a pronoun stands for); the record is the one that holds
 * that attribute among those the sentence, its section or the statement before it are about; the scope follows.
 */
import nlp from 'compromise';
import { camelCase } from '../../../model/names.ts';
import { addField } from './attach.ts';
import type { Doc } from './doc.ts';
import { findMentions } from './mentions.ts';
import { normalise } from './registry.ts';
import { dropDeterminers, tokens, trimRef } from './text.ts';
import type { DraftEntity, Sentence } from './types.ts';
import { contextEntity, fieldByPhrase, NOT_UNIQUE, resolveOne, uniqueScope } from './uniqueness.ts';
import { ANOTHER_RECORD, IDENTIFIER_HEADS, MINTED_HEADS, PREDICATE_LEAD, SAME_TWICE, SCOPE_AFTER, SENTENCE_SUBJECT, UNIQUE_PREDICATE } from './vocabulary/uniqueness.ts';

const PRONOUNS = ['it', "it's", 'it’s', 'they', "they're", 'this', 'that', 'these', 'those', 'which'];
const MODIFIER_STOP = ['a', 'an', 'the', 'its', 'their', 'unique', 'new', 'same', 'each', 'every', 'this', 'that', 'one', 'own', 'given', 'such', 'any'];
const OWNER_WORDS = ['their', 'its', 'his', 'her', 'our', 'my', 'your', 'same', 'each', 'every', 'any'];
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
      if (keyOf(doc, s, attributeOf(doc, s, clause, before, m[0] + after), m[0] + after, isUnique)) found = true;
    }
    // "you can't have the same email twice inside one network": the attribute follows "the same".
    const twice = SAME_TWICE.exec(clause);
    if (twice) {
      const after = clause.slice(twice.index + twice[0].length);
      if (keyOf(doc, s, attributeOf(doc, s, clause, clause.slice(0, twice.index), after, twice[1]!), after, false)) found = true;
    }
  }
  return found;
}

function keyOf(doc: Doc, s: Sentence, hit: { entity: DraftEntity; field: string } | undefined, after: string, isUnique: boolean): boolean {
  if (!hit) return false;
  // Read already beside the field or by another phrasing: the first reading stands.
  if (doc.indexes.some((i) => i.entity === hit.entity.name && i.unique && i.fields.includes(hit.field))) return false;
  const scope = scopeOf(doc, hit.entity, hit.field, after, isUnique);
  if (!scope) return false;
  doc.pendingUniques.push({ entity: hit.entity.name, field: hit.field, scope, line: s.line, ref: trimRef(s.text) });
  resolveOne(doc);
  return true;
}

/** The attribute a predicate is said of, and the record that holds it. */
function attributeOf(doc: Doc, s: Sentence, clause: string, before: string, after: string, np?: string): { entity: DraftEntity; field: string } | undefined {
  const head = before.replace(PREDICATE_LEAD, '');
  // The last piece before the predicate ("title (required), requisition code like ENG-042 (required, unique …)" →
  // "requisition code"), without its example.
  const pieces = head.split(/[,;:(—–]|\s-\s/).map((p) => p.replace(/\)/g, ' ').trim());
  while (pieces.length > 1 && /^(?:|required|optional|mandatory|yes|no)$/i.test(pieces[pieces.length - 1]!)) pieces.pop();
  const last = pieces[pieces.length - 1]!;
  const tail = (np ?? last).replace(/\s+(?:like|e\.\s?g\.?|such as|for example|for instance)\b.*$/i, '');
  const clean = (t: string) => dropDeterminers(tokens(t).filter((w) => !OWNER_WORDS.includes(w)));
  const words = clean(tail);
  // Readings of the attribute, nearest first: the phrase before the predicate; for a pronoun ("…, and it's unique
  // within a group") what it stands for — "has an email, it …", the item's label ("GUID: … it has to be unique"),
  // the sentence's subject ("The identifier is printed …, so it must be unique"); then the clause's own subject
  // ("barcodes come from … and are unique across …").
  // "Only the names of practice areas that aren't archived have to be unique": the attribute of the records named.
  const of = /\b(?:the\s+)?([a-z][\w-]*(?:\s+[a-z][\w-]*)?)\s+of\s+(?:the\s+|all\s+|any\s+)?([a-z][\w-]*(?:\s+[a-z][\w-]*)?)(?:\s+(?:that|which|who)\b|\s*$)/i.exec(head);
  const ofRecord = of ? doc.registry.resolve(of[2]!, undefined, { loose: true }) : undefined;
  const ofField = of && ofRecord && ofRecord.kind !== 'junction' ? fieldOf(ofRecord, clean(of[1]!)) : undefined;
  if (ofRecord && ofField) return { entity: ofRecord, field: ofField };
  const ofWords = of ? clean(of[1]!) : [];
  if (ofRecord && ofRecord.kind !== 'junction' && ofRecord.kind !== 'tenant-root' && ofWords.length === 1 && IDENTIFIER_HEADS.includes(ofWords[0]!)) {
    const f = addField(ofRecord, { name: camelCase(ofWords[0]!), type: 'string', mods: { notes: [], required: true }, line: s.line, ref: trimRef(s.text) })?.name;
    if (f) return { entity: ofRecord, field: f };
  }
  const readings: string[][] = [];
  const pronoun = words.length === 0 || PRONOUNS.includes(words[words.length - 1]!);
  if (!pronoun) readings.push(words);
  else {
    const has = /\b(?:has|have|gives?|enters?|provides?|gets?)\s+(?:an?|the)\s+([a-z][\w-]*(?:\s+[a-z][\w-]*)?)\s*,/i.exec(clause);
    if (has) readings.push(clean(has[1]!));
    const label = /^(?:\*\*)?([A-Za-z][\w /-]{0,40}?)(?:\*\*)?\s*:\s/.exec(s.block.text.trim());
    if (label) readings.push(clean(label[1]!));
    const subject = subjectOf(s.text);
    if (subject) readings.push(clean(subject));
  }
  // Only a plain clause has one subject; a list before the predicate ("title (required), code …") has none.
  const subject = /,/.test(before) ? undefined : subjectOf(clause);
  if (subject) readings.push(clean(subject));
  const candidates = candidateEntities(doc, s, before, after, readings[0] ?? []);
  for (const w of readings.filter((r) => r.length)) {
    const phrases: string[][] = [];
    for (let n = Math.min(4, w.length); n >= 1; n--) phrases.push(w.slice(w.length - n));
    for (const e of candidates) {
      for (const p of phrases) {
        const f = fieldOf(e, p);
        if (f) return { entity: e, field: f };
      }
    }
  }
  const first = readings.find((r) => r.length);
  if (!first) return undefined;
  // "Room numbers are unique …": the words before the attribute name its record, which may not list it yet.
  for (let n = 1; n < first.length && n <= 2; n++) {
    const owner = doc.registry.resolve(first.slice(0, n));
    const rest = first.slice(n);
    if (!owner || owner.kind === 'tenant-root' || rest.length !== 1) continue;
    const f = fieldOf(owner, rest) ?? addField(owner, { name: camelCase(rest.join(' ')), type: 'string', mods: { notes: [], required: true }, line: s.line, ref: trimRef(s.text) })?.name;
    if (f) return { entity: owner, field: f };
  }
  // "a feed slug must be unique across the whole platform" in the shows' section: an identifier the record was not
  // yet seen to hold is one of its attributes.
  const ctx = contextEntity(doc, s);
  if (ctx && ctx.kind !== 'tenant-root' && first.length <= 3 && IDENTIFIER_HEADS.includes(first[first.length - 1]!)) {
    // "mints a public identifier for it … The identifier is printed …": the fuller name introduced earlier.
    const fuller = first.length === 1 ? new RegExp(`\\b(?:an?|the|its)\\s+((?:[a-z][\\w-]*\\s+){1,2})${first[0]}s?\\b`, 'i').exec(s.block.text) : null;
    const mods = fuller ? tokens(fuller[1]!).filter((w) => !MODIFIER_STOP.includes(w)) : [];
    const name = camelCase([...(mods.length && mods.length === tokens(fuller![1]!).length ? mods : []), ...first].join(' '));
    const f = addField(ctx, { name, type: 'string', mods: { notes: [], required: true }, line: s.line, ref: trimRef(s.text) })?.name;
    if (f) return { entity: ctx, field: f };
  }
  return undefined;
}

/** The noun phrase a sentence opens with, before its verb ("Matter numbers follow …", "barcodes come from …"). */
function subjectOf(text: string): string | undefined {
  const plain = text.replace(/^\s*(?:[A-Z]{1,5}-?\d*[.:]|AC:|[-*])\s*/, '');
  const m = SENTENCE_SUBJECT.exec(plain);
  if (m) return m[1];
  const np = nlp(plain).match('^#Determiner? [(#Adjective|#Noun)+] (#Adverb|#Auxiliary|#Modal)? #Verb', 0).text();
  return np || undefined;
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
function candidateEntities(doc: Doc, s: Sentence, before: string, after: string, words: string[]): DraftEntity[] {
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
  const rest = doc.registry.list().filter((e) => !out.includes(e) && e.kind !== 'junction' && fieldOf(e, normalise(words)));
  if (rest.length === 1) add(rest[0]);
  // The tenant itself comes last: "the slug is unique across the platform" may be the organization's.
  return out.filter((e) => e.kind !== 'tenant-root').concat(out.filter((e) => e.kind === 'tenant-root'));
}

/** The scope after the predicate: global, per tenant or per parent; a predicate other than "unique" defaults to the tenant. */
function scopeOf(doc: Doc, entity: DraftEntity, field: string, after: string, isUnique: boolean): 'org' | 'global' | { parent: string } | undefined {
  const m = SCOPE_AFTER.exec(after.replace(ANOTHER_RECORD, ' ').replace(/^\s*\(?\s*unique\b/i, ' '));
  const root = entity.kind === 'tenant-root';
  if (m) {
    const scoped = uniqueScope(doc, `unique ${m[1]} ${m[2] ?? ''}${m[3]}`);
    // A scope that names no record of the model ("across Registrar", "in the group") is everywhere or the tenant.
    if (scoped && typeof scoped === 'object' && !doc.registry.resolve(scoped.parent, undefined, { loose: true })) return /^across$/i.test(m[1]!) || root ? 'global' : 'org';
    if (scoped) return root ? 'global' : scoped;
  }
  if (root) return 'global';
  // A record of one tenant said to be unique, with no scope named, is unique within its tenant; a lookup list shared
  // by every tenant is unique everywhere, and so is a value machines mint (a token's hash, a GUID).
  if (!isUnique) return 'org';
  const head = tokens(field.replace(/([a-z])([A-Z])/g, '$1 $2')).pop() ?? '';
  return entity.kind === 'tenant' && !MINTED_HEADS.includes(head) ? 'org' : 'global';
}
