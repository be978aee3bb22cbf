/**
 * Closed-class English words the phrase cleaners rely on. General English only: nothing here may name a
 * domain, an entity or a PRD.
 */

/** Leading words that carry no meaning for a field or entity name. */
export const DETERMINERS: readonly string[] = [
  'a', 'an', 'the', 'its', 'their', 'his', 'her', 'our', 'my', 'your', 'this', 'that', 'these', 'those',
  'each', 'every', 'any', 'some', 'one', 'also', 'plus', 'and', 'or', 'then', 'just', 'only', 'both', 'all',
  'which', 'whose', 'of', 'own', 'same', 'such', 'given', 'certain', 'actual', 'actually', 'specific', 'exactly',
  'single', 'new', 'random', 'current', 'various', 'several', 'multiple', 'many',
];

/** Words that make a chunk a clause (a rule, a remark) rather than a noun phrase naming an attribute. */
export const CLAUSE_WORDS: readonly string[] = [
  'is', 'are', 'was', 'were', 'be', 'been', 'being', 'am', 'can', "can't", 'cannot', 'could', 'must', 'should',
  'shall', 'will', "won't", 'would', 'may', 'might', 'do', 'does', "don't", "doesn't", 'did', 'has', 'have', 'had',
  "isn't", "aren't", 'we', 'i', 'you', 'they', 'it', "it's", 'he', 'she', 'us', 'them', 'there', "there's", 'if',
  'when', 'because', 'so', 'than', 'not', 'never', 'always', 'get', 'gets', 'got', 'need', 'needs', 'want',
  'see', 'shows', 'show', 'let', 'lets', 'make', 'makes', 'goes', 'go', 'stays', 'stay', 'keep', 'keeps',
  'becomes', 'become', 'belong', 'belongs', 'use', 'uses', 'via', 'etc', 'how', 'what', 'why', 'where',
  'who', 'whom', 'while', 'until', 'since', 'though', 'although', 'unless', 'otherwise', 'else', 'too',
  'very', 'really', 'now', 'here', 'today', 'currently', 'later', 'already', 'yet', 'still', 'again',
  'apply', 'applies', 'happen', 'happens', 'happened', 'came', 'comes', 'went', 'goes',
];

/** Prepositions and subordinators after which a noun phrase's tail is a modifier, not part of the name. */
export const TAIL_CUTTERS: readonly string[] = [
  'for', 'from', 'to', 'on', 'in', 'at', 'by', 'with', 'without', 'into', 'onto', 'about', 'like', 'such', 'as',
  'that', 'which', 'who', 'whose', 'where', 'when', 'if', 'because', 'so', 'used', 'shown', 'printed',
  'computed', 'given', 'assigned', 'set', 'stored', 'reported', 'picked', 'chosen', 'selected', 'entered', 'burned', 'added',
  'copied', 'taken', 'held', "that's", 'that’s', "who's", "which's", 'e.g', 'eg', 'i.e', 'ie', 'including', 'per', 'after', 'before', 'during',
  'under', 'over', 'between', 'within', 'across', 'among', 'against', 'through', 'than', 'vs', 'versus', 'once',
];

/** Abbreviations whose period does not end a sentence. */
export const ABBREVIATIONS: readonly string[] = ['e.g.', 'i.e.', 'etc.', 'vs.', 'approx.', 'incl.', 'cf.', 'no.', 'mr.', 'ms.', 'dr.', 'st.'];

/** Number words, for "two address lines" and "up to three option values". */
export const NUMBER_WORDS: Readonly<Record<string, number>> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
};
