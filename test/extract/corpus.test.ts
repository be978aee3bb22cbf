/** Every PRD in the shared corpora extracts without throwing and gives a consistent, DataModel-valid model. */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DataModel } from '../../src/model/index.ts';
import { assertConsistent, extract } from './helpers.ts';

const dirs = ['/work/shared/evals', '/work/shared/evals-peer/liam'].filter((d) => existsSync(d));
const files = dirs.flatMap((d) => readdirSync(d).filter((f) => f.endsWith('.md') && f !== 'README.md').map((f) => `${d}/${f}`));

describe('corpus PRDs', () => {
  it.skipIf(files.length === 0).each(files)('%s extracts to a valid model', (file) => {
    const { model, findings } = extract(readFileSync(file, 'utf8'));
    expect(() => DataModel.parse(model)).not.toThrow();
    assertConsistent(model);
    for (const f of findings) expect(f.ruleId).toBe('extract-not-understood');
    for (const e of model.entities) {
      expect(e.provenance?.source).toBe('prd');
      for (const f of e.fields) expect(f.provenance?.line).toBeGreaterThan(0);
    }
  });
});
