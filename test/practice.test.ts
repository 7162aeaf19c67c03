import assert from 'node:assert/strict';
import { markPracticedEdit, parseDocument, practiceStatus, today } from '../server/src/engine';
import { today as localDate } from '../shared/time';

function apply(text: string, date: string): string {
  const doc = parseDocument(text);
  const edit = markPracticedEdit(text, doc.stories[0], date);
  return edit ? text.slice(0, edit.start) + edit.text + text.slice(edit.end) : text;
}

const BODY = '# A\n\n## Situation\n\nx\n\n## Task\n\nI y\n';

describe('Mark practiced today', () => {
  const cases: [string, string, string][] = [
    ['appends to a flow list', '---\ncategory: project\npracticed: [2026-11-01, 2026-11-04]\n---\n', 'practiced: [2026-11-01, 2026-11-04, 2026-11-25]\n'],
    ['appends to an empty flow list', '---\ncategory: project\npracticed: []\n---\n', 'practiced: [2026-11-25]\n'],
    [
      'appends to a block list with its indentation',
      '---\npracticed:\n  - 2026-11-01\ndate: 2025-01\n---\n',
      'practiced:\n  - 2026-11-01\n  - 2026-11-25\ndate: 2025-01\n',
    ],
    ['adds the key before the closing dashes', '---\ncategory: project # my note\n---\n', 'category: project # my note\npracticed: [2026-11-25]\n---'],
    ['creates front matter when there is none', '', '---\npracticed: [2026-11-25]\n---\n'],
  ];
  for (const [name, front, expected] of cases) {
    it(name, () => {
      const text = front + BODY;
      const out = apply(text, '2026-11-25');
      assert.ok(out.includes(expected), out);
      assert.ok(out.endsWith(BODY), 'the story itself is untouched');
      assert.ok(parseDocument(out).stories[0].meta.practiced?.includes('2026-11-25'));
    });
  }

  it('keeps every other byte of the YAML exactly', () => {
    const text = '---\ntitle: "Quoted: title"   # comment\ncategory: project\nquestions: [failure,  ambiguity]\npracticed: [2026-11-01]\n---\n' + BODY;
    const out = apply(text, '2026-11-25');
    assert.equal(out, text.replace('[2026-11-01]', '[2026-11-01, 2026-11-25]'));
  });

  it('does nothing when today is already logged', () => {
    const text = '---\npracticed: [2026-11-25]\n---\n' + BODY;
    assert.equal(apply(text, '2026-11-25'), text);
  });

  it('keeps CRLF line endings', () => {
    const text = ('---\ncategory: project\n---\n' + BODY).replace(/\n/g, '\r\n');
    assert.ok(apply(text, '2026-11-25').includes('practiced: [2026-11-25]\r\n---'));
  });
});

describe('Practice schedule (day 0/3/7/14/21)', () => {
  it('has nothing due before the first practice', () => {
    assert.deepEqual(practiceStatus(undefined, '2026-11-25'), { practiced: [], due: false, overdueDays: 0 });
  });
  it('schedules day 3 after the first practice', () => {
    const s = practiceStatus(['2026-11-20'], '2026-11-22');
    assert.equal(s.next, '2026-11-23');
    assert.equal(s.due, false);
  });
  it('reports an overdue checkpoint with its days', () => {
    const s = practiceStatus(['2026-11-01', '2026-11-04'], '2026-11-10');
    assert.equal(s.next, '2026-11-08');
    assert.equal(s.due, true);
    assert.equal(s.overdueDays, 2);
  });
  it('is done after five sessions', () => {
    const s = practiceStatus(['2026-10-01', '2026-10-04', '2026-10-08', '2026-10-15', '2026-10-22'], '2026-11-25');
    assert.equal(s.next, undefined);
    assert.equal(s.due, false);
  });
});

describe("today: the user's calendar day", () => {
  const withTimeZone = (tz: string, run: () => void): void => {
    const was = process.env.TZ;
    process.env.TZ = tz;
    try {
      run();
    } finally {
      if (was === undefined) delete process.env.TZ;
      else process.env.TZ = was;
    }
  };

  it('is the local date, as Mark Practiced Today logs it, not the UTC date', () => {
    // 07:30 UTC on the 26th is still the evening of the 25th in California, already the 26th in Tokyo.
    const instant = new Date('2026-11-26T07:30:00Z');
    withTimeZone('America/Los_Angeles', () => {
      assert.equal(today(instant), '2026-11-25');
      assert.equal(today(instant), localDate(instant));
    });
    withTimeZone('Asia/Tokyo', () => assert.equal(today(instant), '2026-11-26'));
  });
});
