/** Uniqueness rules as SRS and drafts state them. */
import { describe, expect, it } from 'vitest';
import { extract } from './helpers.ts';

const keys = (sentence: string) => {
  const { model } = extract([
    '# Permits', '', 'Each customer is a council.', '', '## Applications', '',
    '- An application has a title, a case number, a parcel number and a contact email.', `- ${sentence}`,
  ].join('\n'));
  return model.indexes.filter((i) => i.unique && i.entity === 'Application').map((i) => i.fields);
};

describe('uniqueness phrasings', () => {
  it.each([
    ['Case numbers shall be unique within the organization.', ['orgId', 'caseNumber']],
    ['No two applications of the same organization shall have the same parcel number.', ['orgId', 'parcelNumber']],
    ['The contact email is required and no two applications of a council may share one.', ['orgId', 'contactEmail']],
    ['Case number is required and unique within the council.', ['orgId', 'caseNumber']],
    ["You can't have the same contact email twice inside one council.", ['orgId', 'contactEmail']],
    ['No two applications of the same council may have the same case number and parcel number.', ['orgId', 'caseNumber', 'parcelNumber']],
    ['No two applications on the same council may share a contact email.', ['orgId', 'contactEmail']],
  ])('"%s"', (sentence, fields) => {
    expect(keys(sentence)).toContainEqual(fields);
  });
});

describe('an only-one rule scoped by an attribute', () => {
  it('"Only one checklist can be active per task type in a company" keys the partial index on the type within the tenant', () => {
    const { model } = extract([
      '# Cleaning', '', 'Each customer is a hotel company.', '', '## Checklists', '',
      '- A checklist has a name, a task type and an active flag.', '- Only one checklist can be active per task type in a company.',
    ].join('\n'));
    expect(model.indexes).toContainEqual(expect.objectContaining({ entity: 'Checklist', fields: ['orgId', 'taskType'], unique: true, where: [{ field: 'active', op: 'eq', value: true }] }));
  });
});
