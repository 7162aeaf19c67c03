import { hasProse } from '../model/text';
import type { ResolvedConfig } from '../lint/config';
import type { Finding, Story } from '../model/types';
import { metricsOf } from '../facts/metrics';
import { subjectCounts } from '../facts/subjects';
import { ageInMonths } from '../facts/dates';
import { age, plural } from '../../../../shared/wording';
import type { Criterion, Score } from '../../../../shared/score-format';

export { formatScore, scoreText, scoreValue, type Criterion, type Score } from '../../../../shared/score-format';

const ML_TERMS =
  /\b(?:model(?:s|ing|led|ling)?|ML|machine learning|AI|LLMs?|training|trained|inference|features?|dataset|data set|labels?|labell?ing|precision|recall|AUC|F1|A\/B|experiment\w*|embeddings?|ranking|recommend\w*|classifier|regression|neural|transformer|fine-?tun\w*|evaluation|held-out|baseline|drift|pipeline|GPU|prompt\w*|retrieval|NLP|computer vision|forecast\w*|anomaly|fraud|personali[sz]\w*)\b/gi;
const DECISION = /\b(?:chose|decided|because|trade-?offs?|ruled out|instead of|rather than|prioriti[sz]ed|weighed)\b/i;

export function scoreStory(story: Story, findings: Finding[], config: ResolvedConfig, today: string): Score {
  const count = (rule: string): number => findings.filter((f) => f.rule === rule).length;
  const has = (rule: string): boolean => count(rule) > 0;
  const criteria: Criterion[] = [];
  const action = hasProse(story.star.action) ? story.star.action : undefined;
  const result = hasProse(story.star.result) ? story.star.result : undefined;
  const task = hasProse(story.star.task) ? story.star.task : undefined;

  {
    const notes: string[] = [];
    let points = 25;
    if (!action) {
      points = 0;
      notes.push('no Action to show your role');
    } else {
      const { i, we } = subjectCounts(action.prose.text);
      const total = i + we.length;
      const ratio = total ? i / total : 0;
      if (total === 0) {
        points -= 10;
        notes.push('Action never says who acted');
      } else if (has('first-person')) {
        // The rule decides (its ratio and minimum count, as configured); the score weighs how far off.
        points -= Math.max(1, Math.round(14 * (1 - ratio / 0.7)));
        notes.push(`Action is ${Math.round(ratio * 100)} % "I" (first-person)`);
      }
    }
    if (!task || has('team-task')) {
      points -= 6;
      notes.push(task ? "Task states the team's goal (team-task)" : 'no Task');
    }
    if (has('blame')) {
      points -= 5;
      notes.push('deflects responsibility (blame)');
    }
    if (has('hypothetical')) {
      points -= 3;
      notes.push('speaks in habits (hypothetical)');
    }
    criteria.push({ id: 'role', label: 'Your role', weight: 'critical', points: clamp(points, 25), max: 25, notes });
  }
  {
    const notes: string[] = [];
    let points = 15;
    if (!result) {
      points -= 7;
      notes.push('no Result');
    } else if (has('result-metric')) {
      points -= 7;
      notes.push('no number in the Result (result-metric)');
    }
    const vague = count('vague-language');
    if (vague) {
      points -= Math.min(6, vague * 2);
      notes.push(plural(vague, 'vague phrase'));
    }
    const claims = count('unquantified-claim');
    if (claims) {
      points -= Math.min(4, claims * 2);
      notes.push(plural(claims, 'unquantified claim'));
    }
    const hedges = count('hedging');
    if (hedges) {
      points -= Math.min(3, hedges);
      notes.push(plural(hedges, 'hedge'));
    }
    criteria.push({ id: 'specificity', label: 'Specificity', weight: 'high', points: clamp(points, 15), max: 15, notes });
  }
  {
    const text = story.sections
      .filter((s) => s.kind !== 'notes')
      .map((s) => s.prose.text)
      .join('\n');
    const terms = new Set((text.match(ML_TERMS) ?? []).map((t) => t.toLowerCase()));
    const points = Math.min(15, terms.size * 3);
    criteria.push({
      id: 'relevance',
      label: 'Relevance to ML/AI',
      weight: 'high',
      points,
      max: 15,
      notes: points < 15 ? [`${plural(terms.size, 'ML/AI term')} (5 earn full points)`] : [],
    });
  }
  {
    const ids = new Set(config.themes.map((t) => t.id));
    const n = new Set((story.meta.questions ?? []).map((q) => q.toLowerCase()).filter((q) => ids.has(q))).size;
    const points = Math.min(15, n * 5);
    criteria.push({
      id: 'versatility',
      label: 'Versatility',
      weight: 'high',
      points,
      max: 15,
      notes: n < 3 ? [`answers ${plural(n, 'theme')} (3 earn full points)`] : [],
    });
  }
  {
    const notes: string[] = [];
    let points = 0;
    if (action) {
      points += Math.min(5, Math.round((action.words / 150) * 5));
      if (action.words < 150) notes.push(`Action is ${plural(action.words, 'word')}`);
      if (!has('experimentation')) points += 3;
      else notes.push('no experimentation');
      if (DECISION.test(action.prose.text)) points += 2;
      else notes.push('no decision or trade-off');
      const thin = findings.find((f) => f.rule === 'section-balance' && f.data?.kind === 'action' && (f.data.share as number) < (f.data.min as number) / 100);
      if (thin) {
        points -= 3;
        notes.push('Action is under its share of the story');
      }
      if (has('technical-lecture')) {
        points -= 2;
        notes.push('Action is a technical lecture');
      }
    } else notes.push('no Action');
    criteria.push({ id: 'complexity', label: 'Complexity', weight: 'medium', points: clamp(points, 10), max: 10, notes });
  }
  {
    const notes: string[] = [];
    let points = 0;
    if (result) {
      const metrics = metricsOf(result.prose);
      if (metrics.length) points += 4;
      else notes.push('no metric');
      const t = metrics.some((m) => m.types.includes('technical'));
      const b = metrics.some((m) => m.types.includes('business'));
      // The metric-types rule decides whether both kinds are there.
      if (has('metric-types')) notes.push(`no ${t ? 'business' : b ? 'technical' : 'technical or business'} metric`);
      else if (metrics.length) points += 3;
      if (!has('missing-learning') && !has('generic-learning')) points += 2;
      else notes.push(has('generic-learning') ? 'generic lesson' : 'no lesson');
      if (!has('lasting-impact')) points += 1;
      else notes.push('no lasting change');
    } else notes.push('no Result');
    criteria.push({ id: 'outcome', label: 'Outcome', weight: 'medium', points, max: 10, notes });
  }
  {
    const months = story.meta.date ? ageInMonths(story.meta.date, today) : undefined;
    const points = recencyPoints(months);
    const notes = months === undefined ? [story.meta.date ? 'date not readable' : 'no date'] : months > 24 ? [`${age(months)} old`] : [];
    criteria.push({ id: 'recency', label: 'Recency', weight: 'medium', points, max: 10, notes });
  }
  const placeholders = count('placeholder');
  return { total: criteria.reduce((n, c) => n + c.points, 0), criteria, ...(placeholders ? { draft: { placeholders } } : {}) };
}

/**
 * Recency points from a story's age in whole months (SPEC §1: within the last 2–3 years): 10 up
 * to 2 years, 7 up to 3, then 3 fewer a year; 5 when the story has no readable date. One
 * function of the age, so two stories of the same age always get the same points.
 */
export function recencyPoints(months: number | undefined): number {
  if (months === undefined) return 5;
  if (months <= 24) return 10;
  if (months <= 36) return 7;
  return Math.max(0, Math.round(7 - (3 * (months - 36)) / 12));
}

function clamp(points: number, max: number): number {
  return Math.max(0, Math.min(max, points));
}
