/**
 * Internal working types of the markdown extractor. The passes share one mutable draft (entities, relations,
 * indexes…) keyed by logical names; `build.ts` turns it into a zod-checked DataModel at the end. Keeping the
 * draft separate from the model lets passes record half-known facts (a relation whose target is not yet an
 * entity, a field whose type is still a guess) without inventing placeholders in the real model.
 */
import type { EntityKind, FieldDefault, LogicalType, Predicate, ReferentialAction } from '../../../model/model.ts';

export type BlockKind = 'heading' | 'paragraph' | 'item' | 'table' | 'quote' | 'code';

/** Where a piece of text sits: which part of the PRD it belongs to decides whether it is read at all. */
export type SectionClass = 'data' | 'query' | 'excluded' | 'irrelevant';

export interface TableRow {
  line: number;
  cells: string[];
}

export interface Block {
  kind: BlockKind;
  /** 1-based line of the block's first line. */
  line: number;
  endLine: number;
  /** Inline text with the list marker removed and lines joined by a space. */
  text: string;
  /** Start offset in `text` of each source line, so a sentence can name the line it starts on. */
  lineStarts: { offset: number; line: number }[];
  ordered?: boolean;
  /** Indentation of a list item, to tell nested items from top-level ones. */
  indent?: number;
  header?: string[];
  rows?: TableRow[];
  section: Section;
  /** Set when an enclosing label ("Non-goals:") or the item itself defers the content. */
  excluded?: boolean;
}

export interface Section {
  id: number;
  title: string;
  level: number;
  line: number;
  parent?: Section;
  blocks: Block[];
  cls: SectionClass;
  /** A bold label heading a paragraph ("**Candidates**"), not a markdown heading. */
  bold?: boolean;
}

export interface Sentence {
  text: string;
  line: number;
  block: Block;
}

export interface DraftField {
  name: string;
  type: LogicalType;
  required: boolean;
  /** Whether `required` was stated (true) or guessed (false): a stated value is never overwritten by a guess. */
  requiredStated: boolean;
  role: 'attribute' | 'soft-delete';
  default?: FieldDefault;
  enumValues?: string[];
  maxLength?: number;
  description?: string;
  line: number;
  ref: string;
}

export interface DraftEntity {
  name: string;
  kind: EntityKind;
  fields: DraftField[];
  softDelete: boolean;
  line: number;
  ref: string;
  /** How sure discovery is: a heading alone is weak, a field table or an attribute sentence is strong. */
  evidence: Set<string>;
}

export interface DraftRelation {
  name: string;
  from: string;
  to: string;
  cardinality: 'many-to-one' | 'one-to-one' | 'many-to-many';
  field?: string;
  required: boolean;
  requiredStated: boolean;
  onDelete?: ReferentialAction;
  /** Priority of the sentence that set onDelete: a direct statement beats a block-level inference. */
  onDeleteStrength?: number;
  why?: string;
  through?: string;
  line: number;
  ref: string;
}

export interface DraftIndex {
  entity: string;
  fields: string[];
  unique: boolean;
  where: Predicate[];
  source: 'natural-key' | 'partial';
  why: string;
  line: number;
  ref: string;
}

export interface DraftPattern {
  entity: string;
  description: string;
  equality: string[];
  range?: string;
  orderBy: { field: string; direction: 'asc' | 'desc' }[];
  where: Predicate[];
  line: number;
  ref: string;
}

export interface DraftReference {
  entity: string;
  rows: Record<string, string | number | boolean | null>[];
  line: number;
  ref: string;
}

export interface DraftFinding {
  target: string;
  message: string;
  line?: number;
}
