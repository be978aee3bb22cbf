/** Query requirements written as SRS sentences: the actor is not what is read; two lookups; a status by any name. */
import { describe, expect, it } from 'vitest';
import { extract } from './helpers.ts';

describe('SRS query sentences', () => {
  const { model } = extract([
    '# Permits', '', 'Each customer is a city council.', '', '## Data', '',
    'REQ-1 The system shall record applicants with a name, an email address and a phone number.',
    'REQ-2 The system shall record applications with a reference, the application status (open, granted, refused) and the officer.',
    'REQ-3 The system shall record officers with a name.', '', '## Queries', '',
    'REQ-9 Officers shall be able to find an applicant by email address, and separately by phone number.',
    'REQ-10 The officer queue shall list the applications assigned to a given officer that have a given status.',
  ].join('\n'));
  const patterns = (entity: string) => model.queryPatterns.filter((p) => p.entity === entity).map((p) => p.equality);

  it('reads the object, not the actor, and splits "by X, and separately by Y" into two lookups', () => {
    expect(patterns('Applicant')).toEqual([['emailAddress'], ['phoneNumber']]);
  });

  it('names "the application status" status, and reads "that have a given status" as a filter', () => {
    expect(model.entities.find((e) => e.name === 'Application')?.fields.map((f) => f.name)).toContain('status');
    expect(patterns('Application')).toContainEqual(expect.arrayContaining(['officerId', 'status']));
  });
});

describe('story query phrasings', () => {
  const { model } = extract([
    '# Clinic', '', 'Each customer is a clinic.', '', '## Data', '',
    '- A patient has a name and a mobile number.', '- An appointment belongs to a patient and has a start time.',
    '- An invoice has a status (draft, issued, paid) and an issue date.', '', '## Screens', '',
    '- As a vet, I want to see a patient\'s past appointments, most recent first.',
    '- As a manager, I want to see invoices of a given status, oldest issue date first.',
  ].join('\n'));

  it('reads the records of a possessive owner, and "of a given status" as a filter', () => {
    expect(model.queryPatterns.find((p) => p.entity === 'Appointment')?.equality).toEqual(['patientId']);
    expect(model.queryPatterns.find((p) => p.entity === 'Invoice')?.equality).toEqual(['status']);
  });

  it('keeps a mobile number as text', () => {
    expect(model.entities.find((e) => e.name === 'Patient')?.fields.find((f) => f.name === 'mobileNumber')?.type).toBe('string');
  });
});
