/**
 * Text helpers shared by the passes: inline markdown removal, sentence and clause splitting with source
 * lines, word morphology (singular/plural, gerunds) and noun-phrase clean-up.
 */
import pluralize from 'pluralize';
import { lineAt } from './parse.ts';
import type { Block, Sentence } from './types.ts';
import { ABBREVIATIONS, DETERMINERS } from './vocabulary/grammar.ts';

/** Drops emphasis, code ticks and link targets but keeps their text. */
export function stripInline(text: string): string {
  return text
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
    .replace(/\*\*([^*]+)\*\*/g, '$1')
    .replace(/__([^_]+)__/g, '$1')
    .replace(/(^|[\s(])\*([^*\s][^*]*)\*(?=[\s).,;:!?]|$)/g, '$1$2')
    .replace(/(^|[\s(])_([^_\s][^_]*)_(?=[\s).,;:!?]|$)/g, '$1$2')
    .replace(/`([^`]*)`/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Requirement ids that prefix numbered specs ("FR-12", "NFR-3", "Q4", "R1.2") say nothing about data. */
export function stripRequirementId(text: string): string {
  return text.replace(/^\s*(?:\*\*)?[A-Z]{1,5}[-‑]?\d+(?:\.\d+)*(?:\*\*)?[.:)]?\s+/, '');
}

export function trimRef(text: string): string {
  const flat = stripInline(text).replace(/\s+/g, ' ').trim();
  return flat.length <= 160 ? flat : flat.slice(0, 157) + '...';
}

/** Splits a block's text into sentences, each with the line it starts on. Inline markdown is removed. */
export function sentencesOf(block: Block): Sentence[] {
  if (block.kind === 'table' || block.kind === 'code' || block.kind === 'heading') return [];
  const raw = block.text;
  const out: Sentence[] = [];
  let start = 0;
  const boundary = /([.!?])(["”')\]]*)\s+(?=[A-Z0-9"“'(`*_])/g;
  let m: RegExpExecArray | null;
  while ((m = boundary.exec(raw))) {
    const end = m.index + 1 + (m[2]?.length ?? 0);
    const before = raw.slice(Math.max(0, m.index - 8), m.index + 1).toLowerCase();
    if (ABBREVIATIONS.some((a) => before.endsWith(' ' + a) || before.endsWith('(' + a) || before === a)) continue;
    // "v1.1" and "1.5 hours" are not boundaries: a digit right before the period of a version number.
    if (/\d\.$/.test(raw.slice(m.index - 1, m.index + 1)) && /^\d/.test(raw.slice(m.index + 1))) continue;
    push(start, end);
    start = m.index + m[0].length;
  }
  push(start, raw.length);
  return out;

  function push(from: number, to: number) {
    const piece = raw.slice(from, to);
    const text = stripInline(stripRequirementId(piece));
    if (text) out.push({ text, line: lineAt(block, from + (piece.length - piece.trimStart().length)), block });
  }
}

/** Lower-case word tokens (letters, digits, apostrophes, hyphens inside words). */
export function tokens(text: string): string[] {
  return text.toLowerCase().match(/[a-z0-9]+(?:['’-][a-z0-9]+)*/g) ?? [];
}

const KEEP_SINGULAR = new Set(['status', 'address', 'sms', 'news', 'bus', 'data', 'media', 'analysis', 'series', 'canvas', 'alias', 'bonus', 'campus', 'basis', 'axis', 'thesis', 'gas', 'lens', 'atlas', 'iris', 'bias', 'corpus', 'virus', 'census', 'focus', 'radius', 'genus', 'syllabus', 'nexus', 'surplus', 'consensus', 'stimulus', 'cactus', 'apparatus', 'prospectus', 'plus', 'minus', 'campus', 'chassis', 'species', 'process', 'access', 'business', 'class', 'glass', 'pass', 'boss', 'loss', 'progress']);

export function singular(word: string): string {
  const w = word.toLowerCase();
  if (w.length <= 3 || KEEP_SINGULAR.has(w) || /ss$/.test(w) || /[^aeiou]sis$/.test(w)) return w;
  return pluralize.singular(w);
}

export function plural(word: string): string {
  return pluralize.plural(word.toLowerCase());
}

export function isPlural(word: string): boolean {
  const w = word.toLowerCase();
  if (w.length <= 3 || KEEP_SINGULAR.has(w) || /ss$/.test(w) || /[^aeiou]sis$/.test(w)) return false;
  return pluralize.isPlural(w) && singular(w) !== w;
}

/** Singularises the head (last) word of a phrase. */
export function singularPhrase(words: string[]): string[] {
  if (words.length === 0) return words;
  return [...words.slice(0, -1), singular(words[words.length - 1]!)];
}

/** "leaves" → "leaving", "hold" → "holding", "stop" → "stopping": the gerund of a verb in 3rd person or base form. */
export function gerund(verb: string): string {
  let v = verb.toLowerCase();
  if (/ies$/.test(v)) v = v.slice(0, -3) + 'y';
  else if (/(ches|shes|sses|xes|zes)$/.test(v)) v = v.slice(0, -2);
  else if (/[^s]s$/.test(v)) v = v.slice(0, -1);
  if (/ie$/.test(v)) return v.slice(0, -2) + 'ying';
  if (/[^aeiouy]e$/.test(v) && !/(ee|ye|oe)$/.test(v)) return v.slice(0, -1) + 'ing';
  return v + 'ing';
}

/** "cancel" → "canceled", "approve" → "approved", "stop" → "stopped", "carry" → "carried": a regular past participle. */
export function pastParticiple(verb: string): string {
  const v = verb.toLowerCase();
  if (/e$/.test(v)) return v + 'd';
  if (/[^aeiou]y$/.test(v)) return v.slice(0, -1) + 'ied';
  if (v.length <= 4 && /[^aeiou][aeiou][bdgmnprt]$/.test(v)) return v + v.slice(-1) + 'ed';
  return v + 'ed';
}

/** "approve" → approval, "reject" → rejection, "cancel" → cancellation, "adjust" → adjustment: the act's nouns. */
export function nominalsOf(verb: string): string[] {
  const v = verb.toLowerCase();
  const stem = v.replace(/e$/, '');
  return [v, v + 'al', stem + 'al', v + 'ion', stem + 'ion', stem + 'ation', v + 'lation', v + 'ment', v + 'ing'];
}

/** Drops leading determiners and possessives: "the customer's billing email" → ["billing", "email"]. */
export function dropDeterminers(words: string[]): string[] {
  let i = 0;
  while (i < words.length) {
    const w = words[i]!;
    if (DETERMINERS.includes(w)) i++;
    else if (/['’]s$/.test(w) || /s['’]$/.test(w)) i++;
    else break;
  }
  return words.slice(i);
}

export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Splits "a, b and c" / "a, b, or c" / "a | b" / "a / b" into items. */
export function splitList(text: string): string[] {
  return text
    .split(/\s*(?:,\s*(?:and|or|and\/or|plus)\s+|,|;|\s+and\/or\s+|\s+and\s+|\s+or\s+|\s*\|\s*|\s+\/\s+|\s+\+\s+|\s+&\s+)\s*/i)
    .map((s) => s.trim())
    .filter(Boolean);
}
