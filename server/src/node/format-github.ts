// `--format github`: GitHub Actions workflow commands, one annotation per finding, e.g.
// `::error file=a.md,line=3,col=1,endLine=3,endColumn=9,title=starlint result-metric::Result has no number…`.
// Paths are relative to the working directory: run starlint from the repository root.
import type { CliFinding } from './report';

const LEVEL = { error: 'error', warning: 'warning', info: 'notice', hint: 'notice' } as const;

/** Escapes a command's message (%, CR, LF), as the Actions runner expects. */
export function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escapes a property value: the message escapes plus ':' and ','. */
export function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export function formatGithub(findings: CliFinding[]): string {
  return findings
    .map((f) => {
      const props: string[] = [];
      if (f.file !== null) {
        props.push(`file=${escapeProperty(f.file)}`, `line=${f.line}`, `col=${f.column}`, `endLine=${f.endLine}`, `endColumn=${f.endColumn}`);
      }
      props.push(`title=${escapeProperty(`starlint ${f.rule}`)}`);
      return `::${LEVEL[f.severity]} ${props.join(',')}::${escapeData(f.message)}`;
    })
    .join('\n');
}
