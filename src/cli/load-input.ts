/** Reads a CLI input file: a markdown PRD, or a JSON model (a JSON syntax error is reported with its line). */
import { readFile } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { InputError } from '../errors.ts';
import type { PipelineInput } from '../graph/state.ts';
import { snakeCase } from '../model/index.ts';

const MAX_BYTES = 2 * 1024 * 1024;

export async function loadInput(path: string): Promise<PipelineInput> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new InputError(`Cannot read ${path}.`, [{ path, message: code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory, not a file' : String(code) }]);
  }
  if (Buffer.byteLength(text) > MAX_BYTES) throw new InputError(`${path} is too large.`, [{ path, message: `over ${MAX_BYTES / 1024 / 1024} MiB; split the PRD` }]);
  const name = snakeCase(basename(path, extname(path))) || 'app';
  if (extname(path).toLowerCase() === '.json') return { kind: 'model', json: parseJson(text, path), name };
  if (text.trim().length === 0) throw new InputError(`${path} is empty.`, [{ path, message: 'write the PRD (markdown) or pass a JSON model' }]);
  return { kind: 'prd', text, name };
}

export function parseJson(text: string, path: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    const position = /position (\d+)/.exec(detail);
    const where = position ? lineOf(text, Number(position[1])) : undefined;
    throw new InputError(`${path} is not valid JSON.`, [{ path: where ? `line ${where}` : path, message: detail }]);
  }
}

function lineOf(text: string, offset: number): number {
  return text.slice(0, offset).split('\n').length;
}
