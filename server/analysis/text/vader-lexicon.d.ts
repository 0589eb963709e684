// Types for the VADER word list that the vader-sentiment package ships as an ES module next to its
// bundle (the bundle itself exposes only the analyser, not the list).
declare module "vader-sentiment/src/vader_lexicon.js" {
  /** Lower-cased word or emoticon -> mean valence rated by people, −4 (negative) .. +4. */
  export const lexicon: Record<string, number>;
}
