// The one wink-nlp instance of the process, with its English model (wink-eng-lite-web-model),
// created on first use and kept in a module-level singleton: building it parses the bundled model
// (about 100 ms), which is setup, not I/O, and the same for every call, so results do not depend on
// when it was loaded. Only English is modelled: German (or any other) text is read as if it were
// English, so its key terms are rough and its sentiment unreliable. Callers say so in their output.
import winkNLP from "wink-nlp";
import model from "wink-eng-lite-web-model";

export type Nlp = ReturnType<typeof winkNLP>;

/** What the pipeline annotates: sentences, part of speech (lemmas need it), negation, sentiment. */
const PIPE = ["sbd", "pos", "negation", "sentiment"];

let instance: Nlp | null = null;

export function englishNlp(): Nlp {
  instance ??= winkNLP(model, PIPE);
  return instance;
}

/** What reads the text, as the fill and the text command name it. */
export const NLP_MODEL_NAME =
  "Tone: rules over VADER's word list with service words, wink-nlp and word weights, a logistic model fitted on 2,000 labelled review sentences; terms and phrases: wink-nlp with wink-eng-lite-web-model (English)";
