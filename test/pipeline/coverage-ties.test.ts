/**
 * A query pattern whose best index shares its prefix with a unique key: on the empty database every estimate rounds
 * to one row, and the planner may take the unique key and filter — a false "unindexed" error that made a correct
 * schema invalid. The proof pins statistics on every column so the index that serves the pattern wins.
 */
import { describe, expect, it } from 'vitest';
import { runPipeline } from '../../src/graph/run.ts';

const prd = [
  '# Rooms app', '', 'Each customer is a hotel company.', '', '## Rooms', '',
  '- Rooms belong to a property and have a room number, a floor, a room type and a cleaning state.',
  '- Room numbers are unique within a property.', '', '## Room types', '', '- A room type has a name and a code.', '',
  '## Properties', '', '- A property has a name.', '',
  '## Screens', '', '- Supervisors see all rooms of one property, filtered by cleaning state.',
].join('\n');

describe('coverage proof with a unique key sharing the pattern prefix', () => {
  it('proves the pattern index serves it, and the pipeline is valid', async () => {
    const result = await runPipeline({ kind: 'prd', text: prd, name: 'rooms' });
    const pattern = result.model.queryPatterns.find((p) => p.entity === 'Room');
    expect(pattern?.equality).toEqual(['propertyId', 'cleaningState']);
    expect(result.model.indexes).toContainEqual(expect.objectContaining({ entity: 'Room', fields: ['orgId', 'propertyId', 'roomNumber'], unique: true }));
    const coverage = result.report.validation?.coverage?.find((c) => c.kind === 'query-pattern' && c.table === 'rooms');
    expect(coverage).toMatchObject({ status: 'indexed', index: 'rooms_org_id_property_id_cleaning_state_idx' });
    expect(result.valid).toBe(true);
  }, 120_000);
});
