// Wording: every generated sentence — rule messages, the score's notes, the CLI's reports and
// notes, the client's labels — is rendered with 0, 1 and 2 of what it counts and checked for the
// same grammar invariants: "a"/"an" by sound, counts that agree with their noun, AI and ML in
// capitals. The templates come from the code itself (each rule's `messages`, the real formatters),
// so a new template is checked the moment it is written.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ALL_RULES, STORY_RULES, analyzeBank, lintText, resolveConfig, scoreStory, type BankStory, type Finding } from '../server/src/engine';
import { ageInMonths } from '../server/src/engine/facts/dates';
import { readExample } from '../server/src/engine/rules/examples';
import { recencyPoints } from '../server/src/engine/bank/score';
import { age, list, plural, severityCounts, some, withArticle } from '../shared/wording';
import { formatBankText } from '../server/src/node/format-bank';
import { formatSummary } from '../server/src/node/format-stylish';
import { colors, type CliFinding } from '../server/src/node/report';
import { noStoriesHint } from '../server/src/node/no-stories';
import { addSectionTitle } from '../server/src/lsp/codeActions';
import { STAR_KINDS } from '../server/src/engine/model/types';
import {
  bankDescription,
  compositionAdvice,
  coverageDescription,
  dueTooltip,
  gapsTooltip,
  lintAllSummary,
  practiceDescription,
  practiceDetail,
  problemSummary,
  storyDescription,
  storyStatus,
} from '../client/src/format';

const TODAY = '2026-11-25';
const ROOT = join(__dirname, '..');

// ------------------------------------------------------------------ the invariants

// The nouns our sentences count, singular → plural, written out here (not derived from the code).
const NOUNS: Record<string, string> = {
  word: 'words',
  story: 'stories',
  file: 'files',
  problem: 'problems',
  error: 'errors',
  warning: 'warnings',
  info: 'infos',
  hint: 'hints',
  theme: 'themes',
  time: 'times',
  day: 'days',
  month: 'months',
  year: 'years',
  sentence: 'sentences',
  phrase: 'phrases',
  claim: 'claims',
  hedge: 'hedges',
  term: 'terms',
  card: 'cards',
  character: 'characters',
  finding: 'findings',
  placeholder: 'placeholders',
  category: 'categories',
  question: 'questions',
  'follow-up': 'follow-ups',
  configuration: 'configurations',
  story_file: 'story files',
};
const PLURALS = new Map(Object.entries(NOUNS).map(([one, many]) => [many, one]));

/** Words spelt with a vowel letter but said with a consonant sound, and the reverse. */
const SAID_WITH_CONSONANT = /^(one|once|uni(?!n)|use|usu|euro|u\.s)/i;
const SAID_WITH_VOWEL = /^(hour|honest|honou?r|heir)/i;

export function grammarProblems(text: string): string[] {
  const problems: string[] = [];
  // a/an by the sound of the next word.
  for (const m of text.matchAll(/(?<![\w'-])(a|an|A|An) ([A-Za-z0-9][\w/.-]*)/g)) {
    const [, article, word] = m;
    const acronym = /^[A-Z][A-Z0-9/]+$/.test(word);
    const vowel = acronym
      ? 'AEFHILMNORSX'.includes(word[0])
      : /^8|^1[18]\b/.test(word) || SAID_WITH_VOWEL.test(word) || (/^[aeiou]/i.test(word) && !SAID_WITH_CONSONANT.test(word));
    if (article.toLowerCase() === 'a' && vowel) problems.push(`"${article} ${word}" should be "an ${word}"`);
    if (article.toLowerCase() === 'an' && !vowel) problems.push(`"${article} ${word}" should be "a ${word}"`);
  }
  // A count agrees with its noun: the head (last) noun of the first run of nouns among the next
  // three words ("2 question themes", "1 vague phrase").
  const isNoun = (w: string): boolean => w in NOUNS || PLURALS.has(w);
  for (const m of text.matchAll(/(?<![\w.,:/-])(\d+(?:,\d{3})*)((?: [\w/-]+){1,3})/g)) {
    const n = Number(m[1].replace(/,/g, ''));
    const words = m[2].trim().split(' ');
    if (words[0] === 'of') continue; // "2 of 6 follow-ups": the noun goes with the second number.
    const first = words.findIndex(isNoun);
    if (first < 0) continue;
    let head = first;
    while (head + 1 < words.length && isNoun(words[head + 1])) head++;
    const w = words[head];
    if (n === 1 && PLURALS.has(w)) problems.push(`"${m[0].trim()}": 1 takes the singular`);
    if (n !== 1 && !PLURALS.has(w)) problems.push(`"${m[0].trim()}": ${n} takes the plural`);
  }
  // Acronyms in capitals.
  for (const m of text.matchAll(/\b(ml|ai|Ml|Ai|mL|aI)\b/g)) problems.push(`"${m[0]}" should be "${m[0].toUpperCase()}"`);
  return problems;
}

function assertGrammar(texts: string[], where: string): void {
  const found = texts.flatMap((t) => grammarProblems(t).map((p) => `${p} in: ${t}`));
  assert.deepEqual(found, [], `${where}:\n${found.join('\n')}`);
}

describe('wording', () => {
  describe('the grammar check itself', () => {
    it('catches the mistakes the issue found, and passes their fixes', () => {
      assert.deepEqual(grammarProblems('add a ethical dilemma or responsible ai story.'), ['"a ethical" should be "an ethical"', '"ai" should be "AI"']);
      assert.deepEqual(grammarProblems('add 2 major ml project stories'), ['"ml" should be "ML"']);
      assert.deepEqual(grammarProblems('18 warning, 2 info, 1 warnings'), [
        '"18 warning": 18 takes the plural',
        '"2 info": 2 takes the plural',
        '"1 warnings": 1 takes the singular',
      ]);
      assert.deepEqual(
        grammarProblems(
          'add an ethical dilemma or responsible-AI story, a major ML project story, an ML model, a user, an hour, an F1 of 0.9, an A/B test, 1 story, 0 stories, 2 vague phrases, 1 info, 3 infos',
        ),
        [],
      );
      assert.deepEqual(grammarProblems('2 vague phrase'), ['"2 vague phrase": 2 takes the plural']);
    });
  });

  describe('helpers', () => {
    it('plural, some, withArticle, list, severityCounts and age', () => {
      assert.deepEqual(
        [0, 1, 2].map((n) => plural(n, 'story')),
        ['0 stories', '1 story', '2 stories'],
      );
      assert.deepEqual(
        [0, 1, 2].map((n) => some(n, 'major ML project story')),
        ['no major ML project story', 'a major ML project story', '2 major ML project stories'],
      );
      assert.equal(some(1, 'ethical dilemma or responsible-AI story'), 'an ethical dilemma or responsible-AI story');
      assert.deepEqual(
        [
          'ML model',
          'AI decision',
          'user',
          'hour',
          'F1 score',
          'A/B test',
          'URL',
          'one-line fix',
          'unique idea',
          'umbrella',
          '8-week plan',
          '12-week plan',
          'SLA',
        ].map(withArticle),
        [
          'an ML model',
          'an AI decision',
          'a user',
          'an hour',
          'an F1 score',
          'an A/B test',
          'a URL',
          'a one-line fix',
          'a unique idea',
          'an umbrella',
          'an 8-week plan',
          'a 12-week plan',
          'an SLA',
        ],
      );
      assert.deepEqual(
        [[], ['a'], ['a', 'b'], ['a', 'b', 'c']].map((l) => list(l)),
        ['', 'a', 'a and b', 'a, b and c'],
      );
      assert.equal(list(['x', 'y'], 'or'), 'x or y');
      assert.equal(severityCounts({ error: 1, warning: 18, info: 2, hint: 0 }), '1 error, 18 warnings, 2 infos');
      assert.equal(severityCounts({ error: 0, warning: 1, info: 1, hint: 1 }, ['error']), '0 errors, 1 warning, 1 info, 1 hint');
      assert.deepEqual([0, 1, 11, 12, 13, 24, 26, 48].map(age), [
        '0 months',
        '1 month',
        '11 months',
        '1 year',
        '1 year and 1 month',
        '2 years',
        '2 years and 2 months',
        '4 years',
      ]);
    });
  });

  describe('every template rendered with 0, 1 and 2', () => {
    for (const rule of ALL_RULES) {
      if (!rule.messages) continue;
      it(`${rule.id}: its messages`, () => {
        for (const n of [0, 1, 2]) {
          const messages = rule.messages!(n);
          assert.ok(messages.length > 0, `${rule.id} with ${n}: declares templates but renders none`);
          // A quoted title, date or phrase is never empty, nothing is left out between two spaces or
          // before punctuation, and no count is negative.
          for (const m of messages) assert.doesNotMatch(m, /""| {2}| [:,.;]|(?<![\w-])-\d/, `${rule.id} with ${n}: ${m}`);
          assertGrammar(messages, `${rule.id} with ${n}`);
        }
      });
    }

    it('a rule whose messages count something declares its templates (`messages`)', () => {
      const counted = new RegExp(`(?<![\\w.,:/-])\\d[\\d,]* (?:[\\w/-]+ ){0,2}(?:${[...Object.keys(NOUNS), ...PLURALS.keys()].join('|')})\\b`);
      for (const rule of STORY_RULES) {
        const messages = rule.examples.fire.flatMap((e) => {
          const { markdown, config } = readExample(e);
          return lintText(markdown, resolveConfig(config), { today: TODAY, only: [rule.id] })
            .findings.filter((f) => f.rule === rule.id)
            .map((f) => f.message);
        });
        const withCount = messages.find((m) => counted.test(m));
        if (withCount) assert.ok(rule.messages, `${rule.id} says "${withCount}" but declares no \`messages\` to check with 0, 1 and 2`);
      }
    });

    it("the score's notes", () => {
      const { doc } = lintText(readFileSync(join(ROOT, 'test/fixtures/cli/clean.md'), 'utf8'), resolveConfig(), { today: TODAY });
      const story = doc.stories[0];
      for (const n of [0, 1, 2]) {
        const findings: Finding[] = ['vague-language', 'unquantified-claim', 'hedging'].flatMap((rule) =>
          Array.from({ length: n }, () => ({ rule, message: '', span: { start: 0, end: 1 }, severity: 'warning' as const })),
        );
        const withThemes = { ...story, meta: { ...story.meta, questions: ['failure', 'ambiguity'].slice(0, n), date: `${2026 - 2 - n}-11` } };
        const notes = scoreStory(withThemes, findings, resolveConfig(), TODAY).criteria.flatMap((c) => c.notes);
        assertGrammar(notes, `score notes with ${n}`);
      }
    });

    it('the CLI: summary line, bank report header and problems, notes', () => {
      const finding = (severity: CliFinding['severity']): CliFinding => ({
        file: 'a.md',
        line: 1,
        column: 1,
        endLine: 1,
        endColumn: 2,
        severity,
        rule: 'hedging',
        message: 'x',
      });
      const c = colors(false);
      for (const n of [0, 1, 2]) {
        const findings = (['error', 'warning', 'info', 'hint'] as const).flatMap((s) => Array.from({ length: n }, () => finding(s)));
        assertGrammar(formatSummary([...findings, finding('warning')], c), `summary with ${n}`);
        const files = Array.from({ length: n }, (_, i) => ({ file: `f${i}.md`, stories: 0 }));
        assertGrammar([noStoriesHint(files, ['notes']) ?? ''], `no-stories hint with ${n} files`);
      }
      const bank = readdirSync(join(ROOT, 'examples/story-bank')).filter((f) => /^\d.*\.md$/.test(f));
      for (const n of [0, 1, 2]) {
        const files = bank
          .slice(0, n)
          .map((f) => ({ uri: f, result: lintText(readFileSync(join(ROOT, 'examples/story-bank', f), 'utf8'), resolveConfig(), { today: TODAY }) }));
        const report = analyzeBank(files, resolveConfig(), TODAY);
        assertGrammar(formatBankText(report, [], colors(false)), `bank report with ${n} stories`);
      }
    });

    it('the language server: quick-fix titles', () => {
      assertGrammar(STAR_KINDS.map(addSectionTitle), 'Add … section');
      assert.equal(addSectionTitle('action'), 'Add an Action section');
    });

    it('the VS Code client: descriptions, tooltips, badges, practice and status lines', () => {
      const story = (n: number): BankStory => ({
        uri: 'file:///a.md',
        index: 0,
        title: 'A',
        line: 0,
        span: { start: 0, end: 1 },
        themes: [],
        score: { total: 70, criteria: [] },
        words: n,
        seconds: n * 60,
        problems: { error: n, warning: n, info: n, hint: n },
        principles: [],
        values: [],
        skills: [],
        practice: { practiced: Array.from({ length: n }, () => '2026-11-01'), due: n > 0, overdueDays: n, next: '2026-11-04' },
      });
      for (const n of [0, 1, 2]) {
        const texts = [
          problemSummary(story(n)),
          storyDescription(story(n)),
          storyStatus(story(n)),
          practiceDescription(story(n)),
          practiceDetail(story(n)),
          bankDescription({ stories: Array.from({ length: n }) }),
          gapsTooltip(n),
          dueTooltip(n),
          lintAllSummary(n, { uris: Array.from({ length: n }, String), problems: { error: n, warning: 0, info: 0, hint: 0 } }),
          compositionAdvice({ category: 'ethics', label: 'Ethical dilemma or responsible AI', count: n, min: n + 1, max: n + 1, status: 'low' }) ?? '',
          compositionAdvice({ category: 'project', label: 'Major ML project', count: n + 3, min: 0, max: n, status: 'high' }) ?? '',
          coverageDescription({
            theme: 'failure',
            question: 'Tell me about a failure',
            stories: Array.from({ length: n }, (_, i) => i),
            status: n ? 'ok' : 'uncovered',
          }),
        ];
        assertGrammar(texts, `client texts with ${n}`);
      }
    });
  });

  describe('every message the engine gives on real stories', () => {
    it('rule examples, the example bank and the test fixtures', () => {
      const messages: string[] = [];
      for (const rule of STORY_RULES) {
        for (const e of [...rule.examples.fire, ...rule.examples.silent]) {
          const { markdown, config } = readExample(e);
          messages.push(...lintText(markdown, resolveConfig(config), { today: TODAY }).findings.map((f) => f.message));
        }
      }
      const dirs = ['examples/story-bank', 'test/fixtures/cli', 'test/fixtures/stories', 'test/fixtures/lsp'];
      const files = dirs.flatMap((d) =>
        readdirSync(join(ROOT, d))
          .filter((f) => f.endsWith('.md'))
          .map((f) => join(ROOT, d, f)),
      );
      const linted = files.map((f) => ({ uri: f, result: lintText(readFileSync(f, 'utf8'), resolveConfig(), { today: TODAY }) }));
      for (const l of linted) messages.push(...l.result.findings.map((f) => f.message));
      const bank = analyzeBank(linted, resolveConfig(), TODAY);
      messages.push(...bank.findings.map((f) => f.message), ...bank.stories.flatMap((s) => s.score.criteria.flatMap((c) => c.notes)));
      assert.ok(messages.length > 200, `${messages.length} messages`);
      assertGrammar([...new Set(messages)], 'engine messages');
    });
  });

  describe('age: one function of dates for the recency message and the recency points', () => {
    it('a story from 2022-11 is 4 years old on 2026-11-25, in the message and in the score', () => {
      assert.equal(ageInMonths('2022-11', TODAY), 48);
      const md = (date: string) =>
        `---\ncategory: project\nquestions: [failure, ambiguity, proud]\ndate: ${date}\n---\n\n# T\n\n## Situation\n\nA.\n\n## Task\n\nI owned it.\n\n## Action\n\nI did it.\n\n## Result\n\nIt rose 5%.\n`;
      const result = lintText(md('2022-11'), resolveConfig(), { today: TODAY });
      assert.match(result.findings.find((f) => f.rule === 'recency')!.message, /^Story is from 2022-11, 4 years ago:/);
      const note = scoreStory(result.doc.stories[0], result.findings, resolveConfig(), TODAY).criteria.find((c) => c.id === 'recency')!.notes[0];
      assert.equal(note, '4 years old');
    });

    it('the same age text always comes with the same points, and the message and the note agree', () => {
      const dates = ['2019', '2020-01', '2022', '2022-11', '2022-11-26', '2022-11-25', '2023-06', '2023-11', '2023-12-01', '2024-11', '2025-01-15'];
      const byText = new Map<string, number>();
      for (const date of dates) {
        const months = ageInMonths(date, TODAY)!;
        const points = recencyPoints(months);
        const text = age(months);
        if (byText.has(text)) assert.equal(byText.get(text), points, `${date}: "${text}" with two scores`);
        byText.set(text, points);
        const md = `---\ncategory: project\nquestions: [failure]\ndate: ${date}\n---\n\n# T\n\n## Situation\n\nA.\n\n## Task\n\nI owned it.\n\n## Action\n\nI did it.\n\n## Result\n\nIt rose 5%.\n`;
        const result = lintText(md, resolveConfig(), { today: TODAY });
        const recency = result.findings.find((f) => f.rule === 'recency');
        const score = scoreStory(result.doc.stories[0], result.findings, resolveConfig(), TODAY).criteria.find((c) => c.id === 'recency')!;
        assert.equal(score.points, points, date);
        if (recency) assert.ok(recency.message.includes(`, ${text} ago:`) && score.notes[0] === `${text} old`, `${date}: ${recency.message} / ${score.notes}`);
        assert.equal(Boolean(recency), months > 36, `${date}: fires past 3 years`);
      }
      assert.deepEqual(
        [
          ageInMonths('2022-11-26', TODAY),
          ageInMonths('2022-11-25', TODAY),
          ageInMonths('2022', TODAY),
          ageInMonths('2027-01', TODAY),
          ageInMonths('soon', TODAY),
        ],
        [47, 48, 47, 0, undefined],
      );
    });
  });
});
