// The tools under test, each behind the same two calls, so every scenario treats them alike.
// Each call returns a count of what the tool produced (findings or nodes), which the worker
// prints: it keeps the work observable, and a count of zero for a linter is a red flag.
//
// A worker process loads only the tool it measures (`loadTool`), so start-up work and peak RSS
// are that tool's own and not the sum of five linters.
export interface Tool {
  name: string;
  /** What "full lint" means for this tool, for the report. */
  does: string;
  /** Lints one document. */
  one(text: string, name: string): number;
  /** Lints a set of documents the way the tool's own CLI does for a repository. */
  many(files: Record<string, string>): number;
}

/** Loads one tool and nothing else. */
export async function loadTool(name: string): Promise<Tool> {
  switch (name) {
    case 'starlint':
      return (await import('./starlint')).starlint;
    case 'markdownlint': {
      const { lint } = await import('markdownlint/sync');
      return {
        name,
        does: 'markdownlint/sync `lint`, default config (every rule)',
        one: (text, file) => lint({ strings: { [file]: text } })[file].length,
        many: (files) => Object.values(lint({ strings: files })).reduce((n, r) => n + r.length, 0),
      };
    }
    case 'alex': {
      const { markdown } = await import('alex');
      return eachFile(name, '`markdown(text)` (remark → retext, every rule)', (text) => markdown(text).messages.length);
    }
    case 'write-good': {
      const { default: writeGood } = await import('write-good');
      return eachFile(name, '`writeGood(text)` on the raw Markdown, default checks', (text) => writeGood(text).length);
    }
    case 'remark-parse': {
      // The design's parser alone, configured as starlint configures it (CommonMark + front matter).
      const { parseMdast } = await import('../server/src/engine/syntax/tree');
      return eachFile(
        name,
        "bare `unified().use(remarkParse).use(remarkFrontmatter).parse(text)` (the engine's `parseMdast`) on the whole file: the floor of any remark-based linter, no rules",
        (text) => parseMdast(text).children.length,
      );
    }
    case 'remark-lint': {
      const { unified } = await import('unified');
      const { default: remarkParse } = await import('remark-parse');
      const { default: remarkPresetLintRecommended } = await import('remark-preset-lint-recommended');
      const { VFile } = await import('vfile');
      const processor = unified().use(remarkParse).use(remarkPresetLintRecommended).freeze();
      return eachFile(
        name,
        "`unified().use(remarkParse).use(remarkPresetLintRecommended)`: parse and run, the remark ecosystem's own linter with its recommended preset",
        (text) => {
          const file = new VFile({ value: text });
          processor.runSync(processor.parse(file), file);
          return file.messages.length;
        },
      );
    }
    default:
      throw new Error(`unknown tool ${name}`);
  }
}

/** A tool that lints a set of files one by one, as its CLI does. */
function eachFile(name: string, does: string, one: (text: string) => number): Tool {
  return {
    name,
    does,
    one,
    many(files) {
      let n = 0;
      for (const text of Object.values(files)) n += one(text);
      return n;
    },
  };
}
