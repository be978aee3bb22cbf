/**
 * What an existing schema says, before it becomes part of the data model: tables, columns with their
 * physical names and types, keys and indexes, as read from a SQLAlchemy models file or a schema.prisma.
 * Both readers produce this shape so that one converter (to-model.ts) applies our conventions to either.
 */
import type { FieldDefault, LogicalType, ReferentialAction } from '../../model/model.ts';

export type ExistingKind = 'sqlalchemy' | 'prisma';

/** The `existing` option of the pipeline: the text of a models file and which kind it is. */
export interface ExistingInput {
  kind: ExistingKind;
  text: string;
  /** File name shown in findings and provenance; defaults to models.py / schema.prisma. */
  file?: string;
}

export interface ColumnType {
  type: LogicalType;
  maxLength?: number;
  precision?: number;
  scale?: number;
  /** Datetimes only: false for `timestamp without time zone`. */
  timezone?: boolean;
  /** Enums: the PostgreSQL type name and its labels, in order. */
  enum?: { name: string; values: string[] };
  /** The type as written in the source ("String(120)", "VarChar(120)"), for findings. */
  source: string;
  /** Set when the source type has no equivalent in the data model and `type` is a stand-in. */
  unsupported?: boolean;
}

export interface ExistingColumn {
  /** The ORM's name for the column (Python attribute, Prisma field). */
  attribute: string;
  column: string;
  type: ColumnType;
  nullable: boolean;
  primaryKey: boolean;
  unique: boolean;
  indexed: boolean;
  default?: FieldDefault;
  description?: string;
  line?: number;
}

export interface ExistingForeignKey {
  columns: string[];
  table: string;
  references: string[];
  onDelete?: ReferentialAction;
  onUpdate?: ReferentialAction;
  /** The ORM's relation attribute bound to these columns ("owner" for owner_id), when one is declared. */
  relation?: string;
  /** The ORM declares the relation as one-to-one (SQLAlchemy uselist=False, a Prisma optional back side). */
  oneToOne?: boolean;
  line?: number;
}

export interface ExistingIndex {
  columns: string[];
  unique: boolean;
  name?: string;
  /** Partial index predicate, as SQL text. */
  where?: string;
  line?: number;
}

export interface ExistingTable {
  /** The class or model name. */
  name: string;
  table: string;
  columns: ExistingColumn[];
  foreignKeys: ExistingForeignKey[];
  indexes: ExistingIndex[];
  line?: number;
}

/** Something in the source that was read only in part; it becomes a finding. */
export interface ReadProblem {
  line?: number;
  message: string;
}

export interface ExistingSchema {
  kind: ExistingKind;
  file: string;
  tables: ExistingTable[];
  problems: ReadProblem[];
}
