// How alike a source passage must be before the checks treat it as the same fact. Tuned on the seeds; see README.

/** A source figure or date is about the same thing as the draft's when its sentence scores at least this. */
export const SAME_FACT = 0.3;
/** A conflict is only reported when the best source passage scores at least this. */
export const CONFIDENT_FACT = 0.35;
/** A near quote needs this share of the draft's words, in order… */
export const NEAR_QUOTE = 0.5;
/** …and, unless it shares this many, sentences around it that agree this much. */
export const CLOSE_QUOTE = 0.75;
export const QUOTE_CONTEXT = 0.3;
