/**
 * Whether a bullet opens with a clause ("Members rent allotments for the season …") rather than a list of
 * attributes ("display name, slug, bio"). Word lists cannot tell "rent" the verb from "rent" the amount; a
 * part-of-speech tagger reads it from its place in the sentence, so this asks compromise.
 */
import nlp from 'compromise';

/** Subject noun phrase, then a finite verb in the present: "Users subscribe", "Each member books". */
const SUBJECT_VERB = '^#Determiner? #Adjective? #Noun+ (#Adverb|#Modal)? (#PresentTense|#Infinitive)';

export function opensWithClause(text: string): boolean {
  // Only the part before the first list separator can be a subject and its verb; a one- or two-word
  // head ("email, name") is an attribute list whatever the tagger guesses for "name".
  const head = text.split(/[,;(—–:]|\s-\s/)[0]!.trim();
  if (head.split(/\s+/).length < 3) return false;
  return nlp(head).match(SUBJECT_VERB).found;
}

/** Whether a description opens with a verb ("take reservations, seat guests"): it says what someone does. */
export function opensWithVerb(text: string): boolean {
  const head = text.split(/[,;(—–:]/)[0]!.trim();
  if (head.split(/\s+/).length < 2) return false;
  // With a subject in front the tagger reads "set up venues" and "open orders" as the verbs they are.
  return nlp(`They ${head}`).match('^they (#Adverb)? #Verb').found;
}

/** Whether a fragment is an instruction ("treat each operator as a tenant", "record the odometer reading"). */
export function isInstruction(text: string): boolean {
  const head = text.split(/[,;(—–:]/)[0]!.trim();
  if (head.split(/\s+/).length < 3) return false;
  return nlp(`They ${head}`).match('^they #Verb (#Determiner|#Possessive)').found;
}
