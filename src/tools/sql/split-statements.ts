/**
 * A SQL script cut into its statements, each with where it starts, so that a script can be sent in parts (a
 * large migration in several transactions) and a failure still names its statement and line. Only the lexical
 * rules that decide where a `;` ends a statement: quoted strings and identifiers, E'' escapes, dollar quoting,
 * line and (nested) block comments. Anything unterminated runs to the end of the script, as PostgreSQL would
 * read it, so that the server reports the error.
 */

export interface SqlStatement {
  /** The statement's text up to its `;`, with the comments before it (they belong to it). */
  sql: string;
  /** Offset of `sql` in the script. */
  offset: number;
  /** 1-based line of its first token (after those comments), for messages. */
  line: number;
}

import { lineIndex } from '../text/line-index.ts';

const DOLLAR_TAG = /\$(?:[A-Za-z_\u0080-\uffff][A-Za-z0-9_\u0080-\uffff]*)?\$/y;

export function splitStatements(script: string): SqlStatement[] {
  const statements: SqlStatement[] = [];
  const lineOf = lineIndex(script);
  let start = 0;
  let i = 0;
  const push = (end: number): void => {
    const text = script.slice(start, end);
    if (hasToken(text)) {
      const offset = start + (text.length - text.trimStart().length);
      statements.push({ sql: text.trim(), offset, line: lineOf(start + leadingComments(text)) });
    }
  };
  while (i < script.length) {
    const ch = script[i]!;
    const next = script[i + 1];
    if (ch === '-' && next === '-') {
      const end = script.indexOf('\n', i);
      i = end === -1 ? script.length : end + 1;
    } else if (ch === '/' && next === '*') {
      i = blockCommentEnd(script, i);
    } else if (ch === "'") {
      const escapes = (script[i - 1] === 'E' || script[i - 1] === 'e') && !/[A-Za-z0-9_]/.test(script[i - 2] ?? '');
      i = quotedEnd(script, i, "'", escapes);
    } else if (ch === '"') {
      i = quotedEnd(script, i, '"', false);
    } else if (ch === '$' && !/[A-Za-z0-9_]/.test(script[i - 1] ?? '')) {
      DOLLAR_TAG.lastIndex = i;
      const tag = DOLLAR_TAG.exec(script)?.[0];
      if (tag) {
        const end = script.indexOf(tag, i + tag.length);
        i = end === -1 ? script.length : end + tag.length;
      } else {
        i++;
      }
    } else if (ch === ';') {
      push(i + 1);
      start = i + 1;
      i++;
    } else {
      i++;
    }
  }
  push(script.length);
  return statements;
}

/** Whether `text` holds anything but whitespace, comments and semicolons. */
function hasToken(text: string): boolean {
  return text.replace(/--[^\n]*|\/\*[\s\S]*?\*\//g, '').replace(/[\s;]/g, '') !== '';
}

/** Length of the whitespace and comments `text` starts with. */
function leadingComments(text: string): number {
  return /^(?:\s+|--[^\n]*(?:\n|$)|\/\*[\s\S]*?\*\/)*/.exec(text)?.[0].length ?? 0;
}

function blockCommentEnd(script: string, from: number): number {
  let depth = 0;
  let i = from;
  while (i < script.length) {
    if (script.startsWith('/*', i)) {
      depth++;
      i += 2;
    } else if (script.startsWith('*/', i)) {
      depth--;
      i += 2;
      if (depth === 0) return i;
    } else {
      i++;
    }
  }
  return script.length;
}

function quotedEnd(script: string, from: number, quote: string, escapes: boolean): number {
  let i = from + 1;
  while (i < script.length) {
    const ch = script[i]!;
    if (escapes && ch === '\\') i += 2;
    else if (ch === quote && script[i + 1] === quote) i += 2;
    else if (ch === quote) return i + 1;
    else i++;
  }
  return script.length;
}
