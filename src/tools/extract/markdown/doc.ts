/** The shared state of one extraction: the parsed PRD, the registry and everything the passes found. */
import type { ParsedDocument } from './parse.ts';
import { Registry } from './registry.ts';
import { blockIsReadable } from './sections.ts';
import { sentencesOf } from './text.ts';
import { ACRONYM_DEFINED } from './vocabulary/statements.ts';
import type { Block, DraftFinding, DraftIndex, DraftPattern, DraftReference, DraftRelation, Section, Sentence } from './types.ts';

/** A statement that gives an entity attributes: "<entity> has <list>", a field table, a bullet under its heading. */
export interface AttributeStatement {
  entity: string;
  text: string;
  line: number;
  ref: string;
  block: Block;
  /** The attributes are an aside of a sentence whose point is elsewhere (a screen's list "with their status (…)"). */
  aside?: boolean;
  /** The statement records what has happened: the times it names are known ("the date it was received"). */
  happened?: boolean;
  /** The statement settles an attribute the record already has ("phone is optional" → phoneNumber). */
  settles?: boolean;
}

export interface Doc {
  parsed: ParsedDocument;
  registry: Registry;
  /** Sentences of readable blocks (data and query sections, not deferred). */
  sentences: Sentence[];
  statements: AttributeStatement[];
  relations: DraftRelation[];
  indexes: DraftIndex[];
  patterns: DraftPattern[];
  references: DraftReference[];
  findings: DraftFinding[];
  /** Entity names a section's heading names. */
  sectionEntities: Map<Section, string[]>;
  /** Blocks that contributed something: the rest are checked for data talk the parser missed. */
  used: Set<Block>;
  /** Sentences that contributed something. */
  usedSentences: Set<Sentence>;
  /** Uniqueness read beside a field, resolved once relations are known (a per-parent scope needs the FK). */
  pendingUniques: PendingUnique[];
}

export interface PendingUnique {
  entity: string;
  field: string;
  scope: 'org' | 'global' | { parent: string };
  line: number;
  ref: string;
}

export function createDoc(parsed: ParsedDocument): Doc {
  const sentences = expandAcronyms(parsed, parsed.blocks.filter(blockIsReadable).flatMap((b) => sentencesOf(b)));
  return {
    parsed,
    registry: new Registry(),
    sentences,
    statements: [],
    relations: [],
    indexes: [],
    patterns: [],
    references: [],
    findings: [],
    sectionEntities: new Map(),
    used: new Set(),
    usedSentences: new Set(),
    pendingUniques: [],
  };
}

export function markUsed(doc: Doc, s: Sentence): void {
  doc.usedSentences.add(s);
  doc.used.add(s.block);
}

/** The entity a section (or its nearest ancestor) is about, when exactly one. */
export function sectionEntity(doc: Doc, section: Section | undefined): string | undefined {
  const names = section ? doc.sectionEntities.get(section) : undefined;
  return names && names.length === 1 ? names[0] : undefined;
}

/**
 * "Hull identification number (HIN)" in a table or a sentence, then "look a vessel up by HIN": later sentences
 * read the initials as the name they stand for, so the field they mean is found.
 */
function expandAcronyms(parsed: ParsedDocument, sentences: Sentence[]): Sentence[] {
  const defined = new Map<string, string>();
  const texts = parsed.blocks.flatMap((b) => [b.text, ...(b.rows ?? []).flatMap((r) => r.cells)]);
  for (const t of texts) {
    for (const m of t.matchAll(ACRONYM_DEFINED)) {
      const words = m[1]!.split(/[\s-]+/);
      const letters = m[2]!.toLowerCase();
      const tail = words.slice(-letters.length);
      if (tail.length === letters.length && tail.every((w, i) => w[0]!.toLowerCase() === letters[i])) defined.set(m[2]!, tail.join(' ').toLowerCase());
    }
  }
  if (!defined.size) return sentences;
  const re = new RegExp(`(?<!\\()\\b(${[...defined.keys()].join('|')})\\b(?!\\))`, 'g');
  return sentences.map((s) => {
    const text = s.text.replace(re, (a) => defined.get(a)!);
    return text === s.text ? s : { ...s, text };
  });
}
