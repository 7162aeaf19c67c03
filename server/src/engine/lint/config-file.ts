// A `.starlintrc.json` as text: parsed and checked by `parseConfigText`, with every problem placed
// at a line and column. Pure (no file system), so the CLI, the Node server and the browser server
// share it; reading the file is theirs to do.
import { findNodeAtLocation, parseTree, type Node as JsonNode } from 'jsonc-parser';
import { LineIndex } from '../syntax/lines';
import type { Span } from '../model/types';
import { parseConfigText, type StarlintConfig } from './config';

export interface ConfigFileProblem {
  message: string;
  /** 1-based line of the start. */
  line: number;
  /** 1-based column (UTF-16 code units) of the start. */
  column: number;
  /** 1-based line of the end. */
  endLine: number;
  /** 1-based column just after the end (exclusive). */
  endColumn: number;
  /** The same range as offsets [start, end) into the file's text. */
  span: Span;
  /** The JSON path of the offending value, e.g. ["rules", "first-persn"]; [] for syntax errors. */
  path: (string | number)[];
}

/** Parses configuration text and places every problem at a line and column. Never throws. */
export function parseConfigFile(text: string): { text: string; config: StarlintConfig; problems: ConfigFileProblem[] } {
  // A byte-order mark is not JSON; editors hide it, so positions are counted without it.
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const { config, problems } = parseConfigText(body);
  const lines = new LineIndex(body);
  let tree: JsonNode | undefined;
  const out = problems.map((p): ConfigFileProblem => {
    let span = p.span;
    if (!span) {
      tree ??= parseTree(body, [], { allowTrailingComma: true, disallowComments: false });
      span = spanOfPath(tree, p.path) ?? firstCharacter(body);
    }
    const start = lines.position(span.start);
    const end = lines.position(span.end);
    return { message: p.message, line: start.line + 1, column: start.character + 1, endLine: end.line + 1, endColumn: end.character + 1, span, path: p.path };
  });
  return { text: body, config, problems: out };
}

/** The span of the property at a JSON path (its key through its value), or of an array element. */
function spanOfPath(tree: JsonNode | undefined, path: (string | number)[]): Span | undefined {
  if (!tree || path.length === 0) return undefined;
  const node = findNodeAtLocation(tree, path);
  if (!node) return undefined;
  const owner = node.parent?.type === 'property' ? node.parent : node;
  return { start: owner.offset, end: owner.offset + owner.length };
}

function firstCharacter(text: string): Span {
  const start = Math.max(0, text.search(/\S/));
  return { start, end: Math.min(text.length, start + 1) };
}
