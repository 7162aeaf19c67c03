// Recording a practice session: the engine's `markPracticedEdit` (today's date appended to the
// story's `practiced` list, every other byte of the metadata kept) as an LSP workspace edit.
import { TextDocumentEdit, type WorkspaceEdit } from 'vscode-languageserver';
import { markPracticedEdit, practiceStatus, type PracticeStatus, type Story } from '../engine';
import type { MarkPracticedArgs } from '../../../shared/protocol';
import type { Analysis } from './analysis';
import { toRange } from './convert';

export interface PracticedEdit {
  /** Undefined when the date is logged already. */
  edit?: WorkspaceEdit;
  /** The story's schedule once the date is logged. */
  practice: PracticeStatus;
}

export interface PracticedEditOptions {
  today: string;
  /** The client takes versioned `documentChanges`: the edit then applies only to the text it was made for. */
  documentChanges: boolean;
}

export function markPracticed(a: Analysis, story: Story, date: string, o: PracticedEditOptions): PracticedEdit {
  const practice = practiceStatus([...(story.meta.practiced ?? []), date], o.today);
  const e = markPracticedEdit(a.text, story, date);
  if (!e) return { practice };
  const edits = [{ range: toRange(a.result.lines, e), newText: e.text }];
  const edit: WorkspaceEdit = o.documentChanges
    ? { documentChanges: [TextDocumentEdit.create({ uri: a.uri, version: a.version ?? null }, edits)] }
    : { changes: { [a.uri]: edits } };
  return { edit, practice };
}

/** A real calendar date as YYYY-MM-DD (not 2026-02-30). */
function isDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

/**
 * The command's arguments, given as one object (`{ uri, story, date? }`) or in that order
 * (`uri, story, date?`); a message saying what is wrong otherwise.
 */
export function markPracticedArgs(args: unknown[]): MarkPracticedArgs | string {
  const first = args[0];
  const raw = first && typeof first === 'object' ? (first as Record<string, unknown>) : { uri: args[0], story: args[1], date: args[2] };
  const { uri, story, date } = raw;
  if (typeof uri !== 'string' || !uri) return "the first argument is the story file's URI (or { uri, story, date }).";
  if (typeof story !== 'number' || !Number.isInteger(story) || story < 0) return 'the story index (BankStory.index) is a whole number.';
  if (date !== undefined && date !== null && (typeof date !== 'string' || !isDate(date))) return `the date is YYYY-MM-DD (got ${JSON.stringify(date)}).`;
  return { uri, story, date: typeof date === 'string' ? date : undefined };
}
