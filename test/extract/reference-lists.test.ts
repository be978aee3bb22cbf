/** Reference lists stated in SRS appendices and follow-up sentences. */
import { describe, expect, it } from 'vitest';
import { assertConsistent, entity, extract } from './helpers.ts';

describe('lists in an appendix', () => {
  const { model } = extract([
    '# Permits', '', 'Each customer is a city council.', '',
    '## 3. Applications', '', 'REQ-5 The system shall record applications with a reference and a permit kind.', '',
    '## 9. Reference data', '',
    'REQ-40 Permit kinds and refusal grounds shall be chosen from the lists in Appendix A.', '',
    '## Appendix A. Reference lists', '',
    'Permit kinds:', '', '| Code | Name |', '|------|------|', '| EXT | Extension |', '| DEM | Demolition |', '| SGN | Signage |', '',
    'Refusal grounds: Height, Light and shade, Heritage, Other.', '',
    '## Appendix B. Not in release 1', '', 'Appeals tracking and a public portal.',
  ].join('\n'));

  it('seeds both lookups from the appendix, keeping names that contain "and"', () => {
    expect(entity(model, 'PermitKind').kind).toBe('reference');
    expect(entity(model, 'RefusalGround').kind).toBe('reference');
    expect(model.referenceData.find((d) => d.entity === 'PermitKind')?.rows.map((r) => r.code)).toEqual(['EXT', 'DEM', 'SGN']);
    expect(model.referenceData.find((d) => d.entity === 'RefusalGround')?.rows.map((r) => r.name)).toEqual(['Height', 'Light and shade', 'Heritage', 'Other']);
    // Keyed by a code the list does not spell out: derived from each name, so the seed fills the key.
    expect(model.referenceData.find((d) => d.entity === 'RefusalGround')?.rows[1]).toMatchObject({ code: 'LIGHT_AND_SHADE' });
    expect(model.entities.map((e) => e.name)).not.toContain('Appeal');
    assertConsistent(model);
  });
});

describe('a follow-up sentence about a list', () => {
  it('does not turn the section\'s own records into reference data', () => {
    const { model } = extract([
      '# Radio', '', 'Each customer is a station.', '', '## Programmes', '',
      'A programme has: title (required), a description and a genre.',
      'Genre comes from the standard genre list (Jazz, Talk, News). Same list for everyone, we ship it.',
    ].join('\n'));
    expect(entity(model, 'Programme').kind).toBe('tenant');
    expect(entity(model, 'Genre').kind).toBe('reference');
  });

  it('reads a compound label as one list, not two', () => {
    const { model } = extract([
      '# Venues', '', 'Each customer is a venue group.', '', '## Data', '',
      '- Found item: venue, description, category, found at.', '- Found item category: name (standard list).',
    ].join('\n'));
    expect(entity(model, 'FoundItem').kind).toBe('tenant');
    expect(entity(model, 'FoundItemCategory').kind).toBe('reference');
  });
});

describe('a lookup picked inside a parenthesis', () => {
  it('makes the list from "a kind (required, picked from the standard kind list)" and seeds it from the story that lists it', () => {
    const { model } = extract([
      '# Stables', '', 'Each customer is a riding school.', '', '## Horses', '',
      '- A horse has a name (required), a breed (required, picked from the standard breed list) and a height.',
      '- For each link we record the rider and the lesson count.', '',
      '**US-3.** As a manager, I want the breed list to come with the product. The list is the same for every school: Arab, Shire, Welsh cob, Other.',
    ].join('\n'));
    expect(entity(model, 'Breed').kind).toBe('reference');
    expect(model.referenceData.find((d) => d.entity === 'Breed')?.rows.map((r) => r.name)).toEqual(['Arab', 'Shire', 'Welsh cob', 'Other']);
    expect(model.entities.map((e) => e.name)).not.toContain('Link');
  });
});
