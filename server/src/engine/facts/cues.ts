// Words that show a lesson or an experiment in a story's prose: the missing-learning and
// experimentation rules, the score and the cue cards read them from here.

/** A lesson statement, specific or not: the generic ones are judged by generic-learning. */
export const LESSON =
  /\b(?:learn(?:ed|t|ing)|lessons?|takeaways?|take-aways?|insights?|reali[sz](?:ed|e|ation)|taught me|teaches me|going forward|from now on|next time|since then,? I|now I|I now|these days I|in hindsight|in retrospect|(?:would|'d) do differently|showed me|reminded me|made me (?:see|understand)|I understood|I understand now|the key (?:was|is)|my biggest lesson|I changed how I)\b/i;

/** An experiment: alternatives weighed, a baseline, a test or an evaluation. */
export const EXPERIMENT =
  /\b(?:hypothes[ie]s|hypothesi[sz]ed|alternatives?|considered|tried|rejected|ruled out|baselines?|a\/b(?: test(?:s|ed|ing)?)?|ab test|split test|experiment(?:s|ed|ing|al)?|evaluat(?:e|ed|ing|ion|ions)|held-out|holdout|hold-out|validation set|test set|offline (?:eval|metrics?|test)|ablations?|compared|comparing|comparison|benchmark(?:ed|s)?|cross-validat\w*|backtest(?:ed|ing|s)?|pilot(?:ed)?|prototyp(?:e|ed|es)|shadow mode|canary|instead of|rather than|versus|vs\.?|counterfactual|control group|significance|error analysis|test(?:s|ed|ing)?|trials?|validat(?:e|ed|ing|ion)|measured|iterat(?:e|ed|ion|ions))\b/i;
