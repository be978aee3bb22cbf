/**
 * How a query sentence is read: which mention is the records read and which are filters, what an API path states,
 * where the remark after the read begins, one calendar day as a filter, and which timestamp "newest first" means.
 */
import { describe, expect, it } from 'vitest';
import { assertConsistent, extract } from './helpers.ts';

const library = (...queries: string[]) => extract([
  '# Lending', '', 'Each customer is a library network.', '', '## Data', '',
  '- A branch has a name and a postcode.',
  '- A member has a first name, a last name, a phone, a member number and a postcode.',
  '- A book belongs to a branch and has a title, a genre and a shelf position.',
  '- A loan has a member, a book, a status (requested, active, returned), a due date, lent on (date, required) and returned at (timestamp, optional).',
  '- A courier run belongs to a branch and has a run date (required) and a stop position.',
  '', '## Screens', '', ...queries.map((q) => `- ${q}`),
].join('\n')).model;

const patternsOf = (model: ReturnType<typeof library>, entity: string) => model.queryPatterns.filter((p) => p.entity === entity);

describe('query reading', () => {
  it('reads a possessor as its own mention: "a member\'s loans" filters loans by the member', () => {
    const model = library("Member page: a member's loans, newest first.");
    expect(patternsOf(model, 'Loan').map((p) => p.equality)).toEqual([['memberId']]);
  });

  it('takes the records, the parent and the filters an API path names', () => {
    const model = library('Shelf view (`GET /branches/{id}/books?genre=`): the books of a branch.');
    expect(patternsOf(model, 'Book')[0]?.equality).toEqual(expect.arrayContaining(['branchId', 'genre']));
  });

  it('falls back on the label when the query names no record', () => {
    const model = library('**Member search:** by last name and postcode.');
    expect(patternsOf(model, 'Member')[0]?.equality).toEqual(['lastName', 'postcode']);
  });

  it('treats a record after a preposition as the filter and ignores the remark after the read', () => {
    const model = library('Branch page: the loans for one book, newest first, must load in under a second even for members with many loans.');
    const p = patternsOf(model, 'Loan')[0];
    expect(p?.equality).toEqual(['bookId']);
  });

  it('reads "for today" as one day of the date column and "in stop order" as the position', () => {
    const model = library("Driver app: shows the branch's courier runs for today, in stop-position order.");
    const p = patternsOf(model, 'CourierRun')[0];
    expect(p?.equality).toEqual(expect.arrayContaining(['branchId', 'runDate']));
    expect(p?.orderBy).toEqual([{ field: 'stopPosition', direction: 'asc' }]);
  });

  it('sorts "most recently returned first" by that timestamp and reads no status filter from it', () => {
    const model = library("History: a member's loans, most recently returned first.");
    const p = patternsOf(model, 'Loan')[0];
    expect(p?.orderBy).toEqual([{ field: 'returnedAt', direction: 'desc' }]);
    expect(p?.equality).toEqual(['memberId']);
  });

  it('sorts "newest first" by the one required moment the record stands for, not by a later change', () => {
    const model = library("Book page: the book's loans, newest first.");
    expect(patternsOf(model, 'Loan')[0]?.orderBy[0]?.field).toBe('lentOn');
  });

  it('keeps a range on a date column and the status as a filter', () => {
    const model = library('Overdue board: loans by status within a due-date range.');
    const p = patternsOf(model, 'Loan')[0];
    expect(p?.equality).toEqual(['status']);
    expect(p?.range).toBe('dueDate');
  });

  it('reads "by phone number" as the phone, not the member number', () => {
    const model = library('Front desk: find a member by phone number.');
    expect(patternsOf(model, 'Member')[0]?.equality).toEqual(['phone']);
  });

  it('drops an example in parentheses from the filters', () => {
    const model = library('Returns desk: all loans with a given status (e.g. the ones for a book at another branch).');
    expect(patternsOf(model, 'Loan')[0]?.equality).toEqual(['status']);
    assertConsistent(model);
  });

  it('reads a bullet labelled as a screen under a record\'s heading as a read, with "of one genre" through the reference', () => {
    const { model } = extract([
      '# Lending', '', 'Each customer is a library network.', '', '## Genre', '- name', '', '## Book',
      '- title, required', '- genre — required', '- shelf code', '- status: on shelf, lent, lost',
      '- list: books filtered by status', '- shelf view: the books of one genre, newest first',
    ].join('\n'));
    const books = model.queryPatterns.filter((p) => p.entity === 'Book');
    expect(books.map((p) => p.equality)).toContainEqual(['status']);
    expect(books.map((p) => p.equality)).toContainEqual(['genreId']);
  });

  it('reads "not yet returned" as the empty timestamp, and a paragraph\'s remark as a second read over the open rows', () => {
    const model = library(
      "Member page: a member's loans that are not yet returned, oldest first.",
      'Due list: all loans ordered by due date. A reminder job only looks at loans that have not been returned yet, so its index should cover just those.',
    );
    const loans = patternsOf(model, 'Loan');
    expect(loans.find((p) => p.equality.includes('memberId'))?.where).toEqual([{ field: 'returnedAt', op: 'isNull' }]);
    const due = loans.filter((p) => p.description.startsWith('Due list')).map((p) => p.where);
    expect(due).toHaveLength(2);
    expect(due).toContainEqual([]);
    expect(due).toContainEqual([{ field: 'returnedAt', op: 'isNull' }]);
  });
});
