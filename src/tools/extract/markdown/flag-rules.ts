/**
 * Partial unique indexes read from the shape of a sentence rather than one phrasing:
 * - a flag held by at most one record per scope: "there must only ever be one default fund per nonprofit", "there
 *   is at most one default per company", "Only one flagship per network at a time", "there can never be two default
 *   addresses for the same subscriber", "Exactly one location is the practice's main office";
 * - a key among the records not in some state: "Only the names of practice areas that aren't archived have to be
 *   unique", "unique … but only among locations that are not archived", "unique among the group's live items",
 *   "unique among the organization's payments that are not voided".
 */
import type { Predicate } from '../../../model/model.ts';
import { addField } from './attach.ts';
import type { Doc } from './doc.ts';
import { findMentions } from './mentions.ts';
import { normalise } from './registry.ts';
import { dropDeterminers, stripInline, tokens, trimRef } from './text.ts';
import type { DraftEntity, DraftIndex, Sentence } from './types.ts';
import { contextEntity, flagPredicate, partial } from './uniqueness.ts';
import { FLAG_WORDS, LIVE_ROWS, NOT_IN_STATE, ONE_FLAG, ONE_IS_THE, RETIRED_STATES, SCOPE_OF_FLAG } from './vocabulary/uniqueness.ts';

export function flagRules(doc: Doc, s: Sentence, text: string): boolean {
  const plain = stripInline(text);
  // "Exactly one location is the practice's main office".
  let m = ONE_IS_THE.exec(plain);
  if (m) {
    const e = doc.registry.resolve(m[1]!, contextEntity(doc, s), { loose: true });
    const flag = e ? ownFlag(e, dropDeterminers(tokens(m[3]!))).join(' ') : '';
    if (e && e.kind !== 'tenant-root' && flag && isFlag(e, flag) && partial(doc, e, m[2] ?? 'organization', flag, s)) return true;
  }
  m = ONE_FLAG.exec(plain);
  if (!m) return false;
  const rest = m[1]!;
  // The words up to the scope are the flag and, maybe, the record: "default fund", "default", "flagship".
  const scope = SCOPE_OF_FLAG.exec(rest);
  const head = dropDeterminers(tokens(scope ? rest.slice(0, scope.index) : rest.split(/[,;.(—–]/)[0]!)).slice(0, 4);
  if (head.length === 0) return false;
  let record: DraftEntity | undefined;
  let flagWords = head;
  for (let i = 1; i < head.length; i++) {
    const e = doc.registry.resolve(head.slice(i), undefined, { loose: true });
    if (e && e.kind !== 'tenant-root') {
      record = e;
      flagWords = head.slice(0, i);
      break;
    }
  }
  // "… at most one default per company": the record the sentence (or the one before it) is about. When the sentence's
  // subject holds the flagged records ("a patient never has more than one primary contact"), they must be named.
  if (!record && /\b(?:has|have)\b/i.test(m[0].slice(0, m[0].length - rest.length))) return false;
  record ??= recordBefore(doc, s, plain.slice(0, m.index));
  if (!record || record.kind === 'tenant-root' || record.kind === 'junction') return false;
  const flag = ownFlag(record, flagWords).join(' ');
  if (!isFlag(record, flag)) return false;
  return partial(doc, record, scope?.[1] ?? 'organization', flag, s);
}

/** "the practice's main branch" of a branch is its main flag: the record's own noun is not part of the flag. */
function ownFlag(e: DraftEntity, words: string[]): string[] {
  const own = normalise(e.name);
  return words.length > 1 && normalise(words.slice(-1)).join(' ') === own[own.length - 1] ? words.slice(0, -1) : words;
}

/** Whether words name a flag: a known flag word, or a boolean or enum value the record already has. */
function isFlag(e: DraftEntity, flag: string): boolean {
  const w = tokens(flag);
  if (w.length === 0 || w.length > 2) return false;
  if (FLAG_WORDS.includes(w[0]!)) return true;
  const cap = w.map((x) => x.charAt(0).toUpperCase() + x.slice(1)).join('');
  return e.fields.some((f) => (f.type === 'boolean' && (f.name === `is${cap}` || f.name.endsWith(cap))) || (f.type === 'enum' && f.enumValues?.includes(w.join('_'))));
}

/** The record a flag rule without a noun is about: named earlier in the sentence, in the sentence before, or the section's. */
function recordBefore(doc: Doc, s: Sentence, before: string): DraftEntity | undefined {
  const own = findMentions(doc, before, s.block).map((x) => x.entity).filter((e) => e.kind !== 'tenant-root');
  if (own.length) return own[0];
  const i = doc.sentences.indexOf(s);
  const prev = i > 0 ? doc.sentences[i - 1] : undefined;
  if (prev && prev.block === s.block) {
    const named = findMentions(doc, prev.text, prev.block).map((x) => x.entity).filter((e) => e.kind !== 'tenant-root');
    if (named.length) return named[0];
  }
  return contextEntity(doc, s);
}

/**
 * A key read from this sentence that holds only among records not in some state: the predicate on that state. The
 * indexes are those the sentence just produced.
 */
export function liveOnly(doc: Doc, s: Sentence, text: string, fresh: DraftIndex[]): void {
  const plain = stripInline(text).replace(/\*/g, '');
  const state = NOT_IN_STATE.exec(plain);
  const live = !state && LIVE_ROWS.test(plain);
  if (!state && !live) return;
  for (const idx of fresh) {
    if (!idx.unique || idx.where.length || idx.source !== 'natural-key') continue;
    const e = doc.registry.get(idx.entity);
    if (!e) continue;
    const word = state ? (state[1] ?? state[2] ?? state[3])!.toLowerCase() : undefined;
    const pred = word ? notIn(doc, e, word, s) : liveRows(e, s);
    if (!pred) continue;
    idx.where = [pred];
    idx.source = 'partial';
  }
}

function notIn(doc: Doc, e: DraftEntity, state: string, s: Sentence): Predicate | undefined {
  if (state === 'deleted' && e.softDelete) return { field: 'deletedAt', op: 'isNull' };
  return flagPredicate(doc, e, `un${state}`, s);
}

/** "among the live items": not in the state that retires a record (archived, deleted, …), else active. */
function liveRows(e: DraftEntity, s: Sentence): Predicate | undefined {
  for (const st of RETIRED_STATES) {
    const at = e.fields.find((f) => f.name === `${st}At` || f.name === `${st}On`);
    if (at) return { field: at.name, op: 'isNull' };
    const flag = e.fields.find((f) => f.type === 'boolean' && f.name === `is${st.charAt(0).toUpperCase()}${st.slice(1)}`);
    if (flag) return { field: flag.name, op: 'eq', value: false };
  }
  if (e.softDelete) return { field: 'deletedAt', op: 'isNull' };
  const status = e.fields.find((f) => f.type === 'enum' && f.enumValues?.includes('active'));
  if (status) return { field: status.name, op: 'eq', value: 'active' };
  const active = e.fields.find((f) => f.type === 'boolean' && /^(?:is)?[Aa]ctive$/.test(f.name));
  if (active) return { field: active.name, op: 'eq', value: true };
  // "props are archived when they break. A code has to be unique among the live props": the state the paragraph names.
  const named = RETIRED_STATES.find((st) => new RegExp(`\\b${st}\\b`, 'i').test(s.block.text));
  const added = named ? addField(e, { name: `${named}At`, type: 'datetime', mods: { notes: [], optional: true }, line: s.line, ref: trimRef(s.text) }) : undefined;
  return added ? { field: added.name, op: 'isNull' } : undefined;
}
