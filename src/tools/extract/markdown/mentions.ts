/**
 * Entity mentions in running text: every noun phrase that resolves to an entity, longest match first, with
 * its token position. Ambiguous head nouns ("lines" with both cart lines and order lines known) are settled
 * by the other entities mentioned nearby: the one related to them wins.
 */
import type { Doc } from './doc.ts';
import { tokens } from './text.ts';
import type { Block, DraftEntity } from './types.ts';

export interface Mention {
  entity: DraftEntity;
  /** Token index of the first word. */
  start: number;
  end: number;
  words: string[];
}

export function findMentions(doc: Doc, text: string, block?: Block): Mention[] {
  const t = tokens(text);
  const terms = block ? doc.sectionEntities.get(block.section) : undefined;
  const context = terms?.length === 1 ? doc.registry.get(terms[0]!) : undefined;
  const out: Mention[] = [];
  const ambiguous: { start: number; end: number; words: string[]; candidates: DraftEntity[] }[] = [];
  let i = 0;
  while (i < t.length) {
    let found = false;
    for (let len = Math.min(3, t.length - i); len >= 1; len--) {
      const words = t.slice(i, i + len);
      if (len === 1 && STOP.has(words[0]!)) continue;
      // "a project's items": the possessor is a mention of its own, never a modifier of the next noun.
      if (words.slice(0, -1).some((w) => /['’]s$/.test(w))) continue;
      const candidates: DraftEntity[] = [];
      const e = doc.registry.resolve(words, context, { candidates });
      if (e && e.kind !== 'tenant-root') {
        out.push({ entity: e, start: i, end: i + len, words });
        i += len;
        found = true;
        break;
      }
      if (e?.kind === 'tenant-root') {
        i += len;
        found = true;
        break;
      }
      if (candidates.length > 1) {
        ambiguous.push({ start: i, end: i + len, words, candidates });
        i += len;
        found = true;
        break;
      }
    }
    if (!found) i++;
  }
  for (const a of ambiguous) {
    const others = out.map((m) => m.entity.name);
    const related = a.candidates.filter((c) => doc.relations.some((r) => (r.from === c.name && others.includes(r.to)) || (r.to === c.name && others.includes(r.from))));
    if (related.length === 1) out.push({ entity: related[0]!, start: a.start, end: a.end, words: a.words });
  }
  return out.sort((a, b) => a.start - b.start);
}

/** Words that resolve by suffix to something but are almost never meant as an entity in running text. */
const STOP = new Set(['type', 'name', 'status', 'key', 'number', 'date', 'value', 'time', 'one', 'it', 'its', 'code', 'title', 'the', 'a', 'an']);
