/** Writes an artifact map under a directory, refusing paths that would escape it. */
import { chmod, mkdir, writeFile } from 'node:fs/promises';
import { dirname, resolve, sep } from 'node:path';
import type { Artifacts } from '../tools/artifacts/build-artifacts.ts';

export async function writeArtifacts(outDir: string, artifacts: Artifacts): Promise<string[]> {
  const root = resolve(outDir);
  const written: string[] = [];
  for (const [relative, content] of Object.entries(artifacts)) {
    const target = resolve(root, relative);
    if (!target.startsWith(root + sep)) throw new Error(`Refusing to write outside ${root}: ${relative}`);
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, content);
    if (target.endsWith('.sh')) await chmod(target, 0o755);
    written.push(relative);
  }
  return written;
}
