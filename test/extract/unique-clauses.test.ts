/** Uniqueness said of an attribute anywhere in a sentence: the predicate, the attribute before it, its record, its scope. */
import { describe, expect, it } from 'vitest';
import { extract } from './helpers.ts';

const keysOf = (lines: string[]) => {
  const { model } = extract(['# Kennels', '', 'Each customer is a kennel club.', '', ...lines].join('\n'));
  return model.indexes.filter((i) => i.unique && i.where.length === 0).map((i) => `${i.entity}(${i.fields.join(',')})`);
};

describe('uniqueness predicates after the attribute', () => {
  it('"X is required and shall be unique within a club" in a paragraph about another record', () => {
    const keys = keysOf(['## Judges and handlers', '', 'Each judge shall have a name, an email address and a grade. Email is required and shall be unique within a club.']);
    expect(keys).toContain('Judge(orgId,emailAddress)');
  });

  it('"an email address that can only be used once within the club"', () => {
    const keys = keysOf(['## People', '', 'A steward signs in with an email address that can only be used once within the club, and has a full name.']);
    expect(keys).toContain('Steward(orgId,emailAddress)');
  });

  it('"must not already be used by another account in the same club"', () => {
    const keys = keysOf(['## Stewards', '', '- A steward has a full name and an email; the email must not already be used by another steward in the same club.']);
    expect(keys).toContain('Steward(orgId,email)');
  });

  it('"If an owner has an email, it must not be shared with another owner": the pronoun is the attribute', () => {
    const keys = keysOf(['## Owners', '', 'An owner has a name and an optional email. If an owner has an email, it must not be shared with another owner of the same club.']);
    expect(keys).toContain('Owner(orgId,email)');
  });

  it('reads a scope that names the whole platform as global', () => {
    const keys = keysOf(['## Dogs', '', 'A dog has a name and a registration number. The registration number is issued nationally, so it must be unique across the whole platform.']);
    expect(keys).toContain('Dog(registrationNumber)');
  });

  it('"(unique within the club)" after an attribute of a sentence that is not an attribute list', () => {
    const keys = keysOf(['## Stewards', '', 'A steward has a full name and a badge code.', '', 'Stewards sign in at the gate with their badge code (unique within the club) and a PIN.']);
    expect(keys).toContain('Steward(orgId,badgeCode)');
  });

  it('reads no key from "not unique"', () => {
    const keys = keysOf(['## Dogs', '', 'A dog has a name and a call name. The call name is not unique within the club.']);
    expect(keys.filter((k) => k.startsWith('Dog('))).toEqual([]);
  });

  it('"you can\'t have the same email twice inside one club": the attribute follows "the same"', () => {
    const keys = keysOf(['## Handlers', '', 'Inside a club there are handlers. For each one: name, email, phone. You can\'t have the same email twice inside one club.']);
    expect(keys).toContain('Handler(orgId,email)');
  });

  it('a pronoun in a labelled item stands for the label: "- chip code: … it has to be unique across the platform"', () => {
    const keys = keysOf(['## Dogs', '', '- name (required)', '- chip code: every dog gets one at birth. Vets scan it, so it has to be unique across the platform.']);
    expect(keys).toContain('Dog(chipCode)');
  });

  it('an identifier said to be unique in a record\'s section is its attribute, by the fuller name said before', () => {
    const keys = keysOf(['## Shows', '', 'A show has a title and a date.', '', 'Each show is given a public handle when it is announced. The handle is printed on posters, so it must be unique across the whole platform.']);
    expect(keys).toContain('Show(publicHandle)');
  });

  it('with no scope named, a name is unique within the tenant and a minted value everywhere', () => {
    const keys = keysOf(['## Dogs', '', 'A dog has a name and an API token. Only a hash of the token is stored, and the hash must be unique. The name of a dog must also be unique.']);
    expect(keys).toContain('Dog(orgId,name)');
    expect(keys.some((k) => /^Dog\((?!orgId)[a-zA-Z]*[Hh]ash\)$/.test(k))).toBe(true);
  });
});
