/**
 * schema.prisma cut into a few files between its top-level blocks, for Prisma's linter. The linter spends time
 * per diagnostic in proportion to the size of the file it is in: at 500 entities (1.6 MB, 1,267 SetNull
 * warnings) one file took 2.2 s, the same text as files of ~32 KB 0.26 s. A multi-file schema means the same
 * as its files put together (Prisma reads a schema folder that way), so the diagnostics are the same; each
 * carries its file, which maps it back to a line of the whole text.
 */

export interface SchemaChunk {
  name: string;
  text: string;
  /** Offset of `text` in the whole schema. */
  offset: number;
}

/** A file is cut after it reaches this size, at the next top-level block. */
export const CHUNK_CHARS = 32_000;

const BLOCK_START = /^(?:model|enum|view|type|generator|datasource)\s+\w+\s*\{/;

/** One chunk named `name` when the schema is small; else `name`, then schema.1.prisma, schema.2.prisma, … */
export function schemaChunks(schema: string, name: string, size = CHUNK_CHARS): SchemaChunk[] {
  if (schema.length <= size) return [{ name, text: schema, offset: 0 }];
  const cuts = [0];
  // Where a cut before the current line may go: after a blank line, before the comments that follow it (a
  // block's comments stay with it); undefined inside a block or right after one.
  let candidate: number | undefined = 0;
  for (let lineStart = 0; lineStart < schema.length;) {
    const end = schema.indexOf('\n', lineStart);
    const lineEnd = end === -1 ? schema.length : end;
    const line = schema.slice(lineStart, lineEnd);
    if (line.trim() === '') candidate = lineEnd + 1;
    else if (!/^\s*\/\//.test(line)) {
      if (candidate !== undefined && candidate - cuts.at(-1)! >= size && BLOCK_START.test(line)) cuts.push(candidate);
      candidate = undefined;
    }
    lineStart = lineEnd + 1;
  }
  const base = name.replace(/\.prisma$/, '');
  return cuts.map((offset, i) => ({
    name: i === 0 ? name : `${base}.${i}.prisma`,
    text: schema.slice(offset, cuts[i + 1] ?? schema.length),
    offset,
  }));
}
