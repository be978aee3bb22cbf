/**
 * Whether a bullet opens with a clause ("Members rent allotments for the season …") rather than a list of
 * attributes ("display name, slug, bio"). Word lists cannot tell "rent" the verb from "rent" the amount; a
 * part-of-speech tagger reads it from its place in the sentence, so this asks compromise.
 */
import nlp from 'compromise';

/** Subject noun phrase, then a finite verb in the present: "Users subscribe", "Each member books". */
const SUBJECT_VERB = '^#Determiner? #Adjective? #Noun+ (#Adverb|#Modal)? (#PresentTense|#Infinitive)';

/**
 * The part before the first list separator, when it has at least `words` words: only there can a subject and its
 * verb stand, and a short head ("email, name") is an attribute list whatever the tagger guesses for "name".
 */
function headOf(text: string, words: number): string | undefined {
  const head = text.split(/[,;(—–:]|\s-\s/)[0]!.trim();
  return head.split(/\s+/).length >= words ? head : undefined;
}

export function opensWithClause(text: string): boolean {
  const head = headOf(text, 3);
  return !!head && nlp(head).match(SUBJECT_VERB).found;
}

/** Whether a description opens with a verb ("take reservations, seat guests"): it says what someone does. */
export function opensWithVerb(text: string): boolean {
  const head = headOf(text, 2);
  // With a subject in front the tagger reads "set up venues" and "open orders" as the verbs they are.
  return !!head && nlp(`They ${head}`).match('^they (#Adverb)? #Verb').found;
}

/** Whether a fragment is an instruction ("treat each operator as a tenant", "record the odometer reading"). */
export function isInstruction(text: string): boolean {
  const head = headOf(text, 3);
  return !!head && nlp(`They ${head}`).match('^they #Verb (#Determiner|#Possessive)').found;
}
