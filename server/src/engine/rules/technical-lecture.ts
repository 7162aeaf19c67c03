import type { StoryRule } from '../rule';
import { sectionSentences, starSection } from '../text';
import { ex } from '../examples';
import { plural } from '../wording';

/** The message for an Action where `lecture` of `all` sentences are detail without a decision. */
export function message(lecture: number, all: number): string {
  return `Action is a technical lecture (${lecture} of ${plural(all, 'sentence')} ${lecture === 1 ? 'is' : 'are'} detail without a decision): say what you chose, what you ruled out and why; move the architecture to a Deep dive.`;
}

const TECHNICAL = /\b(?:architecture|layers?|loss(?: function)?|embeddings?|hyper-?parameters?|learning rate|batch size|epochs?|transformers?|attention|dropout|optimi[sz]er|adam|sgd|gradients?|neurons?|convolution(?:al)?|cnn|rnn|lstm|gru|encoder|decoder|activation|relu|softmax|regulari[sz]ation|fine-?tun\w*|weights|tensors?|heads?|tokeni[sz]er|vocabulary|quanti[sz]\w*|distill\w*|feature (?:store|engineering|vectors?)|dimensions?|cosine|kernel|backprop\w*|residual|normali[sz]ation|warm-?up|schedulers?|parameters|pytorch|tensorflow|jax|xgboost|lightgbm|spark|kubernetes|docker|sharded|partitioned)\b/i;
const REASONING = /\b(?:chose|choose|chosen|decided|decision|because|since|ruled out|instead of|rather than|trade-?offs?|prioriti[sz]ed|weighed|why|reason(?:ing)?|rationale|opted|so that|in order to|to avoid|to keep|convinced|proposed|argued|agreed|recommended|risk|concluded)\b/i;

export const rule: StoryRule = {
  id: 'technical-lecture',
  description: 'Most Action sentences are technical detail (architecture, layers, loss, embeddings, hyperparameters…) with no decision or reasoning words.',
  rationale:
    'A common trap for ML candidates: the Action becomes a lecture on the model. Interviewers want about 70 % decisions and reasoning, 30 % technical detail — what you chose, what you ruled out, and why. Keep the architecture for the Deep dive.',
  severity: 'info',
  options: {
    maxShare: { type: 'number', default: 0.5, description: 'Largest share of Action sentences that may be technical detail without reasoning.', minimum: 0, maximum: 1 },
    minSentences: { type: 'number', default: 3, description: 'Fewest Action sentences before the share is judged.', minimum: 1 },
  },
  examples: {
    fire: [
      ex({ action: '## «Action»\n\nI used a transformer encoder with 12 layers and 8 attention heads. The embeddings were 768 dimensions. I trained with Adam at a learning rate of 3e-4 and a batch size of 256. The loss function was focal loss with dropout of 0.1.' }),
    ],
    silent: [ex()],
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
