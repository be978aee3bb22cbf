/** The shared state of one extraction: the parsed PRD, the registry and everything the passes found. */
import type { ParsedDocument } from './parse.ts';
import { Registry } from './registry.ts';
import { blockIsReadable } from './sections.ts';
import { sentencesOf } from './text.ts';
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
  const sentences = parsed.blocks.filter(blockIsReadable).flatMap((b) => sentencesOf(b));
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
