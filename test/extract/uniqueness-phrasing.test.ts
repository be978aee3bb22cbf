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
  ])('"%s"', (sentence, fields) => {
    expect(keys(sentence)).toContainEqual(fields);
  });
});
