/**
 * Links read from the structure of a sentence rather than from fixed phrasings: a subject that is an entity, a
 * verb group (modals, passive, particles), a quantifier and an object that is an entity. The verb's class and the
 * quantifier settle which side holds the reference:
 *
 * - "A subscriber can save several addresses", "each plan gets a box per month": the object rows gather under the
 *   subject (Address → Subscriber, Box → Plan);
 * - "Each load shall reference exactly one shipper and one equipment type", "a location may sit inside another
 *   location", "a part can be superseded by another part": the subject points at the object (self-references
 *   included, when the object is "another" of the subject's own kind);
 * - "A subscription ties a subscriber to a plan and to an address": a linking verb points at every object;
 * - "One X has several Ys" and, anywhere in the PRD, "a Y <verb> many Xs": both sides are many, a junction;
 * - "record check calls on a load", "which equipment types each carrier operates": instructions.
 *
 * Runs after the phrasing-specific readers of relations.ts, and never adds a link between two entities that are
 * already linked either way.
 */
import nlp from 'compromise';
import { camelCase } from '../../../model/names.ts';
import { addRelation, linkTo } from './attach.ts';
import { markUsed, type Doc } from './doc.ts';
import { restatePronoun, storyless } from './entities.ts';
import { findMentions, type Mention } from './mentions.ts';
import { isPlural, plural, singular, tokens, trimRef } from './text.ts';
import type { DraftEntity, Sentence } from './types.ts';
import {
  CONDITION_WORDS, GATHER_VERBS, INSTRUCTION_VERBS, LINKING_VERBS, MANY_WORDS, MODALS, NEGATIONS, OBJECT_JOINERS, ONE_WORDS,
  OPTIONAL_MODALS, OWNER_PREPOSITIONS, PASSIVE_AUX, POINT_VERBS, STRICT_ONE, VIEW_VERBS,
} from './vocabulary/clauses.ts';

/** What one clause said about a pair: `many` when one subject row relates to several object rows. */
interface Statement {
  subject: DraftEntity;
  object: DraftEntity;
  s: Sentence;
  after: string;
  /** Read from "a Y per Z": a containment. */
  per?: boolean;
}

export type AddManyToMany = (doc: Doc, a: DraftEntity, b: DraftEntity, role: string, s: Sentence, after: string) => void;

const SUBJECT_DETS = new Set(['a', 'an', 'each', 'every', 'the', 'one', 'any', 'all']);
const LEADING = new Set([...SUBJECT_DETS, ...MANY_WORDS.flat(), ...ONE_WORDS.flat(), 'another', 'other', 'its', 'their', 'exactly', 'single', 'required', 'optional', 'which']);
const PARTICIPLE = /(?:ed|en|wn|lt|ld|ne|ot|ung|ught|et|id)$/;
const CONTAINMENT = new Set(['sit', 'live', 'fall', 'belong', 'nest']);

let junction: AddManyToMany | undefined;

/** What a sentence's earlier clauses settled: the implied subject, and the subject of the last pointing verb. */
interface ClauseState {
  fallback?: DraftEntity;
  pointed?: DraftEntity;
  /** The last subject the sentence named, for a pronoun after it. */
  subject?: DraftEntity;
  /** The sentence opened with a condition ("If …, it is linked to …"): what it links is optional. */
  conditional?: boolean;
}

let conditionalSentence = false;

const PRONOUNS = ['it', 'they', 'this', 'these', 'each'];

function contextEntity(doc: Doc, s: Sentence): DraftEntity | undefined {
  const terms = doc.sectionEntities.get(s.block.section);
  return terms?.length === 1 ? doc.registry.get(terms[0]!) : undefined;
}

/** Whether a clause opens with its verb group ("belongs to a show", "can have several stops", "is run by one team"). */
function opensWithVerb(t: string[]): boolean {
  const w = t[0]!;
  if (MODALS.includes(w) || PASSIVE_AUX.includes(w) || w === 'has' || w === 'have') return true;
  const l = lemma(w);
  return l !== w && [...POINT_VERBS, ...GATHER_VERBS, ...LINKING_VERBS].includes(l);
}

export function readClauseLinks(doc: Doc, addManyToMany: AddManyToMany): void {
  junction = addManyToMany;
  const many: Statement[] = [];
  const gathered: Statement[] = [];
  for (const s of doc.sentences) {
    if (s.block.section.cls !== 'data') continue;
    let text = restatePronoun(storyless(s.text)).replace(/\([^)]*\)/g, ' ');
    // "Campaign: belongs to one sponsor and runs on one show": the label is the subject of what follows it.
    const label = /^([A-Za-z][\w -]{0,30}):\s+(.+)$/.exec(text.trim());
    const labelled = label ? doc.registry.resolve(label[1]!) : undefined;
    if (label && labelled && usable(labelled)) text = label[2]!;
    // A label that names no record ("Note: …") leaves no subject to imply.
    const state: ClauseState = { fallback: labelled && usable(labelled) ? labelled : label ? undefined : contextEntity(doc, s) };
    for (const clause of text.split(/\s*[;:]\s+|,\s+(?:and|but|while|whereas|so)\s+|\s+[—–]\s+|,\s+(?=(?:an?|each|every|one|it|they)\s)/i)) {
      readClause(doc, s, clause, many, gathered, state);
    }
  }
  // A pair said to be "many" both ways is a junction; one said "many" one way with a gathering verb is parent/child.
  const key = (a: DraftEntity, b: DraftEntity) => `${a.name}>${b.name}`;
  const manyKeys = new Set(many.map((m) => key(m.subject, m.object)));
  const joined = new Set<string>();
  for (const m of many) {
    if (m.subject === m.object || !manyKeys.has(key(m.object, m.subject))) continue;
    const pair = [m.subject.name, m.object.name].sort().join('|');
    // Both sides said to be many outweigh a one-to-many read from one of them; a stated many-to-many is kept.
    if (joined.has(pair) || doc.relations.some((r) => r.cardinality === 'many-to-many' && [r.from, r.to].includes(m.subject.name) && [r.from, r.to].includes(m.object.name))) continue;
    doc.relations = doc.relations.filter((r) => !(r.cardinality === 'many-to-one' && !r.requiredStated && ((r.from === m.subject.name && r.to === m.object.name) || (r.from === m.object.name && r.to === m.subject.name)) && r.name === camelCase(r.to)));
    joined.add(pair);
    addManyToMany(doc, m.subject, m.object, pluralRole(m.object.name), m.s, m.after);
  }
  for (const g of gathered) {
    const pair = [g.subject.name, g.object.name].sort().join('|');
    // "Each plan gets a box per month: for example, the Coffee Lover box": the containment outweighs a link read the
    // other way round from the same sentence.
    if (g.per) doc.relations = doc.relations.filter((r) => !(r.from === g.subject.name && r.to === g.object.name && r.cardinality === 'many-to-one' && !r.requiredStated && r.line === g.s.line));
    if (joined.has(pair) || linked(doc, g.subject, g.object)) continue;
    linkTo(doc, g.object, g.subject, { line: g.s.line, ref: trimRef(g.s.text) }, true);
    markUsed(doc, g.s);
  }
}


function pluralRole(entity: string): string {
  const w = tokens(entity.replace(/([a-z])([A-Z])/g, '$1 $2'));
  return camelCase([...w.slice(0, -1), plural(w[w.length - 1] ?? '')].join(' '));
}

function linked(doc: Doc, a: DraftEntity, b: DraftEntity): boolean {
  return doc.relations.some((r) => (r.from === a.name && r.to === b.name) || (r.from === b.name && r.to === a.name) || (r.through && [r.from, r.to].includes(a.name) && [r.from, r.to].includes(b.name)));
}

function usable(e: DraftEntity): boolean {
  return e.kind !== 'tenant-root' && e.kind !== 'junction';
}

const lemmaCache = new Map<string, string>();
/** The verb's dictionary form ("holds" → hold, "has" → have, "superseded" → supersede). */
function lemma(word: string): string {
  let l = lemmaCache.get(word);
  if (l === undefined) {
    const doc = nlp(`they ${word}`);
    l = (doc.verbs().toInfinitive().text().replace(/^they\s+/, '') || word).toLowerCase();
    if (l === word && /(?:ies)$/.test(word)) l = word.replace(/ies$/, 'y');
    else if (l === word && /[^s]s$/.test(word)) l = word.slice(0, -1);
    lemmaCache.set(word, l);
  }
  return l;
}

/** The longest quantifier phrase ending at token `end` (exclusive), with the words it spans. */
function quantifierBefore(t: string[], end: number, from: number): { words: string[]; start: number; many: boolean } | undefined {
  for (const [list, isMany] of [[MANY_WORDS, true], [ONE_WORDS, false]] as const) {
    for (const q of list) {
      const start = end - q.length;
      if (start < from) continue;
      if (q.every((w, i) => t[start + i] === w)) return { words: q, start, many: isMany };
    }
  }
  // "another location", "other rooms" name a row of the same kind.
  if (end - 1 >= from && ['another', 'other'].includes(t[end - 1]!)) return { words: [t[end - 1]!], start: end - 1, many: t[end - 1] === 'other' };
  return undefined;
}

function readClause(doc: Doc, s: Sentence, clause: string, many: Statement[], gathered: Statement[], state: ClauseState): void {
  const t = tokens(clause);
  if (t.length < 3) return;
  // A mention may include its determiner or quantifier ("exactly one shipper"): it starts at its noun here.
  const ms = findMentions(doc, clause, s.block).filter((m) => usable(m.entity)).map((m) => {
    let k = 0;
    while (k < m.words.length - 1 && LEADING.has(m.words[k]!)) k++;
    // "an exhibition lists …" resolves with its verb as a qualifier tail ("exhibition list"): the noun ends before it.
    let end = m.end;
    const own = tokens(m.entity.name.replace(/([a-z])([A-Z])/g, '$1 $2'));
    while (end - 1 > m.start + k && !own.includes(singular(t[end - 1]!)) && doc.registry.resolve(t.slice(m.start + k, end - 1)) === m.entity) end--;
    return { ...m, start: m.start + k, end, words: t.slice(m.start + k, end) };
  });
  if (ms.length === 0) {
    // "…, and is opened by a server": a verb with no record named goes on with the sentence's subject.
    const implied = state.subject ?? state.fallback;
    if (implied && opensWithVerb(t)) byRole(doc, s, t, { entity: implied, start: 0, end: 0, words: [] }, ms);
    return;
  }
  selfByParticiple(doc, s, t, ms);
  if (instruction(doc, s, clause, t, ms)) return;
  let subject = ms[0]!;
  let i = 1;
  if (subject.start > 2 || !t.slice(0, subject.start).every((w) => SUBJECT_DETS.has(w))) {
    const pointed = state.pointed;
    state.pointed = undefined;
    // "belongs to a show; optionally to one of that show's seasons": the same verb goes on with another object.
    const more = /^(optionally\s+|also\s+|and\s+)*(?:to|in|on|under|with|at)\b/.exec(t.join(' '));
    if (more && pointed) {
      const o = ms[ms.length - 1]!;
      if (o.entity !== pointed && !linked(doc, pointed, o.entity)) {
        linkTo(doc, pointed, o.entity, { line: s.line, ref: trimRef(s.text) }, !/optionally/.test(more[0]), /optionally/.test(more[0]));
        markUsed(doc, s);
      }
      return;
    }
    // "If the activity relates to the current crop, it is linked to that planting": the pronoun stands for the
    // sentence's record (or the section's).
    const pronoun = PRONOUNS.includes(t[0]!) && t.length > 1 && opensWithVerb(t.slice(1)) ? 1 : 0;
    const implied = pronoun ? state.subject ?? state.fallback : state.fallback;
    // "- belongs to a show (required)" under the show's section, or after a "Campaign:" label: the implied subject.
    if (!implied || !opensWithVerb(t.slice(pronoun))) return;
    subject = { entity: implied, start: pronoun, end: pronoun, words: tokens(implied.name.replace(/([a-z])([A-Z])/g, '$1 $2')) };
    i = 0;
    if (pronoun && /^(?:if|when|whenever|once|unless|where)\b/i.test(s.text.trim())) state.conditional = true;
  } else state.subject = subject.entity;
  byRole(doc, s, t, subject, ms);
  let at = subject.end;
  while (i < ms.length) {
    const object = ms[i]!;
    const gap = t.slice(at, object.start);
    // "has a name and may sit inside another location": the predicate is the one after the last conjunction.
    const lastAnd = Math.max(gap.lastIndexOf('and'), gap.lastIndexOf('but'));
    const from = at + (lastAnd >= 0 ? lastAnd + 1 : 0);
    const pred = t.slice(from, object.start);
    const chain = [object];
    let j = i + 1;
    // "one shipper and one equipment type", "to a plan and to an address": joined by a conjunction or preposition.
    const joins = (ws: string[]) => ws.length > 0 && ws.every((w) => OBJECT_JOINERS.includes(w)) && ws.some((w) => ['and', 'or', 'to', 'with'].includes(w));
    while (j < ms.length && !chain.some((c) => c.entity === ms[j]!.entity) && ms[j]!.entity !== subject.entity && joins(t.slice(chain[chain.length - 1]!.end, ms[j]!.start))) chain.push(ms[j++]!);
    conditionalSentence = !!state.conditional;
    if (predicate(doc, s, clause, t, subject, pred, from, chain, many, gathered)) state.pointed = subject.entity;
    at = chain[chain.length - 1]!.end;
    i = j;
    // "… several creators and a creator many objects": the verb is left out of the second half.
    const back = ms[j];
    const to = ms[j + 1];
    if (chain.length === 1 && back && to && back.entity === object.entity && to.entity === subject.entity) {
      const q = quantifierBefore(t, to.start, back.end);
      if (q?.many && q.start === back.end && t.slice(at, back.start).every((w) => ['and', 'while', 'but', 'whereas', 'a', 'an', 'each', 'every', 'one'].includes(w))) {
        many.push({ subject: object.entity, object: subject.entity, s, after: t.slice(to.end).join(' ') });
        at = to.end;
        i = j + 2;
      }
    }
  }
}

function predicate(doc: Doc, s: Sentence, clause: string, t: string[], subject: Mention, pred: string[], from: number, chain: Mention[], many: Statement[], gathered: Statement[]): boolean {
  if (pred.length === 0 || pred.length > 8 || pred.some((w) => NEGATIONS.includes(w))) return false;
  const object = chain[0]!;
  // Up to two words may sit between the quantifier and the object's mention ("several shipping addresses").
  let q: ReturnType<typeof quantifierBefore>;
  for (let k = 0; k <= 2 && !q; k++) q = quantifierBefore(t, object.start - k, from);
  const verbWords = t.slice(from, q ? q.start : object.start);
  let optional = false;
  let passive = false;
  let verb: string | undefined;
  let participle = '';
  const particles: string[] = [];
  for (const [k, w] of verbWords.entries()) {
    if (!verb && MODALS.includes(w)) {
      optional ||= OPTIONAL_MODALS.includes(w);
      continue;
    }
    // "gets assigned to" is passive, "gets a box" is the verb itself.
    const participleNext = PARTICIPLE.test(verbWords[k + 1] ?? '');
    if (!verb && PASSIVE_AUX.includes(w) && (participleNext || !['get', 'gets', 'got'].includes(w))) {
      passive = true;
      continue;
    }
    if (!verb) {
      verb = w;
      continue;
    }
    particles.push(w);
  }
  if (!verb || particles.length > 3) return false;
  if (passive && !PARTICIPLE.test(verb)) return false;
  participle = passive ? verb : '';
  const l = lemma(verb);
  if (VIEW_VERBS.includes(l) || l === 'be') return false;
  const rest = t.slice(chain[chain.length - 1]!.end).join(' ');
  const conditional = conditionalSentence || optional || CONDITION_WORDS.test(rest.split(/\s+(?:and|but)\s+/)[0] ?? '') || pred.includes('optional') || pred.includes('optionally');
  const after = clause.slice(clause.toLowerCase().indexOf(object.words[object.words.length - 1]!) + object.words[object.words.length - 1]!.length);
  const qPhrase = q?.words.join(' ') ?? '';
  const self = (m: Mention) => m.entity === subject.entity;
  const at = { line: s.line, ref: trimRef(s.text) };

  // "An exhibition lists the objects in it", "a customer places orders": a plural object after a singular subject is many.
  const singularSubject = !isPlural(subject.words[subject.words.length - 1]!);
  const pluralObject = isPlural(object.words[object.words.length - 1]!) && (!q || ['the', 'its', 'their'].includes(qPhrase));
  if (q?.many || (pluralObject && singularSubject)) {
    for (const o of chain) {
      if (self(o)) continue;
      many.push({ subject: subject.entity, object: o.entity, s, after });
      if (!passive && GATHER_VERBS.includes(l)) gathered.push({ subject: subject.entity, object: o.entity, s, after });
    }
    return false;
  }
  const per = ['per', 'for', 'every'].includes(t[chain[chain.length - 1]!.end] ?? '') && !self(object);
  if (per && !passive && GATHER_VERBS.includes(l)) {
    for (const o of chain) if (!self(o)) gathered.push({ subject: subject.entity, object: o.entity, s, after, per: true });
    return false;
  }
  // "runs on one show", "is held at a venue": a verb with a preposition before one row points at it.
  const prepOne = particles.length > 0 && OWNER_PREPOSITIONS.concat(['at', 'to', 'from', 'by']).includes(particles[particles.length - 1]!) && !!q && !q.many;
  const points = LINKING_VERBS.includes(l) || POINT_VERBS.includes(l) || (passive && particles.length > 0) || (!!q && STRICT_ONE.includes(qPhrase) && (!GATHER_VERBS.includes(l) || prepOne));
  if (!points || (!q && !LINKING_VERBS.includes(l))) return false;
  for (const o of chain) {
    if (self(o)) {
      // Only "another <own kind>" makes a self-reference.
      if (!['another', 'other', 'parent', 'original'].includes(qPhrase) && !t.slice(o.start - 2, o.start).includes('parent')) continue;
      if (doc.relations.some((r) => r.from === subject.entity.name && r.to === subject.entity.name)) continue;
      const last = tokens(subject.entity.name.replace(/([a-z])([A-Z])/g, '$1 $2')).pop()!;
      const name = passive ? camelCase(`${participle} ${particles[0] ?? 'by'}`) : CONTAINMENT.has(l) || l === 'be' ? camelCase(`parent ${last}`) : camelCase(`${l === 'replace' ? 'replaced' : 'related'} ${last}`);
      addRelation(doc, { name, from: subject.entity.name, to: subject.entity.name, cardinality: 'many-to-one', field: name + 'Id', required: false, requiredStated: false, line: s.line, ref: at.ref });
      markUsed(doc, s);
      continue;
    }
    if (linked(doc, subject.entity, o.entity)) continue;
    linkTo(doc, subject.entity, o.entity, at, !conditional, conditional);
    markUsed(doc, s);
  }
  return true;
}

/** "record check calls on a load", "keep notes against each job"; "which equipment types each carrier operates". */
function instruction(doc: Doc, s: Sentence, clause: string, t: string[], ms: Mention[]): boolean {
  const which = t.indexOf('which');
  if (which >= 0) {
    const y = ms.find((m) => m.start === which + 1);
    const x = y && ms.find((m) => m.start > y.end && m.start - y.end === 1 && ['each', 'every', 'a', 'an', 'the'].includes(t[y.end]!));
    if (y && x && x.entity !== y.entity && t[x.end] && !['is', 'are', 'was', 'were'].includes(t[x.end]!) && !linked(doc, x.entity, y.entity)) {
      junction?.(doc, x.entity, y.entity, pluralRole(y.entity.name), s, clause.slice(clause.toLowerCase().indexOf(' ' + t[x.end]!) + t[x.end]!.length + 1));
      return true;
    }
  }
  // "which staff members work on which study": two "which" phrases joined by a verb are a many-to-many.
  const whiches = t.map((w, k) => (w === 'which' ? k : -1)).filter((k) => k >= 0);
  if (whiches.length >= 2) {
    const first = ms.find((m) => m.start === whiches[0]! + 1);
    const second = ms.find((m) => m.start === whiches[1]! + 1);
    if (first && second && first.entity !== second.entity && whiches[1]! - first.end >= 1 && whiches[1]! - first.end <= 3 && !t.slice(first.end, whiches[1]).some((w) => NEGATIONS.includes(w))) {
      junction?.(doc, second.entity, first.entity, pluralRole(first.entity.name), s, clause.slice(clause.toLowerCase().lastIndexOf(second.words[second.words.length - 1]!) + second.words[second.words.length - 1]!.length));
      return true;
    }
  }
  if (!INSTRUCTION_VERBS.includes(t[0]!)) return false;
  const object = ms[0]!;
  // "record check calls on a load", "record each claim against exactly one policy".
  if (object.start > 2 || (!isPluralWord(t[object.end - 1]!) && !['each', 'every'].includes(t[object.start - 1] ?? ''))) return false;
  const prep = t[object.end];
  const owner = ms[1];
  if (!prep || !OWNER_PREPOSITIONS.includes(prep) || !owner || owner.start > object.end + 3 || owner.entity === object.entity) return true;
  if (!t.slice(object.end + 1, owner.start).every((w) => ['a', 'an', 'the', 'each', 'every', 'one', 'its', 'their', 'exactly', 'single'].includes(w))) return true;
  if (linked(doc, object.entity, owner.entity)) return true;
  linkTo(doc, object.entity, owner.entity, { line: s.line, ref: trimRef(s.text) }, true);
  markUsed(doc, s);
  return true;
}

/** "mark a part as superseded by a newer part", "a claim related to another claim": a row pointing at another of its kind. */
function selfByParticiple(doc: Doc, s: Sentence, t: string[], ms: Mention[]): void {
  for (const [k, m] of ms.entries()) {
    const later = ms.slice(k + 1).find((x) => x.entity === m.entity);
    if (!later) continue;
    const between = t.slice(m.end, later.start);
    const at = between.findIndex((w, i) => PARTICIPLE.test(w) && ['by', 'to', 'from'].includes(between[i + 1] ?? ''));
    if (at < 0 || between.length - at > 5 || between.slice(0, at).some((w) => NEGATIONS.includes(w))) continue;
    const rest = between.slice(at + 2);
    if (!rest.every((w) => ['a', 'an', 'the', 'another', 'other', 'newer', 'older', 'earlier', 'later', 'previous', 'original', 'different', 'one'].includes(w))) continue;
    const name = camelCase(`${between[at]} ${between[at + 1]}`);
    if (doc.relations.some((r) => r.from === m.entity.name && r.to === m.entity.name)) return;
    addRelation(doc, { name, from: m.entity.name, to: m.entity.name, cardinality: 'many-to-one', field: name + 'Id', required: false, requiredStated: false, line: s.line, ref: trimRef(s.text) });
    markUsed(doc, s);
    return;
  }
}

/**
 * "an order … is opened by a server", where "server" is a value of the people's role field: the subject points at
 * the people's record, under the role's name.
 */
function byRole(doc: Doc, s: Sentence, t: string[], subject: Mention, ms: Mention[]): void {
  for (let k = subject.end; k + 3 < t.length + 1; k++) {
    if (!PARTICIPLE.test(t[k] ?? '') || t[k + 1] !== 'by' || !['a', 'an', 'the', 'one', 'its', 'their'].includes(t[k + 2] ?? '')) continue;
    const w = t[k + 3];
    if (!w || ms.some((m) => m.start <= k + 3 && m.end > k + 3) || t.slice(subject.end, k).some((x) => NEGATIONS.includes(x))) continue;
    const value = singular(w);
    const holders = doc.registry.list().filter((e) => e.fields.some((f) => f.type === 'enum' && /role|type|kind/i.test(f.name) && (f.enumValues ?? []).some((v) => v.toLowerCase() === value)));
    // Without a role list, an agent noun ("a server", "a supervisor", "a pharmacist") is one of the people who sign in.
    const users = doc.registry.userEntity ? doc.registry.get(doc.registry.userEntity) : undefined;
    const holder = holders.length === 1 ? holders[0]! : isActor(value) && !doc.registry.resolve(value) ? users : undefined;
    if (!holder || holder === subject.entity || !usable(holder)) continue;
    const name = camelCase(value);
    if (doc.relations.some((r) => r.from === subject.entity.name && (r.name === name || r.to === holder.name))) continue;
    const optional = t.slice(subject.end, k).some((x) => OPTIONAL_MODALS.includes(x));
    addRelation(doc, { name, from: subject.entity.name, to: holder.name, cardinality: 'many-to-one', field: name + 'Id', required: !optional, requiredStated: optional, line: s.line, ref: trimRef(s.text) });
    markUsed(doc, s);
  }
}

const actorCache = new Map<string, boolean>();
/** Whether the tagger knows the noun as someone's job or role ("supervisor", "pharmacist"; not "timer"). */
function isActor(word: string): boolean {
  let a = actorCache.get(word);
  if (a === undefined) actorCache.set(word, (a = nlp(`the ${word}`).has('#Actor')));
  return a;
}

function isPluralWord(w: string): boolean {
  return /[^s]s$|ies$|ches$|shes$|xes$|sses$/.test(w);
}
