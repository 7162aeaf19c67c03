// Setting up a story bank: the files `starlint init` and the VS Code command "starlint: Set Up
// Story Bank" write into a folder — an example story, a `.starlintrc.json`, and on request a CI
// workflow or a pre-commit configuration. One function plans them (pure), one writes them through
// a small file-system interface that the command line and the extension each implement, so both
// follow the same two promises: an existing file is never overwritten (it is reported as skipped,
// with the reason), and nothing is written outside the folder (a path through a symbolic link that
// leads elsewhere is refused).
import { COMPANIES } from './domain';
import { TEMPLATES, newStoryText, templateBody } from './templates';

export const CI_KINDS = ['github', 'pre-commit'] as const;
export type CiKind = (typeof CI_KINDS)[number];

export interface SetupOptions {
  /** A target company id (amazon, google, meta, anthropic, openai) for `targetCompany`. */
  company?: string;
  /** The CI files to add. */
  ci?: readonly string[];
  /** Today, for the example story's `date` (default: now). */
  now?: Date;
}

export interface SetupFile {
  /** Where the file goes, relative to the folder being set up, with `/` separators. */
  path: string;
  text: string;
  /** What the file is for, in a few words. */
  purpose: string;
  /** What to do by hand when the file already exists. */
  ifExists?: string;
}

export interface SetupPlan {
  files: SetupFile[];
  /** Why the options cannot be used (an unknown company or CI kind); no file is planned then. */
  problems: string[];
}

export const EXAMPLE_STORY = 'stories/my-first-story.md';
export const DOCS = 'https://github.com/starlint/starlint/blob/main/docs';

/** The files a new story bank starts with, or the problems with the options. */
export function planSetup(options: SetupOptions = {}): SetupPlan {
  const problems: string[] = [];
  const company = options.company?.trim().toLowerCase() || undefined;
  if (company !== undefined && !(COMPANIES as readonly string[]).includes(company)) {
    problems.push(`Unknown company "${options.company}": use one of ${COMPANIES.join(', ')}.`);
  }
  const ci = [
    ...new Set(
      (options.ci ?? [])
        .flatMap((c) => c.split(','))
        .map((c) => c.trim().toLowerCase())
        .filter(Boolean),
    ),
  ];
  for (const c of ci) if (!(CI_KINDS as readonly string[]).includes(c)) problems.push(`Unknown CI "${c}": use ${CI_KINDS.join(' or ')}.`);
  if (problems.length) return { files: [], problems };

  const template = TEMPLATES.find((t) => t.id === 'basic')!;
  const files: SetupFile[] = [
    {
      path: EXAMPLE_STORY,
      text: newStoryText({ title: 'My first story', questions: template.questions, body: templateBody(template), now: options.now }),
      purpose: 'an example story: replace each prompt with your own story',
    },
    {
      path: '.starlintrc.json',
      text: configText(company),
      purpose: company ? `settings: target company ${company}` : 'settings',
      ifExists: company ? `add "targetCompany": "${company}" to it yourself` : undefined,
    },
  ];
  if (ci.includes('github'))
    files.push({ path: '.github/workflows/starlint.yml', text: GITHUB_WORKFLOW, purpose: 'GitHub Actions: lint the stories on every push and pull request' });
  if (ci.includes('pre-commit')) {
    files.push({
      path: '.pre-commit-config.yaml',
      text: PRE_COMMIT_CONFIG,
      purpose: 'pre-commit: lint the stories you commit (run `pre-commit install` once)',
      ifExists: 'add the starlint hook to it yourself (see docs/ci.md)',
    });
  }
  return { files, problems };
}

function configText(company: string | undefined): string {
  const lines = ['{', `  // starlint's settings. Every key: ${DOCS}/configuration.md`];
  if (company) lines.push(`  "targetCompany": "${company}",`);
  lines.push('  "rules": {}', '}', '');
  return lines.join('\n');
}

const GITHUB_WORKFLOW = `# Lints the STAR stories in this repository on every push and pull request; findings appear as
# annotations on the changed lines. Inputs: ${DOCS}/ci.md
name: starlint
on:
  push:
    paths: ['**.md', '**.markdown', '.starlintrc.json', '.github/workflows/starlint.yml']
  pull_request:
    paths: ['**.md', '**.markdown', '.starlintrc.json', '.github/workflows/starlint.yml']
permissions:
  contents: read
jobs:
  starlint:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      # starlint is not on the npm registry yet: the Action builds it from its own source at the
      # ref below. Pin a commit SHA for a build that never changes under you.
      - uses: starlint/starlint@main
        with:
          bank: true
`;

const PRE_COMMIT_CONFIG = `# Lints the STAR stories you commit; a story with an error-severity finding blocks the commit.
# Run \`pre-commit install\` once. More: ${DOCS}/ci.md
repos:
  - repo: https://github.com/starlint/starlint
    # starlint has no release tag yet: \`pre-commit autoupdate\` pins the newest commit here.
    rev: main
    hooks:
      - id: starlint
`;

/** What a setup writer needs from a file system; paths are relative to the folder being set up. */
export interface SetupFs {
  /** What is at the path, not following a symbolic link there. */
  kind(path: string): Promise<'missing' | 'file' | 'folder' | 'link' | 'other'>;
  /** Whether the path, its links followed, leads inside the folder; undefined for a dangling link. */
  leadsInside(path: string): Promise<boolean | undefined>;
  /** Creates one folder (its parent exists). */
  makeFolder(path: string): Promise<void>;
  /** Creates a new file; 'exists' (and no write) when something is already at the path. */
  createFile(path: string, text: string): Promise<'created' | 'exists'>;
}

export interface SetupResult {
  created: SetupFile[];
  skipped: { file: SetupFile; reason: string }[];
  /** Files not written for safety or because of an error: a link leading outside, a file in the way. */
  refused: { file: SetupFile; reason: string }[];
}

/** Writes the planned files that are not there yet; never overwrites, never leaves the folder. */
export async function applySetup(files: readonly SetupFile[], fs: SetupFs): Promise<SetupResult> {
  const result: SetupResult = { created: [], skipped: [], refused: [] };
  for (const file of files) {
    try {
      const outcome = await writeOne(file, fs);
      if (outcome === 'created') result.created.push(file);
      else if (outcome.refused) result.refused.push({ file, reason: outcome.reason });
      else result.skipped.push({ file, reason: outcome.reason });
    } catch (e) {
      result.refused.push({ file, reason: e instanceof Error ? e.message : String(e) });
    }
  }
  return result;
}

type Outcome = 'created' | { refused: boolean; reason: string };

async function writeOne(file: SetupFile, fs: SetupFs): Promise<Outcome> {
  const parts = file.path.split('/');
  if (parts.some((p) => p === '' || p === '.' || p === '..')) return { refused: true, reason: 'not a plain path inside the folder' };
  // Every step of the path, folders first: each must be missing (then it is made), a folder, or
  // a link that leads back inside the folder.
  for (let i = 0; i < parts.length; i++) {
    const path = parts.slice(0, i + 1).join('/');
    const last = i === parts.length - 1;
    let kind = await fs.kind(path);
    if (kind === 'link') {
      const inside = await fs.leadsInside(path);
      if (inside === undefined) return { refused: true, reason: `${path} is a symbolic link that leads nowhere` };
      if (!inside) return { refused: true, reason: `${path} is a symbolic link that leads outside this folder` };
      if (last) return { refused: false, reason: 'already exists (a link)' };
      continue;
    }
    if (last) {
      if (kind !== 'missing') return { refused: false, reason: alreadyThere(kind, file) };
      break;
    }
    if (kind === 'missing') {
      await fs.makeFolder(path);
      kind = 'folder';
    }
    if (kind !== 'folder') return { refused: true, reason: `${path} is a file, not a folder` };
  }
  if ((await fs.createFile(file.path, file.text)) === 'exists') return { refused: false, reason: alreadyThere('file', file) };
  return 'created';
}

function alreadyThere(kind: string, file: SetupFile): string {
  const what = kind === 'folder' ? 'a folder with this name exists' : 'already exists';
  return file.ifExists ? `${what}; ${file.ifExists}` : what;
}
