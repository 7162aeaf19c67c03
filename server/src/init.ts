// `starlint init`: sets up a story bank in the current folder — an example story, a
// `.starlintrc.json`, and on request a GitHub workflow or a pre-commit configuration — through
// the same planner and writer as the VS Code command "starlint: Set Up Story Bank".
import { parseArgs } from 'node:util';
import { CI_KINDS, EXAMPLE_STORY, applySetup, planSetup } from '../../shared/setup';
import { nodeSetupFs } from '../../shared/setup-node';
import { COMPANIES } from '../../shared/domain';

export const INIT_HELP = `Usage: starlint init [--company <id>] [--ci github|pre-commit]...

Sets up a story bank in the current folder: stories/my-first-story.md (an example
to rewrite), .starlintrc.json, and with --ci a GitHub Actions workflow
(.github/workflows/starlint.yml) or a .pre-commit-config.yaml. It never
overwrites a file (it says what it skipped) and never writes outside the folder.

Options:
      --company <id>    the company you are preparing for: ${COMPANIES.join(', ')}
      --ci <kind>       github, pre-commit, or both (repeat it, or github,pre-commit)
  -h, --help            show this help
`;

/** Runs `starlint init` in `cwd`; returns the exit code (0 done, 1 a file refused, 2 usage). */
export async function runInit(argv: string[], cwd: string, out: (s: string) => void, err: (s: string) => void): Promise<number> {
  let values: { company?: string; ci?: string[]; help?: boolean };
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: { company: { type: 'string' }, ci: { type: 'string', multiple: true }, help: { type: 'boolean', short: 'h' } },
    }));
  } catch (e) {
    err(`starlint: ${(e as Error).message.split(/\.\s|\n/)[0].replace(/\.$/, '')}.\nstarlint: run "starlint init --help" for usage.\n`);
    return 2;
  }
  if (values.help) {
    out(INIT_HELP);
    return 0;
  }
  const plan = planSetup({ company: values.company, ci: values.ci });
  if (plan.problems.length) {
    for (const p of plan.problems) err(`starlint: ${p}\n`);
    return 2;
  }
  const result = await applySetup(plan.files, nodeSetupFs(cwd));
  const width = Math.max(...plan.files.map((f) => f.path.length));
  const lines = [
    ...result.created.map((f) => `  created  ${f.path.padEnd(width)}  ${f.purpose}`),
    ...result.skipped.map((s) => `  skipped  ${s.file.path.padEnd(width)}  ${s.reason}`),
    ...result.refused.map((s) => `  refused  ${s.file.path.padEnd(width)}  ${s.reason}`),
  ];
  out(`starlint: setting up a story bank in ${cwd}\n${lines.join('\n')}\n`);
  const wroteStory = result.created.some((f) => f.path === EXAMPLE_STORY);
  const next = [
    wroteStory ? `Next: rewrite ${EXAMPLE_STORY} as one of your own stories, then run \`npx starlint\`.` : 'Next: run `npx starlint` to lint your stories.',
  ];
  if (values.ci?.length && result.created.some((f) => f.path === '.pre-commit-config.yaml'))
    next.push('Then run `pre-commit install` once, so each commit is checked.');
  if (!values.ci?.length) next.push(`For CI, add ${CI_KINDS.map((k) => `\`--ci ${k}\``).join(' or ')} to \`starlint init\`.`);
  out(`\n${next.join('\n')}\n`);
  return result.refused.length ? 1 : 0;
}
