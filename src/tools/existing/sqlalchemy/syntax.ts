/**
 * Python source → the few statement and expression shapes a models file is made of. The parsing is done by
 * @lezer/python (a complete Python 3 grammar, pure JavaScript, with error recovery); this module only turns
 * its concrete syntax tree into plain values, so the SQLAlchemy reader never touches tree cursors.
 */
import type { SyntaxNode } from '@lezer/common';
import { parser } from '@lezer/python';
import type { ReadProblem } from '../types.ts';
import { lineIndex } from '../../text/line-index.ts';

export type PyExpr =
  | { kind: 'name'; id: string }
  | { kind: 'attr'; object: PyExpr; name: string }
  | { kind: 'subscript'; object: PyExpr; items: PyExpr[] }
  | { kind: 'call'; callee: PyExpr; args: PyExpr[]; kwargs: Map<string, PyExpr>; line: number }
  | { kind: 'str'; value: string }
  | { kind: 'num'; value: number }
  | { kind: 'bool'; value: boolean }
  | { kind: 'none' }
  /** Tuples, lists and sets. */
  | { kind: 'seq'; items: PyExpr[] }
  | { kind: 'dict'; entries: Array<[PyExpr, PyExpr]> }
  /** `X | None` in an annotation. */
  | { kind: 'union'; items: PyExpr[] }
  | { kind: 'lambda'; body: PyExpr }
  | { kind: 'other'; text: string };

export type PyStatement =
  | { kind: 'assign'; targets: string[]; annotation?: PyExpr; value?: PyExpr; line: number }
  | { kind: 'class'; name: string; bases: PyExpr[]; body: PyStatement[]; decorators: PyExpr[]; line: number }
  | { kind: 'def'; name: string; decorators: PyExpr[]; returns?: PyExpr; line: number }
  /** `from module import name as alias` and `import module as alias`. */
  | { kind: 'import'; module: string; names: Array<{ name: string; alias: string }>; line: number }
  | { kind: 'expr'; value: PyExpr; line: number };

export interface PyModule {
  statements: PyStatement[];
  /** Lines the grammar could not read; the statements around them are still returned. */
  problems: ReadProblem[];
}

const PUNCTUATION = new Set(['(', ')', '[', ']', '{', '}', ',', ':', '.', 'AssignOp', '*', '**']);

export function parsePython(text: string): PyModule {
  const tree = parser.parse(text);
  const lineOf = lineIndex(text);
  const src = (node: SyntaxNode): string => text.slice(node.from, node.to);
  const problems: ReadProblem[] = [];
  const errorLines = new Set<number>();
  tree.iterate({
    enter: (node) => {
      if (!node.type.isError) return;
      // The grammar notices a missing `)` only on a later line; the statement it breaks starts earlier.
      let statement: SyntaxNode | null = node.node.parent;
      while (statement && !statement.name.endsWith('Statement')) statement = statement.parent;
      const line = lineOf(statement && statement.name !== 'Script' ? statement.from : node.from);
      if (!errorLines.has(line)) problems.push({ line, message: `Python syntax not understood near ${JSON.stringify(lineText(text, line).trim().slice(0, 80))}` });
      errorLines.add(line);
    },
  });

  function statements(parent: SyntaxNode): PyStatement[] {
    const out: PyStatement[] = [];
    for (const node of children(parent)) {
      const statement = toStatement(node, []);
      if (statement) out.push(statement);
    }
    return out;
  }

  function toStatement(node: SyntaxNode, decorators: PyExpr[]): PyStatement | undefined {
    const line = lineOf(node.from);
    switch (node.name) {
      case 'DecoratedStatement': {
        const decos = children(node).filter((c) => c.name === 'Decorator').map((d) => expr(children(d).find((c) => c.name !== 'At')!));
        const target = children(node).find((c) => c.name === 'ClassDefinition' || c.name === 'FunctionDefinition');
        return target ? toStatement(target, decos) : undefined;
      }
      case 'ClassDefinition': {
        const name = children(node).find((c) => c.name === 'VariableName');
        const args = children(node).find((c) => c.name === 'ArgList');
        const body = children(node).find((c) => c.name === 'Body');
        if (!name) return undefined;
        return { kind: 'class', name: src(name), bases: args ? callArguments(args).args : [], body: body ? statements(body) : [], decorators, line };
      }
      case 'FunctionDefinition': {
        const name = children(node).find((c) => c.name === 'VariableName');
        const body = children(node).find((c) => c.name === 'Body');
        const ret = body ? children(body).find((c) => c.name === 'ReturnStatement') : undefined;
        const value = ret ? children(ret).find((c) => c.name !== 'return') : undefined;
        return name ? { kind: 'def', name: src(name), decorators, returns: value ? expr(value) : undefined, line } : undefined;
      }
      case 'AssignStatement': {
        const parts = children(node);
        const typeDef = parts.find((c) => c.name === 'TypeDef');
        const annotation = typeDef ? children(typeDef).find((c) => c.name !== ':') : undefined;
        // `a = b = value`: every part before the last `=` is a target; the last part is the value.
        const ops = parts.map((c, i) => (c.name === 'AssignOp' ? i : -1)).filter((i) => i >= 0);
        const lastOp = ops.at(-1);
        const targets = parts
          .slice(0, lastOp ?? parts.length)
          .filter((c) => c.name === 'VariableName')
          .map(src);
        const value = lastOp === undefined ? undefined : parts[lastOp + 1];
        return { kind: 'assign', targets, annotation: annotation ? expr(annotation) : undefined, value: value ? expr(value) : undefined, line };
      }
      case 'ImportStatement':
        return importStatement(node, line);
      case 'ExpressionStatement': {
        const inner = children(node)[0];
        return inner ? { kind: 'expr', value: expr(inner), line } : undefined;
      }
      default:
        return undefined;
    }
  }

  function importStatement(node: SyntaxNode, line: number): PyStatement {
    const parts = children(node);
    const importAt = parts.findIndex((c) => c.name === 'import');
    const isFrom = parts[0]?.name === 'from';
    const module = isFrom ? parts.slice(1, importAt).map(src).join('') : '';
    const names: Array<{ name: string; alias: string }> = [];
    let current: string[] = [];
    let alias: string | undefined;
    let expectAlias = false;
    const flush = (): void => {
      if (current.length) names.push({ name: current.join('.'), alias: alias ?? (isFrom ? current.join('.') : current[0]!) });
      current = [];
      alias = undefined;
    };
    for (const part of parts.slice(importAt + 1)) {
      if (part.name === ',') flush();
      else if (part.name === 'as') expectAlias = true;
      else if (part.name === 'VariableName') {
        if (expectAlias) alias = src(part);
        else current.push(src(part));
        expectAlias = false;
      }
    }
    flush();
    return { kind: 'import', module, names, line };
  }

  function expr(node: SyntaxNode): PyExpr {
    const parts = children(node);
    switch (node.name) {
      case 'VariableName':
        return { kind: 'name', id: src(node) };
      case 'MemberExpression': {
        const object = expr(parts[0]!);
        if (parts[1]?.name === '[') return { kind: 'subscript', object, items: parts.slice(2).filter(isValue).map(expr) };
        const property = parts.find((c) => c.name === 'PropertyName');
        return property ? { kind: 'attr', object, name: src(property) } : { kind: 'other', text: src(node) };
      }
      case 'CallExpression': {
        const args = parts.find((c) => c.name === 'ArgList');
        return { kind: 'call', callee: expr(parts[0]!), ...(args ? callArguments(args) : { args: [], kwargs: new Map() }), line: lineOf(node.from) };
      }
      case 'String':
        return { kind: 'str', value: decodeString(src(node)) };
      case 'ContinuedString':
        return { kind: 'str', value: parts.map((p) => decodeString(src(p))).join('') };
      case 'Number': {
        const value = Number(src(node).replace(/_/g, ''));
        return Number.isNaN(value) ? { kind: 'other', text: src(node) } : { kind: 'num', value };
      }
      case 'UnaryExpression': {
        const operand = parts[1] ? expr(parts[1]) : undefined;
        if (src(parts[0]!) === '-' && operand?.kind === 'num') return { kind: 'num', value: -operand.value };
        return { kind: 'other', text: src(node) };
      }
      case 'Boolean':
        return { kind: 'bool', value: src(node) === 'True' };
      case 'None':
        return { kind: 'none' };
      case 'TupleExpression':
      case 'ArrayExpression':
      case 'SetExpression':
        return { kind: 'seq', items: parts.filter(isValue).map(expr) };
      case 'ParenthesizedExpression': {
        const inner = parts.find(isValue);
        return inner ? expr(inner) : { kind: 'other', text: src(node) };
      }
      case 'DictionaryExpression': {
        const values = parts.filter(isValue);
        const entries: Array<[PyExpr, PyExpr]> = [];
        for (let i = 0; i + 1 < values.length; i += 2) entries.push([expr(values[i]!), expr(values[i + 1]!)]);
        return { kind: 'dict', entries };
      }
      case 'BinaryExpression':
        if (parts[1] && src(parts[1]) === '|') {
          const items = [parts[0]!, parts[2]!].map(expr).flatMap((e) => (e.kind === 'union' ? e.items : [e]));
          return { kind: 'union', items };
        }
        return { kind: 'other', text: src(node) };
      case 'LambdaExpression': {
        const body = parts.at(-1);
        return body ? { kind: 'lambda', body: expr(body) } : { kind: 'other', text: src(node) };
      }
      default:
        return { kind: 'other', text: src(node) };
    }
  }

  /** Positional and keyword arguments; `*args` and `**kwargs` carry nothing we can read and are skipped. */
  function callArguments(list: SyntaxNode): { args: PyExpr[]; kwargs: Map<string, PyExpr> } {
    const parts = children(list);
    const args: PyExpr[] = [];
    const kwargs = new Map<string, PyExpr>();
    for (let i = 0; i < parts.length; i++) {
      const part = parts[i]!;
      if (part.name === '*' || part.name === '**') {
        i++;
        continue;
      }
      if (!isValue(part)) continue;
      if (part.name === 'VariableName' && parts[i + 1]?.name === 'AssignOp' && parts[i + 2]) {
        kwargs.set(src(part), expr(parts[i + 2]!));
        i += 2;
        continue;
      }
      args.push(expr(part));
    }
    return { args, kwargs };
  }

  return { statements: statements(tree.topNode), problems };
}

function children(node: SyntaxNode): SyntaxNode[] {
  const out: SyntaxNode[] = [];
  for (let child = node.firstChild; child; child = child.nextSibling) if (!child.type.isError && child.name !== 'Comment') out.push(child);
  return out;
}

function isValue(node: SyntaxNode): boolean {
  return !PUNCTUATION.has(node.name);
}

/** Python string literal → its value: prefixes (r, b, u), single or triple quotes, the common escapes. */
export function decodeString(literal: string): string {
  const prefix = /^[A-Za-z]*/.exec(literal)![0];
  const body = literal.slice(prefix.length);
  const quote = body.startsWith('"""') || body.startsWith("'''") ? body.slice(0, 3) : body.charAt(0);
  const inner = body.slice(quote.length, body.length - quote.length);
  if (/r/i.test(prefix)) return inner;
  return inner.replace(/\\(x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|\n|.)/g, (_, esc: string) => {
    if (esc.startsWith('x') || esc.startsWith('u')) return String.fromCharCode(parseInt(esc.slice(1), 16));
    return ({ n: '\n', t: '\t', r: '\r', '0': '\0', '\n': '' } as Record<string, string>)[esc] ?? esc;
  });
}

function lineText(text: string, line: number): string {
  return text.split('\n')[line - 1] ?? '';
}

/** `sa.orm.relationship` → "relationship"; a plain name → itself. */
export function lastName(e: PyExpr): string | undefined {
  if (e.kind === 'name') return e.id;
  if (e.kind === 'attr') return e.name;
  return undefined;
}

/** `sa.orm.relationship` → "sa.orm.relationship". */
export function dottedName(e: PyExpr): string | undefined {
  if (e.kind === 'name') return e.id;
  if (e.kind === 'attr') {
    const head = dottedName(e.object);
    return head === undefined ? undefined : `${head}.${e.name}`;
  }
  return undefined;
}
