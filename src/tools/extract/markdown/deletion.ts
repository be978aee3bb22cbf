/**
 * Delete rules: sentences that settle what happens to the referencing rows when a record is deleted
 * ("deleting a project deletes its tasks" → Cascade on Task.project; "customers with tickets can't be
 * deleted" → Restrict on Ticket.requester; "the contact stays and just loses the link" → SetNull).
 * Each clause gives an action; the deleted entity is the one the clause deletes, the others reference it.
 */
import type { ReferentialAction } from '../../../model/model.ts';
import { linkTo } from './attach.ts';
import { markUsed, type Doc } from './doc.ts';
import { findMentions, type Mention } from './mentions.ts';
import { isPlural, tokens, trimRef } from './text.ts';
import type { DraftRelation, Sentence } from './types.ts';
import { ACTION_ORDER, CHILD_WORDS, DELETED_PHRASE, DELETE_VERBS, HOLDS_BETWEEN, WITH_IT } from './vocabulary/deletion.ts';

export function deleteActionOf(text: string): ReferentialAction | undefined {
  if (!text) return undefined;
  for (const [action, cues] of ACTION_ORDER) {
    if (cues.some((c) => c.test(text))) {
      if (action === 'detach') return undefined;
      if (action === 'Cascade' && !DELETE_VERBS.test(text) && !/\bbelongs? to (?:their|its)\b|\bgo(?:es)? (?:away )?with\b|\bgo(?:es)? too\b|\bdisappears?\b/i.test(text)) return undefined;
      if (action === 'SetNull' && !DELETE_VERBS.test(text) && !/\bloses?\b|\bno \w+$|\bunassigned\b|\bdetached\b|\bsurvive|\boutlive/i.test(text)) return undefined;
      return action;
    }
  }
  if (/\bbelongs? to (?:their|its)\b/i.test(text)) return 'Cascade';
  return undefined;
}

function clausesOf(text: string): string[] {
  // "deleting a patient (only possible when they have no appointments) deletes …": an aside names no target.
  return text.replace(/\s*\([^)]*\)/g, '').split(/\s*;\s*|,\s+but\s+|\s+—\s+|\s+–\s+|\.\s+/).map((c) => c.trim()).filter(Boolean);
}

/** Which mentioned entities the clause deletes: "deleting a X", "X is deleted", "X that … can't be deleted". */
function deletedOf(clause: string, mentions: Mention[]): Mention[] {
  if (mentions.length === 0) return [];
  const t = tokens(clause);
  const at = (re: RegExp) => t.findIndex((w) => re.test(w));
  const verb = at(/^(?:deleting|removing|purging|trashing|hard-deleting|delete|remove|purge|trash|closing)$/);
  if (verb >= 0 && !/\b(?:is|are|be|get|gets)\s+(?:\w+\s+)?(?:deleted|removed|purged)\b/i.test(clause.split(/\s+/).slice(0, verb).join(' '))) {
    const after = mentions.filter((m) => m.start > verb);
    if (after.length && after[0]!.start - verb <= 3) return [after[0]!];
  }
  const withTheir = /\bwith\s+(?:their|its)\s+([a-z]+(?:\s+[a-z]+)?)/i.exec(clause);
  if (withTheir) {
    // The mention may include the possessive ("their agent"): it starts right after "with".
    const idx = tokens(clause.slice(0, withTheir.index)).length + 1;
    const m = mentions.find((x) => x.start >= idx);
    if (m) return [m];
  }
  const belongs = /\bbelongs? to (?:their|its)\s+/i.exec(clause);
  if (belongs) {
    const idx = tokens(clause.slice(0, belongs.index)).length;
    const m = mentions.filter((x) => x.start > idx);
    if (m.length) return [m[0]!];
  }
  // Subject group: the first mention and those coordinated with it ("a pipeline or stage that …").
  const first = mentions[0]!;
  // "the show's seasons and episodes go with it": the possessor is what goes, its rows follow.
  if (/['’]s$/.test(first.words[first.words.length - 1] ?? '')) return [first];
  const group = [first];
  for (const m of mentions.slice(1)) {
    const between = t.slice(group[group.length - 1]!.end, m.start);
    if (between.length <= 2 && between.every((w) => ['or', 'and', 'a', 'an', 'the', 'any'].includes(w))) group.push(m);
    else break;
  }
  return group;
}

export function applyDeletionRules(doc: Doc): void {
  for (const s of doc.sentences) {
    if (s.block.section.cls !== 'data') continue;
    if (!DELETE_VERBS.test(s.text) && !/\bloses?\b|\bunassigned\b|\bdetached\b|\bbelongs? to (?:their|its)\b|\bgo(?:es)? away with\b|\bsurvive|\boutlive/i.test(s.text)) continue;
    applySentence(doc, s);
  }
}

function applySentence(doc: Doc, s: Sentence): void {
  const sentenceMentions = findMentions(doc, s.text, s.block);
  const sentenceDeleted = deletedOf(s.text, sentenceMentions);
  const clauses = clausesOf(s.text);
  for (const [ci, clause] of clauses.entries()) {
    const action = deleteActionOf(clause);
    if (!action) continue;
    let mentions = findMentions(doc, clause, s.block);
    // "- belong to an application; deleted with it" under the interviews: the section's record goes with the one
    // the clause before named.
    if (mentions.length === 0 && WITH_IT.test(clause)) {
      const terms = doc.sectionEntities.get(s.block.section);
      const own = terms?.length === 1 ? doc.registry.get(terms[0]!) : undefined;
      const before = findMentions(doc, clauses.slice(0, ci).join('; '), s.block).filter((m) => m.entity !== own);
      const parent = before[before.length - 1];
      if (own && parent && setAction(doc, own.name, parent.entity.name, action, clause, s, 2, false)) markUsed(doc, s);
      continue;
    }
    let deleted = deletedOf(clause, mentions);
    // "a vehicle's inspections deleted together with the vehicle" where inspections are no entity: rows we don't hold.
    const possessor = deleted.length === 1 && /['’]s$/.test(deleted[0]!.words[deleted[0]!.words.length - 1] ?? '') ? deleted[0]! : undefined;
    // ("that user's account is removed" is the user itself: only rows in the plural are others.)
    if (possessor && !mentions.some((m) => m.start === possessor.end) && isPlural(tokens(clause)[possessor.end] ?? '')) continue;
    let strength = 2;
    let others = mentions.filter((m) => !deleted.some((d) => d.entity === m.entity));
    // "deleting a location deletes the locations inside it": the record named twice is its own parent.
    const selfRule = CHILD_WORDS.test(clause) || (/\b(?:inside|within|under|beneath|below|in)\s+(?:it|them)\b/i.test(clause) && deleted.some((d) => {
      const same = mentions.filter((m) => m.entity === d.entity).map((m) => isPlural(m.words[m.words.length - 1]!));
      return same.includes(true) && same.includes(false);
    }));
    // "If an inspection is deleted, …" where inspections are no entity: the clause is about something else.
    const named = DELETED_PHRASE.exec(clause);
    const phrase = named ? (named[1] ?? named[2])! : '';
    if (named && !doc.registry.resolve(phrase, undefined, { loose: true }) && !doc.registry.resolve(phrase.split(' ')[0]!) && !/^(?:it|they|them|one)\b/i.test(phrase)) continue;
    if (others.length === 0 && !selfRule) {
      // "its tickets stay", "its activities are purged with it": the deleted record is named elsewhere in the sentence or bullet.
      const fromSentence = sentenceDeleted.filter((d) => !mentions.some((m) => m.entity === d.entity));
      if (fromSentence.length) {
        others = mentions;
        deleted = fromSentence;
      } else {
        const blockMentions = findMentions(doc, s.block.text, s.block).filter((m) => !mentions.some((x) => x.entity === m.entity));
        if (mentions.length && blockMentions.length) {
          others = mentions;
          deleted = dedupe(blockMentions);
          strength = 1;
        }
      }
    }
    let applied = false;
    for (const d of deleted) {
      if (selfRule) applied = setAction(doc, d.entity.name, d.entity.name, action, clause, s, strength, true) || applied;
      for (const o of others) {
        if (o.entity === d.entity) continue;
        // "An appointment that has a clinical note can't be deleted" after "an appointment has at most one clinical
        // note" was read as the appointment's link: the note points at the appointment.
        if (action === 'Restrict' && holds(clause, d, o)) flipHeld(doc, d.entity.name, o.entity.name);
        const done = setAction(doc, o.entity.name, d.entity.name, action, clause, s, strength, false) || setAction(doc, d.entity.name, o.entity.name, action, clause, s, strength, false);
        if (!done && action !== 'Restrict' && new RegExp(`\\b(?:their|its)\\s+${d.words.filter((w) => !/^(?:their|its)$/.test(w)).join(' ')}`, 'i').test(clause)) {
          // "personal replies are deleted together with their agent": the possessive states the link.
          linkTo(doc, o.entity, d.entity, { line: s.line, ref: trimRef(s.text) }, false);
          applied = setAction(doc, o.entity.name, d.entity.name, action, clause, s, strength, false) || applied;
        } else if (!done && action === 'Cascade' && /^(?:its|their)$/.test(o.words[0] ?? '') && o.words.length > 1 && !joinedMany(doc, o.entity.name, d.entity.name)) {
          // "deleting a post deletes its revisions": the deleted record owns the others, so each belongs to exactly one.
          linkTo(doc, o.entity, d.entity, { line: s.line, ref: trimRef(s.text) }, true);
          applied = setAction(doc, o.entity.name, d.entity.name, action, clause, s, strength, false) || applied;
        } else if (!done && action === 'SetNull' && new RegExp(`\\b(?:with no|without (?:an?|the|any)|no)\\s+${d.words.filter((w) => !/^(?:an?|the|its|their)$/.test(w)).join('\\s+')}\\b`, 'i').test(clause) && o.start > d.end) {
          // "if a storage place is removed, the samples stored there stay with no storage place recorded": they had one.
          linkTo(doc, o.entity, d.entity, { line: s.line, ref: trimRef(s.text) }, false, true);
          applied = setAction(doc, o.entity.name, d.entity.name, action, clause, s, strength, false) || applied;
        } else if (!done && action === 'Restrict' && holds(clause, d, o)) {
          // "prevent deleting a shipper that has loads", "a carrier that has been assigned to any load can't be
          // deleted": the rows the deleted record has are rows that point at it.
          linkTo(doc, o.entity, d.entity, { line: s.line, ref: trimRef(s.text) }, true);
          applied = setAction(doc, o.entity.name, d.entity.name, action, clause, s, strength, false) || applied;
        }
        applied = applied || done;
      }
    }
    // "removes its sensors, and through them their readings": the chain cascades too.
    if (/\bthrough (?:them|it|those)\b/i.test(clause)) {
      for (const a of others) for (const b of others) if (a !== b && a.entity !== b.entity) applied = setAction(doc, a.entity.name, b.entity.name, action, clause, s, strength, false) || applied;
    }
    if (applied) markUsed(doc, s);
  }
}

/** Whether the clause says the deleted record has the other rows: "a X that has (any) Ys", "a X with Ys", "a X that has been assigned to a Y". */
function holds(clause: string, d: Mention, o: Mention): boolean {
  if (o.start <= d.end) return false;
  const between = tokens(clause).slice(d.end, o.start).join(' ');
  return HOLDS_BETWEEN.test(between);
}

/** "deletes its object list" where exhibitions and objects are many-to-many: the list is the junction's rows. */
function joinedMany(doc: Doc, a: string, b: string): boolean {
  return doc.relations.some((r) => r.cardinality === 'many-to-many' && [r.from, r.to].includes(a) && [r.from, r.to].includes(b));
}

/** Turns an unstated link from the held-by record to the rows it has round: the rows point at it. */
function flipHeld(doc: Doc, holder: string, rows: string): void {
  if (doc.relations.some((r) => r.from === rows && r.to === holder)) return;
  const wrong = doc.relations.filter((r) => r.from === holder && r.to === rows && r.cardinality === 'many-to-one' && (!r.requiredStated || !r.required) && !r.onDelete);
  if (wrong.length !== 1) return;
  doc.relations = doc.relations.filter((r) => r !== wrong[0]);
  const holderEntity = doc.registry.get(holder);
  const rowsEntity = doc.registry.get(rows);
  if (holderEntity && rowsEntity) linkTo(doc, rowsEntity, holderEntity, { line: wrong[0]!.line, ref: wrong[0]!.ref }, true);
}

function dedupe(ms: Mention[]): Mention[] {
  const seen = new Set<string>();
  return ms.filter((m) => (seen.has(m.entity.name) ? false : (seen.add(m.entity.name), true)));
}

function setAction(doc: Doc, from: string, to: string, action: ReferentialAction, clause: string, s: Sentence, strength: number, self: boolean): boolean {
  let rels = doc.relations.filter((r) => r.from === from && r.to === to && r.cardinality !== 'many-to-many');
  if (self) rels = rels.filter((r) => r.from === r.to);
  if (rels.length === 0) return false;
  if (rels.length > 1) {
    // Several links between the same pair: the one whose role the clause names.
    const named = rels.filter((r) => new RegExp(`\\b${roleWords(r)}`, 'i').test(clause) || new RegExp(`\\b${roleWords(r)}`, 'i').test(s.text));
    if (named.length) rels = named;
  }
  for (const r of rels) apply(r, action, s, strength);
  return true;
}

function roleWords(r: DraftRelation): string {
  return r.name.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}

function apply(r: DraftRelation, action: ReferentialAction, s: Sentence, strength: number): void {
  if (r.onDelete && (r.onDeleteStrength ?? 0) >= strength) return;
  if (action === 'SetNull' && r.required && r.requiredStated) return;
  r.onDelete = action;
  r.onDeleteStrength = strength;
  r.why = trimRef(s.text);
  if (action === 'SetNull') r.required = false;
}
