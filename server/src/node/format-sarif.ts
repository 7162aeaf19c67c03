// `--format sarif`: one SARIF 2.1.0 log with one run, for GitHub code scanning and other viewers.
// Every rule is listed in tool.driver.rules; results point at files relative to %SRCROOT% (the
// working directory). A bank-wide finding has no file, and so no location (SARIF allows that).
import { pathToFileURL } from 'node:url';
import { ALL_RULES, DOCS_BASE, ruleDocsUrl, type Severity } from '../engine';
import type { CliFinding } from './report';

export const SARIF_SCHEMA = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };

/** The project's home page, derived from the rule docs base (…/blob/main/docs/rules/). */
export const INFORMATION_URI = DOCS_BASE.replace(/\/blob\/.*$/, '');

/** A relative path as a URI reference: each segment percent-encoded, slashes kept. */
export function toUriReference(path: string): string {
  return path
    .split('/')
    .map((segment) => (segment === '..' || segment === '.' ? segment : encodeURIComponent(segment)))
    .join('/');
}

export function formatSarif(findings: CliFinding[], options: { version: string; cwd: string }): string {
  const ruleIndex = new Map(ALL_RULES.map((r, i) => [r.id, i]));
  const rules = ALL_RULES.map((r) => ({
    id: r.id,
    shortDescription: { text: r.description },
    fullDescription: { text: r.rationale },
    helpUri: ruleDocsUrl(r.id),
    defaultConfiguration: { level: LEVEL[r.severity] },
  }));
  const results = findings.map((f) => {
    const result: Record<string, unknown> = {
      ruleId: f.rule,
      level: LEVEL[f.severity],
      message: { text: f.message },
    };
    const index = ruleIndex.get(f.rule);
    if (index !== undefined) result.ruleIndex = index;
    if (f.file !== null) {
      result.locations = [
        {
          physicalLocation: {
            artifactLocation: { uri: toUriReference(f.file), uriBaseId: '%SRCROOT%' },
            region: { startLine: f.line, startColumn: f.column, endLine: f.endLine, endColumn: f.endColumn },
          },
        },
      ];
    }
    return result;
  });
  const srcRoot = pathToFileURL(options.cwd).href.replace(/\/?$/, '/');
  const log = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'starlint', version: options.version, semanticVersion: options.version, informationUri: INFORMATION_URI, rules } },
        originalUriBaseIds: { '%SRCROOT%': { uri: srcRoot } },
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
  return JSON.stringify(log, null, 2);
}
