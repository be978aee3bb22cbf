/**
 * What an applied schema looks like to PostgreSQL: read from the system catalogs, never from our model, so
 * that the validator and the eval runner judge what was really created.
 */
export interface CatalogColumn {
  name: string;
  /** format_type(), e.g. "uuid", "character varying(255)", "timestamp(3) with time zone", "\"TaskStatus\"". */
  type: string;
  notNull: boolean;
  default: string | null;
  /** Labels when the column's type is an enum. */
  enumValues: string[] | null;
}

export interface CatalogForeignKey {
  name: string;
  columns: string[];
  refTable: string;
  refColumns: string[];
  /** Prisma names: Cascade | Restrict | NoAction | SetNull | SetDefault. */
  onDelete: string;
  onUpdate: string;
  /** PostgreSQL 15+: the columns ON DELETE SET NULL (cols) limits itself to, when given. */
  onDeleteSetColumns: string[] | null;
}

export interface CatalogIndex {
  name: string;
  /** Key columns in order; an expression key is reported as the single column it uses, when there is one. */
  columns: string[];
  unique: boolean;
  primary: boolean;
  /** pg_get_expr(indpred): the partial-index predicate, or null. */
  predicate: string | null;
  definition: string;
}

export interface CatalogPolicy {
  name: string;
  command: string; // ALL | SELECT | INSERT | UPDATE | DELETE
  roles: string[];
  permissive: boolean;
  using: string | null;
  withCheck: string | null;
}

export interface CatalogTable {
  name: string;
  columns: CatalogColumn[];
  primaryKey: string[];
  foreignKeys: CatalogForeignKey[];
  indexes: CatalogIndex[];
  rlsEnabled: boolean;
  rlsForced: boolean;
  policies: CatalogPolicy[];
  rowCount: number;
}

export interface Catalog {
  /** Tables of the schema (default "public"), without Prisma's _prisma_migrations. */
  tables: CatalogTable[];
}
