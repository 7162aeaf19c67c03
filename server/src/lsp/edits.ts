// The editor's changes since each document was last linted, merged into one changed stretch, so
// the server can re-lint a bank file's edited story alone (engine `lintEdit`). TextDocuments
// applies changes through this configuration; every change also goes to the real TextDocument.
import { TextDocument, type TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import type { TextChange } from '../engine';

interface Pending {
  /** The version the changes start from. */
  from: number;
  change?: TextChange;
  /** A change replaced the whole text: nothing to merge. */
  whole?: boolean;
}

/**
 * Merges an edit of the current text ([start, end) became `text`) into `prev`. The merged
 * change keeps its inserted text while the edits stay inside it (typing, backspacing), so the
 * engine need not read the document.
 */
export function mergeChange(prev: TextChange | undefined, start: number, end: number, text: string): TextChange {
  if (!prev) return { start, end, newEnd: start + text.length, inserted: text };
  const inside = prev.inserted !== undefined && start >= prev.start && end <= prev.newEnd;
  // Offsets past the merged stretch map to the old text shifted by what the stretch changed.
  return {
    start: Math.min(prev.start, start),
    end: end > prev.newEnd ? end + (prev.end - prev.newEnd) : prev.end,
    newEnd: Math.max(prev.newEnd, end) + text.length - (end - start),
    inserted: inside ? (prev.inserted as string).slice(0, start - prev.start) + text + (prev.inserted as string).slice(end - prev.start) : undefined,
  };
}

export class EditTracker {
  private readonly pending = new Map<string, Pending>();

  /** The TextDocuments configuration that records each change before applying it. */
  readonly documents = {
    create: (uri: string, languageId: string, version: number, content: string): TextDocument => {
      this.pending.delete(uri);
      return TextDocument.create(uri, languageId, version, content);
    },
    update: (doc: TextDocument, changes: TextDocumentContentChangeEvent[], version: number): TextDocument => {
      const rec = this.pending.get(doc.uri) ?? { from: doc.version };
      for (const c of changes) {
        if ('range' in c && c.range) {
          const start = doc.offsetAt(c.range.start);
          const end = Math.max(start, doc.offsetAt(c.range.end));
          rec.change = mergeChange(rec.change, start, end, c.text);
        } else rec.whole = true;
        doc = TextDocument.update(doc, [c], version);
      }
      this.pending.set(doc.uri, rec);
      return doc;
    },
  };

  /** The change from `version` to the document's current text, when every edit since is known. */
  since(uri: string, version: number | undefined): TextChange | undefined {
    const rec = this.pending.get(uri);
    if (!rec || rec.whole || version === undefined || rec.from !== version) return undefined;
    return rec.change;
  }

  /** The document was linted at `version`: record changes from there. */
  linted(uri: string, version: number): void {
    this.pending.set(uri, { from: version });
  }

  forget(uri: string): void {
    this.pending.delete(uri);
  }
}
