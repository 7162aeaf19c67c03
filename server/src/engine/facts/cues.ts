// Words that show a lesson or an experiment in a story's prose: the missing-learning and
// experimentation rules, the score and the cue cards read them from here.

// "Learning" names a lesson, not the field: "machine learning", "deep learning", "a learning
// rate" are not lessons.
const FIELD_BEFORE = String.raw`(?<!\b(?:machine|deep|reinforcement|transfer|federated|active|supervised|unsupervised|self-supervised|semi-supervised|representation|contrastive|curriculum|online|meta|few-shot|zero-shot|ensemble|statistical|e-?)[\s-])`;
const FIELD_AFTER = String.raw`(?![\s-](?:rates?|models?|algorithms?|systems?|pipelines?|platforms?|curves?|tasks?|problems?|methods?|techniques?|engineers?|frameworks?|libraries|library|management|objectives?|paths?)\b)`;

/** A lesson statement, specific or not: the generic ones are judged by generic-learning. */
export const LESSON = new RegExp(
  String.raw`\b(?:learn(?:ed|t)|${FIELD_BEFORE}learning${FIELD_AFTER}|lessons?|takeaways?|take-aways?|insights?|reali[sz](?:ed|e|ation)|taught me|teaches me|going forward|from now on|next time|since then,? I|now I|I now|these days I|in hindsight|in retrospect|(?:would|'d) do differently|showed me|reminded me|made me (?:see|understand)|I understood|I understand now|the key (?:was|is)|my biggest lesson|I changed how I)\b`,
  'i',
);

/** An experiment: alternatives weighed, a baseline, a test or an evaluation. */
export const EXPERIMENT =
  /\b(?:hypothes[ie]s|hypothesi[sz]ed|alternatives?|considered|tried|rejected|ruled out|baselines?|a\/b(?: test(?:s|ed|ing)?)?|ab test|split test|experiment(?:s|ed|ing|al)?|evaluat(?:e|ed|ing|ion|ions)|evals?|held-out|holdout|hold-out|validation set|test set|offline (?:eval|metrics?|test)|ablations?|compared|comparing|comparison|benchmark(?:ed|s)?|cross-validat\w*|backtest(?:ed|ing|s)?|pilot(?:ed)?|prototyp(?:e|ed|es)|shadow mode|canary|instead of|rather than|versus|vs\.?|counterfactual|control group|significance|error analysis|test(?:ed|ing)\s+(?:the|a|an|it|this|that|them|each|both|two|three|several|different|whether|if|against|on|with|in)\b|tests?\s+(?:showed|confirmed|proved)|(?:stress|load|performance|regression|statistical|significance|usability|user|offline|online|shadow)[ -]test(?:s|ing)?|trials?|validat(?:e|ed|ing)\s+(?:the|a|an|it|this|that|them|each|both|my|our|whether|if|against|on|with)\b|validation\s+(?:showed|confirmed|accuracy|loss|metrics?|results?|data|split|runs?|checks?|tests?)|measured|iterat(?:e|ed|ion|ions))\b/i;
