/** One field table for several records, type cells written in words, and a quantifier that was one-to-many. */
import { describe, expect, it } from 'vitest';
import { assertConsistent, entity, extract, relation } from './helpers.ts';

describe('a "| Record | Field | Type / values | Required |" table', () => {
  const { model } = extract([
    '# Orchards', '', 'Each customer is a fruit grower.', '', '## Data', '',
    'The two records everything revolves around:', '',
    '| Record | Field | Type / values | Required | Notes |',
    '|--------|-------|---------------|----------|-------|',
    '| Orchard | Name | text | yes | |',
    '| Orchard | Planted area | money | no | |',
    '| Tree row | Number | whole number | yes | |',
    '| Tree row | Variety | one of the standard varieties | yes | |',
    '| Tree row | Orchard | link to an orchard of the grower | yes | |',
    '| Tree row | Health | good, fair, poor | yes | |',
    '| Tree row | Notes | long text | no | |',
    '| Tree row | Last pruned | date and time | no | |', '',
    '## Other records', '', '**Varieties.** A fixed list that is the same for every customer: Gala, Fuji, Braeburn.', '',
    '**Photos.** A tree row can have any number of photos. A photo has a caption and a taken date. Photos are deleted with their tree row.',
  ].join('\n'));

  it('gives each row\'s field to the record it names, with types read from words', () => {
    const row = entity(model, 'TreeRow').fields;
    const type = (n: string) => row.find((f) => f.name === n)?.type;
    expect([type('number'), type('health'), type('notes'), type('lastPruned')]).toEqual(['integer', 'enum', 'text', 'datetime']);
    expect(entity(model, 'Orchard').fields.map((f) => f.name)).toEqual(expect.arrayContaining(['name', 'plantedArea']));
    expect(relation(model, 'TreeRow', 'orchard').to).toBe('Orchard');
    expect(relation(model, 'TreeRow', 'variety').to).toBe('Variety');
    expect(model.entities.map((e) => e.name)).not.toContain('Two');
    assertConsistent(model);
  });

  it('keeps "any number of photos" that are deleted with their row one-to-many, with no junction', () => {
    expect(model.entities.filter((e) => e.kind === 'junction')).toEqual([]);
    expect(relation(model, 'Photo', 'treeRow')).toMatchObject({ to: 'TreeRow', onDelete: 'Cascade' });
  });
});

describe('a literal default', () => {
  it('settles an untyped field\'s type, and is dropped where the type cannot hold it', () => {
    const { model } = extract(['# Gym', '', 'Each customer is a gym.', '', '## Members', '',
      '- A member has a name, SMS reminders (default true), a grace period (default 30) and a joined date (default 5).'].join('\n'));
    const f = (n: string) => entity(model, 'Member').fields.find((x) => x.name === n);
    expect(f('smsReminders')).toMatchObject({ type: 'boolean', default: { kind: 'value', value: true } });
    expect(f('gracePeriod')).toMatchObject({ type: 'integer', default: { kind: 'value', value: 30 } });
    expect(f('joinedDate')?.type).toBe('date');
    expect(f('joinedDate')?.default).toBeUndefined();
  });
});
