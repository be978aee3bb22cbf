/**
 * Markdown → sections and blocks with line numbers. A small line-based reader rather than a full CommonMark
 * parser: we only need headings, GFM tables, list items (with their continuation lines), block quotes, fenced
 * code and paragraphs, and we need the exact source line of each, which the usual token streams do not keep.
 */
import type { Block, BlockKind, Section, TableRow } from './types.ts';

const HEADING = /^(#{1,6})\s+(.*?)\s*#*\s*$/;
const ITEM = /^(\s*)([-*+]|\d+[.)])\s+(.*)$/;
const FENCE = /^\s*(```|~~~)/;
/** A paragraph that is only a bold label, optionally with a parenthesis and a dash description. */
const BOLD_HEADING = /^\*\*([^*:]{2,60}?)\*\*\s*(?:\(([^)]*)\))?\s*(?:(?:[—–]|\s-\s)\s*(.*))?$/;
/** "**Locations.** An operator has one or more buildings …": a run-in bold label opening a paragraph. */
const RUN_IN_HEADING = /^\*\*([^*:.]{2,60}?)[.:]\*\*()\s+(\S.*)$/;
const TABLE_RULE = /^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$/;

export interface ParsedDocument {
  sections: Section[];
  blocks: Block[];
}

export function splitCells(row: string): string[] {
  let body = row.trim();
  if (body.startsWith('|')) body = body.slice(1);
  if (body.endsWith('|') && !body.endsWith('\\|')) body = body.slice(0, -1);
  // Escaped pipes stay inside a cell.
  return body.split(/(?<!\\)\|/).map((c) => c.replace(/\\\|/g, '|').trim());
}

export function parseMarkdown(source: string): ParsedDocument {
  const lines = source.replace(/\r\n?/g, '\n').split('\n');
  const root: Section = { id: 0, title: '', level: 0, line: 1, blocks: [], cls: 'data' };
  const sections: Section[] = [root];
  const blocks: Block[] = [];
  let section = root;
  let headingLevel = 0;
  let current: Block | undefined;

  const close = () => {
    current = undefined;
  };
  const open = (kind: BlockKind, lineNo: number, text: string, extra: Partial<Block> = {}): Block => {
    const block: Block = {
      kind,
      line: lineNo,
      endLine: lineNo,
      text,
      lineStarts: [{ offset: 0, line: lineNo }],
      section,
      ...extra,
    };
    section.blocks.push(block);
    blocks.push(block);
    current = block;
    return block;
  };
  const append = (block: Block, lineNo: number, text: string) => {
    const offset = block.text.length + 1;
    block.text = block.text + ' ' + text;
    block.lineStarts.push({ offset, line: lineNo });
    block.endLine = lineNo;
  };

  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i] ?? '';
    const lineNo = i + 1;
    const trimmed = raw.trim();

    if (FENCE.test(raw)) {
      // Code is never requirements text; skip to the closing fence.
      const start = lineNo;
      let j = i + 1;
      while (j < lines.length && !FENCE.test(lines[j] ?? '')) j++;
      open('code', start, lines.slice(i + 1, j).join('\n'));
      if (current) current.endLine = j + 1;
      close();
      i = j;
      continue;
    }
    if (trimmed === '') {
      // A blank line ends paragraphs and tables; a list item may continue after it only when indented.
      if (current && current.kind !== 'item') close();
      else if (current?.kind === 'item') {
        const next = lines[i + 1] ?? '';
        if (!/^\s{2,}\S/.test(next) || ITEM.test(next)) close();
      }
      continue;
    }
    const heading = HEADING.exec(raw);
    // "**Candidates**" or "**Applications** — a candidate applying to a job" over a list: a bold label that
    // heads the bullets under it, one level below the last real heading. Without bullets it is a paragraph.
    const runIn = !heading && current === undefined && headingLevel >= 2 ? RUN_IN_HEADING.exec(raw) : null;
    const bold = runIn ?? (!heading && current === undefined ? BOLD_HEADING.exec(raw) : null);
    if (bold && bold[1]!.trim().split(/\s+/).length <= 5 && (runIn || ITEM.test(nextNonBlank(lines, i + 1)))) {
      close();
      let parent: Section | undefined = section;
      while (parent && parent.level >= headingLevel + 1) parent = parent.parent;
      section = { id: sections.length, title: bold[1]! + (bold[2] ? ` (${bold[2]})` : ''), level: headingLevel + 1, line: lineNo, parent: parent ?? root, blocks: [], cls: 'data', bold: true };
      sections.push(section);
      open('heading', lineNo, section.title, { indent: section.level });
      close();
      if (bold[3]) open('paragraph', lineNo, bold[3]);
      continue;
    }
    if (heading && !raw.startsWith(' ')) {
      close();
      const level = heading[1]!.length;
      headingLevel = level;
      let parent: Section | undefined = section;
      while (parent && parent.level >= level) parent = parent.parent;
      section = { id: sections.length, title: heading[2] ?? '', level, line: lineNo, parent: parent ?? root, blocks: [], cls: 'data' };
      sections.push(section);
      open('heading', lineNo, heading[2] ?? '', { indent: level });
      close();
      continue;
    }
    if (trimmed.startsWith('|') && (current?.kind === 'table' || TABLE_RULE.test(lines[i + 1] ?? ''))) {
      if (current?.kind !== 'table') {
        close();
        open('table', lineNo, trimmed, { header: splitCells(trimmed), rows: [] });
        i++; // the |---| rule
        if (current) (current as Block).endLine = i + 1;
        continue;
      }
      const row: TableRow = { line: lineNo, cells: splitCells(trimmed) };
      current.rows!.push(row);
      current.endLine = lineNo;
      current.text += '\n' + trimmed;
      continue;
    }
    if (/^\s*>/.test(raw)) {
      const text = raw.replace(/^\s*>\s?/, '').trim();
      if (current?.kind === 'quote') append(current, lineNo, text);
      else {
        close();
        open('quote', lineNo, text);
      }
      continue;
    }
    const item = ITEM.exec(raw);
    if (item) {
      close();
      open('item', lineNo, (item[3] ?? '').trim(), { ordered: /\d/.test(item[2] ?? ''), indent: (item[1] ?? '').length });
      continue;
    }
    if (current && (current.kind === 'paragraph' || current.kind === 'item' || current.kind === 'quote')) {
      append(current, lineNo, trimmed);
      continue;
    }
    close();
    open('paragraph', lineNo, trimmed);
  }
  return { sections, blocks };
}

function nextNonBlank(lines: string[], from: number): string {
  for (let j = from; j < lines.length; j++) if ((lines[j] ?? '').trim() !== '') return lines[j]!;
  return '';
}

/** The source line on which `offset` of the block's text lies. */
export function lineAt(block: Block, offset: number): number {
  let line = block.line;
  for (const start of block.lineStarts) {
    if (start.offset <= offset) line = start.line;
    else break;
  }
  return line;
}

/** Headings from the section up to the root, nearest first. */
export function sectionPath(section: Section): Section[] {
  const path: Section[] = [];
  for (let s: Section | undefined = section; s && s.level > 0; s = s.parent) path.push(s);
  return path;
}
