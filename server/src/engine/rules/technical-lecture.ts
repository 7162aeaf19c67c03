import type { StoryRule } from './rule';
import { sectionSentences, starSection } from '../model/text';
import { ex } from './examples';
import { plural } from '../../../../shared/wording';

/** The message for an Action where `lecture` of `all` sentences are detail without a decision. */
export function message(lecture: number, all: number): string {
  return `Action is a technical lecture (${lecture} of ${plural(all, 'sentence')} ${lecture === 1 ? 'is' : 'are'} detail without a decision): say what you chose, what you ruled out and why; move the architecture to a Deep dive.`;
}

// Technical detail: the model (architecture, training, evaluation machinery) and the system
// (services, storage, infrastructure) — what an Action lists when it describes how instead of why.
const TECHNICAL = new RegExp(
  String.raw`\b(?:` +
    [
      // Models and training.
      String.raw`architecture|layers?|loss(?: function)?|embeddings?|hyper-?parameters?|learning rate|batch size|epochs?|transformers?|attention|dropout|optimi[sz]er|adam|sgd|gradients?|neurons?|convolution(?:al)?|cnn|rnn|lstm|gru|encoder|decoder|activation|relu|softmax|regulari[sz]ation|fine-?tun\w*|weights|tensors?|heads?|tokeni[sz]er|vocabulary|quanti[sz]\w*|distill\w*|feature (?:store|engineering|vectors?|importance|pipeline)|dimensions?|cosine|kernel|backprop\w*|residual|normali[sz]ation|warm-?up|schedulers?|parameters|pytorch|tensorflow|jax|xgboost|lightgbm|catboost|spark|scikit-learn|sklearn`,
      String.raw`logistic regression|random forests?|gradient[- ]boost\w*|neural (?:net|network)s?|deep learning|ensembles?|calibrat\w+|isotonic|platt|shap|lime|cross-?validat\w+|grid search|precision-recall curve|roc curve|threshold(?:s|ing)?|reliability (?:plot|diagram)s?|confusion matri(?:x|ces)|feature sets?|time-based split|train(?:ing)?[- ]test split`,
      // Systems and infrastructure.
      String.raw`kubernetes|docker|containers?|pods?|sharded|sharding|partitioned|replicas?|load balanc\w+|circuit breakers?|connection pools?|request shedd\w+|rate limit\w*|caches?|caching|redis|kafka|queues?|postgres\w*|mysql|mongodb|dynamodb|s3|schemas?|index(?:es)?|quer(?:y|ies)|endpoints?|microservices?|apis?|threads?|async|concurren\w+|timeouts?|retries|autoscal\w+|clusters?|cpu|gpus?|memory|heap|garbage collect\w*|etl|dags?|airflow|cron|webhooks?|grpc|rest|graphql|terraform|ci/cd`,
      // Data and application plumbing: what an engineer did, step by step.
      String.raw`cach(?:ed|ing)|dataframes?|columns?|pars(?:e|ed|ing|er)|decorators?|regex\w*|indexing|indexed|background (?:jobs?|workers?|tasks?)|workers?|migrat\w+|delta|change detection|batch(?:es|ed|ing)?|pipelines?|databases?|sql|python|pandas|numpy|streamlit|react|frontend|backend|javascript|typescript|node\.?js|lambdas?|serverless|aws|gcp|azure|sdks?|power query|pivot tables?|openpyxl|excel|macros?|vba|formulas?|conditional formatting|control plane|zero-downtime|refactor\w*|scripts?|json|csv|yaml|html|css|components?|state management|hooks?`,
    ].join('|') +
    String.raw`)\b`,
  'i',
);
// Reasoning: a decision and why — and what the evidence showed, which is what a decision stands on
// ("identified the timeouts", "found the pool exhausted").
const REASONING =
  /\b(?:chose|choose|chosen|decided|decision|because|since|ruled out|instead of|rather than|trade-?offs?|prioriti[sz]ed|weighed|why|reason(?:ing)?|rationale|opted|so that|in order to|to avoid|to keep|convinced|proposed|argued|agreed|recommended|risk|concluded|identified|found|noticed|discovered|reali[sz]ed|traced|diagnosed|root cause|identifying|noticing|discovering|reali[sz]ing|due to|given that|to (?:optimi[sz]e|reduce|improve|speed up|handle|prevent|ensure|cut|save|lower|minimi[sz]e|maximi[sz]e))\b/i;

export const rule: StoryRule = {
  id: 'technical-lecture',
  description:
    'Most Action sentences are technical detail (architecture, layers, loss, embeddings, hyperparameters, caches, parsing, columns, background jobs…) with no decision, reason or purpose.',
  rationale:
    'A common trap for ML candidates: the Action becomes a lecture on the model. Interviewers want about 70 % decisions and reasoning, 30 % technical detail — what you chose, what you ruled out, and why. Keep the architecture for the Deep dive.',
  severity: 'info',
  options: {
    maxShare: {
      type: 'number',
      default: 0.5,
      description: 'Largest share of Action sentences that may be technical detail without reasoning.',
      minimum: 0,
      maximum: 1,
    },
    minSentences: { type: 'number', default: 3, description: 'Fewest Action sentences before the share is judged.', minimum: 1 },
  },
  examples: {
    fire: [
      ex({
        action:
          '## «Action»\n\nI used a transformer encoder with 12 layers and 8 attention heads. The embeddings were 768 dimensions. I trained with Adam at a learning rate of 3e-4 and a batch size of 256. The loss function was focal loss with dropout of 0.1.',
      }),
      // A system's detail lectures as much as a model's.
      ex({
        action:
          '## «Action»\n\nI added a circuit breaker in front of the payments API. I raised the connection pool from 10 to 25 and put a Redis cache in front of the slowest queries. I set the retry timeouts to two seconds and moved the batch jobs to their own Kubernetes cluster.',
      }),
      // Three sentences of detail in five: 60 %, over the 50 % allowed.
      ex({
        action:
          '## «Action»\n\nI used a transformer encoder with 12 layers and 8 attention heads. I chose it over trees because the merchant text mattered. The embeddings were 768 dimensions. I ruled out a larger model because analysts needed answers within a second. I trained with Adam at a learning rate of 3e-4 and a batch size of 256.',
      }),
      // Data and application plumbing, step by step, with no reason given.
      ex({
        action:
          '## «Action»\n\n- Moved all parsing into the cached data loading function with a decorator\n- Stored the pre-computed values in dedicated DataFrame columns\n- Updated every visualization to read the pre-parsed columns\n- Moved indexing into a background job',
      }),
      // One sentence, all detail, where one sentence is enough to judge.
      {
        markdown: ex({ action: '## «Action»\n\nI used a transformer encoder with 12 layers and 8 attention heads.' }),
        config: { rules: { 'technical-lecture': { minSentences: 1 } } },
      },
    ],
    silent: [
      // The same steps, each with its purpose.
      ex({
        action:
          '- Moved all parsing into the cached data loading function to cut the page load\n- Stored the pre-computed values in DataFrame columns because every chart parsed them again\n- Moved indexing into a background job so that requests never wait for it',
      }),
      ex(),
      // Two sentences of detail in four: exactly 50 %.
      ex({
        action:
          'I used a transformer encoder with 12 layers and 8 attention heads. I chose it over trees because the merchant text mattered. The embeddings were 768 dimensions. I ruled out a larger model because analysts needed answers within a second.',
      }),
      // Two sentences, both detail: one short of the three the share needs.
      ex({ action: 'I used a transformer encoder with 12 layers and 8 attention heads. The embeddings were 768 dimensions.' }),
      // What the evidence showed is reasoning too: only one sentence of three is bare detail.
      ex({
        action:
          'I checked the application logs and identified connection timeouts. I analysed the pool metrics and found it exhausted at peak traffic. I raised the connection pool from 10 to 25.',
      }),
    ],
  },
  messages: (n) => [message(n, n), message(n, n + 1)],
  check(ctx) {
    const section = starSection(ctx.story, 'action');
    if (!section) return;
    const all = sectionSentences(section);
    if (all.length < ctx.options.minSentences) return;
    const lecture = all.filter((s) => TECHNICAL.test(s.text) && !REASONING.test(s.text)).length;
    const share = lecture / all.length;
    if (share <= ctx.options.maxShare) return;
    ctx.report({
      message: message(lecture, all.length),
      span: section.marker,
      data: { share },
    });
  },
};
