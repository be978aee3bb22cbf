/** Wording that settles whether a field or reference is required. */

export const OPTIONAL_CUES: RegExp = /\b(?:optional(?:ly)?|not required|nullable|may be (?:empty|blank|null|left)|can be (?:empty|blank|left empty)|if (?:any|applicable|present|known|set|available)|when (?:present|set|known|applicable|available)|empty for|sometimes|where applicable|(?:empty|blank|null|none|no value) means|(?:empty|blank|unset|null|none) (?:until|while|unless|before)|no)\b/i;

export const REQUIRED_CUES: RegExp = /\b(?:required|mandatory|always|must (?:have|be set|be present)|not null|non-null|yes)\b/i;

/** "both optional", "all optional": the cue applies to every item of the list it closes. */
export const GROUP_CUE: RegExp = /\b(?:both|all|each|either|every one)\s+(optional|required|mandatory)\b/i;

/** A dash tail that remarks on how values come about ("— computed from the policy when …"): a note, not an item. */
export const REMARK_TAIL: RegExp = /^(?:computed|calculated|derived|generated|filled in|filled|set automatically|updated|recomputed|copied|taken)\b/i;
