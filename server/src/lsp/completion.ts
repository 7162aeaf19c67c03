// Completion of metadata values in front matter and in `<!-- story … -->` comments: category ids
// after `category:`, theme ids (custom themes included) inside `questions:`. It reads the raw text
// around the cursor, so it works while the metadata is half-written and does not parse yet.
import { CompletionItemKind, InsertTextFormat, type CompletionItem, type Position } from 'vscode-languageserver';
import type { ResolvedConfig } from '../engine';

export const TRIGGER_CHARACTERS = [':', ' ', '[', ',', '-'];

const KEYS: [string, string][] = [
  ['title', 'The story title (else the first heading)'],
  ['category', 'One of the category ids: project, collaboration, failure, leadership, ethics'],
  ['questions', 'The question themes the story answers, e.g. [challenging-project, ambiguity, proud]'],
  ['date', 'When it happened: YYYY, YYYY-MM or YYYY-MM-DD (recency)'],
  ['practiced', 'Practice log: [YYYY-MM-DD, …] (spaced repetition)'],
  ['star', 'true marks a file as a story even without sections'],
];

export function completions(text: string, position: Position, config: ResolvedConfig): CompletionItem[] {
  const lines = text.split(/\r?\n|\r/);
  const line = lines[position.line] ?? '';
  const before = line.slice(0, position.character);
  if (!inMetadata(lines, position)) return [];

  const replace = (partial: string) => ({
    start: { line: position.line, character: position.character - partial.length },
    end: { line: position.line, character: position.character },
  });

  let m = /^\s*category\s*:\s*["']?([\w-]*)$/i.exec(before);
  if (m) {
    const partial = m[1];
    return config.categories.map((c, i) => ({
      label: c.id,
      kind: CompletionItemKind.EnumMember,
      detail: c.label,
      documentation: `${c.label}: a bank holds ${c.min === c.max ? c.min : `${c.min}–${c.max}`} of these.`,
      sortText: String(i).padStart(3, '0'),
      textEdit: { range: replace(partial), newText: c.id },
    }));
  }

  let listed: string[] | undefined;
  let partial = '';
  m = /^\s*(?:questions|themes)\s*:\s*(\[?)(.*)$/i.exec(before);
  if (m) {
    const items = m[2].split(',');
    partial = items.pop()!.trim().replace(/^["']/, '');
    if (!/^[\w-]*$/.test(partial) || m[2].includes(']')) return [];
    listed = items.map((s) => s.trim().replace(/^["']|["']$/g, ''));
    // Items after the cursor on the same line count as listed too.
    listed.push(
      ...line
        .slice(position.character)
        .split(/[,\]]/)
        .map((s) => s.trim().replace(/^["']|["']$/g, '')),
    );
  } else {
    m = /^(\s*)-\s*["']?([\w-]*)$/.exec(before);
    if (m && parentKey(lines, position.line) === 'questions') {
      partial = m[2];
      listed = siblingItems(lines, position.line);
    }
  }
  if (listed) {
    const taken = new Set(listed.map((s) => s.toLowerCase()).filter(Boolean));
    return config.themes
      .filter((t) => !taken.has(t.id))
      .map((t, i) => ({
        label: t.id,
        kind: CompletionItemKind.EnumMember,
        detail: t.question,
        documentation: `The interviewer asks: "${t.question}"`,
        sortText: String(i).padStart(3, '0'),
        textEdit: { range: replace(partial), newText: t.id },
      }));
  }

  m = /^([a-z]*)$/.exec(before);
  if (m) {
    const present = new Set(lines.map((l) => /^([\w-]+)\s*:/.exec(l)?.[1]).filter(Boolean));
    return KEYS.filter(([k]) => !present.has(k) || k === m![1]).map(([k, doc], i) => ({
      label: k,
      kind: CompletionItemKind.Property,
      documentation: doc,
      sortText: String(i).padStart(3, '0'),
      insertTextFormat: InsertTextFormat.PlainText,
      textEdit: { range: replace(m![1]), newText: `${k}: ` },
    }));
  }
  return [];
}

/** True inside front matter (between the `---` lines) or inside a `<!-- story … -->` comment. */
function inMetadata(lines: string[], position: Position): boolean {
  if (/^---\s*$/.test(lines[0] ?? '') && position.line > 0) {
    let close = -1;
    for (let i = 1; i < lines.length; i++) {
      if (/^(?:---|\.\.\.)\s*$/.test(lines[i])) {
        close = i;
        break;
      }
    }
    if (close === -1 ? !lines.slice(1, position.line + 1).some((l) => /^#/.test(l)) : position.line < close) return true;
  }
  // The nearest `<!--` above the cursor, with no `-->` in between, that opens a story comment.
  for (let i = position.line; i >= 0 && i > position.line - 200; i--) {
    const text = i === position.line ? lines[i].slice(0, position.character) : lines[i];
    const close = text.lastIndexOf('-->');
    const open = text.lastIndexOf('<!--');
    if (close > open) return false;
    if (open >= 0) return /^<!--\s*(?:starlint-)?story\b/i.test(text.slice(open) + (i === position.line ? '' : '\n'));
  }
  return false;
}

/** The key a block-sequence item belongs to: the nearest less-indented `key:` line above. */
function parentKey(lines: string[], line: number): string | undefined {
  const indent = /^\s*/.exec(lines[line])![0].length;
  for (let i = line - 1; i >= 0; i--) {
    const m = /^(\s*)([\w-]+)\s*:/.exec(lines[i]);
    if (m && m[1].length <= indent) {
      const key = m[2].toLowerCase();
      return key === 'themes' ? 'questions' : key;
    }
    if (!/^\s*-/.test(lines[i]) && lines[i].trim() !== '') return undefined;
  }
  return undefined;
}

function siblingItems(lines: string[], line: number): string[] {
  const out: string[] = [];
  for (const dir of [-1, 1]) {
    for (let i = line + dir; i >= 0 && i < lines.length; i += dir) {
      const m = /^\s*-\s*["']?([\w-]+)/.exec(lines[i]);
      if (!m) break;
      out.push(m[1]);
    }
  }
  return out;
}
