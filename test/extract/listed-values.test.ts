/** The rows of a lookup list read from a run of values in a block that talks about the list. */
import { describe, expect, it } from 'vitest';
import { assertConsistent, extract } from './helpers.ts';

const rowsOf = (lines: string[], entity: string) => {
  const { model } = extract(['# Garden centres', '', 'Each customer is a garden centre.', '', ...lines].join('\n'));
  assertConsistent(model);
  return model.referenceData.find((d) => d.entity === entity)?.rows;
};

describe('listed values of a lookup', () => {
  it('reads names after a colon followed by another sentence', () => {
    const rows = rowsOf(['## Catalogue', '', '- A plant has a name, a price and a family, chosen from a fixed family list that is the same for every customer.', '', '**Families.** A fixed list that ships with the product and is the same for every customer: Roses, Ferns, Cacti, Climbing plants, Herbs. Customers can\'t add to it.'], 'Family');
    expect(rows?.map((r) => r.name)).toEqual(['Roses', 'Ferns', 'Cacti', 'Climbing plants', 'Herbs']);
  });

  it('reads "at least A, B and C" and values in parentheses with a trailing ellipsis', () => {
    const rows = rowsOf(['## Plants', '', 'A plant has a name and a hardiness zone.', '', '- The zone is picked from a built-in list of zones (Tropical, Subtropical, Temperate, Alpine & Arctic...). Same list for everyone, we ship it.'], 'Zone');
    expect(rows?.map((r) => Object.values(r)[0])).toEqual(['Tropical', 'Subtropical', 'Temperate', 'Alpine & Arctic']);
  });

  it('keys codes, pairing them with names listed in the same order', () => {
    const rows = rowsOf(['## Pot sizes', '', '**Pot size.** A fixed list shared by all garden centres: small, medium, large and extra large. Each size has a short code (`S`, `M`, `L`, `XL`) and a label.'], 'PotSize');
    expect(rows).toEqual([{ code: 'S', label: 'small' }, { code: 'M', label: 'medium' }, { code: 'L', label: 'large' }, { code: 'XL', label: 'extra large' }]);
  });

  it('gathers runs of codes anywhere in the block', () => {
    const rows = rowsOf(['## Regions', '', 'Regions come from a fixed list that we maintain for everyone (code + name). We deliver to NO, SE and DK first, plus IT, FR and DE later.'], 'Region');
    expect(rows?.map((r) => r.code)).toEqual(['NO', 'SE', 'DK', 'IT', 'FR', 'DE']);
  });

  it('puts symbols in the symbol field', () => {
    const rows = rowsOf(['## Units', '', '- The unit is picked from a built-in list of units; centres cannot add their own.', '- The list ships with at least: kg, g, L, mL, m² and %. Each unit has a symbol and a descriptive name.'], 'Unit');
    expect(rows?.map((r) => r.symbol)).toEqual(['kg', 'g', 'L', 'mL', 'm²', '%']);
  });

  it('reads the values a field table says to seed', () => {
    const rows = rowsOf(['## Soil type', '', 'Same list for every centre; seeded, not editable by customers.', '', '| Field | Type | Required | Notes |', '|---|---|---|---|', '| code | text | yes | Unique. Seed: `clay`, `loam`, `sand` |', '| name | text | yes | "Clay", … |'], 'SoilType');
    expect(rows?.map((r) => r.code)).toEqual(['clay', 'loam', 'sand']);
  });
});
