// The story templates of "starlint: New Story" and `starlint init`. They are the story snippets
// of snippets/starlint.json, so a template and its snippet never drift apart. Pure: no vscode, no
// Node APIs; shared by the extension and the command line.
import snippets from '../snippets/starlint.json';

/** A snippet as VS Code's snippet files declare it. */
export interface Snippet {
  prefix: string | string[];
  body: string | string[];
  description?: string;
}

export interface Template {
  id: string;
  /** The snippet's name in snippets/starlint.json. */
  snippet: string;
  label: string;
  /** The category a story from this template most likely has. */
  category?: string;
  /** The question themes such a story usually answers. */
  questions: string[];
}

/** The snippets of snippets/starlint.json, by name (bundled: nothing is read at run time). */
export const SNIPPETS: Record<string, Snippet> = snippets;

export const TEMPLATES: Template[] = [
  { id: 'basic', snippet: 'STAR story (basic)', label: 'Basic STAR story', questions: [] },
  { id: 'ml', snippet: 'ML project story', label: 'ML project story', category: 'project', questions: ['challenging-project'] },
  { id: 'failure', snippet: 'Failure story', label: 'Failure story', category: 'failure', questions: ['failure'] },
  { id: 'collaboration', snippet: 'Collaboration story', label: 'Collaboration story', category: 'collaboration', questions: ['cross-functional'] },
];

/**
 * A snippet body as plain text: each placeholder becomes its default text, a choice its first
 * option, a tab stop nothing, and the date variables today's values.
 */
export function snippetText(body: string | string[], now = new Date()): string {
  const text = Array.isArray(body) ? body.join('\n') : body;
  const vars: Record<string, string> = {
    CURRENT_YEAR: String(now.getFullYear()),
    CURRENT_MONTH: String(now.getMonth() + 1).padStart(2, '0'),
    CURRENT_DATE: String(now.getDate()).padStart(2, '0'),
  };
  // Escaped characters (`\$`, `\}`, `\\`) stand aside as private-use characters until the end.
  const escapes = ['$', '}', '\\'];
  let out = text.replace(/\\([$}\\])/g, (_, c: string) => String.fromCharCode(0xe000 + escapes.indexOf(c)));
  out = out.replace(/\$([A-Z_]+)\b/g, (m, v: string) => vars[v] ?? m);
  // Innermost first, so nested placeholders (`${1:a ${2:b}}`) resolve from the inside out.
  for (let guard = 0; guard < 20; guard++) {
    const next = out
      .replace(/\$\{\d+:([^${}]*)\}/g, '$1')
      .replace(/\$\{\d+\|([^|]*?)(?:,[^|]*)?\|\}/g, '$1')
      .replace(/\$\{([A-Z_]+)(?::([^${}]*))?\}/g, (_, v: string, d?: string) => vars[v] ?? d ?? '')
      .replace(/\$\{\d+\}/g, '');
    if (next === out) break;
    out = next;
  }
  return out.replace(/\$\d+/g, '').replace(/[\ue000-\ue002]/g, (c) => escapes[c.charCodeAt(0) - 0xe000]);
}

export interface NewStory {
  title: string;
  category?: string;
  questions: string[];
  /** The template's snippet body (see `templateBody`). */
  body: string | string[];
  now?: Date;
}

/** A template's snippet body. */
export function templateBody(template: Template): string | string[] {
  return SNIPPETS[template.snippet]?.body ?? '';
}

/** The text of a new story file: front matter, then the template with the title filled in. */
export function newStoryText(story: NewStory): string {
  const now = story.now ?? new Date();
  const month = `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}`;
  const lines = ['---', `title: ${yamlString(story.title)}`];
  if (story.category) lines.push(`category: ${story.category}`);
  lines.push(`questions: [${story.questions.join(', ')}]`, `date: ${month}`, 'practiced: []', '---', '');
  const body = snippetText(story.body, now).replace(/^#\s+.*$/m, () => `# ${story.title.replace(/\s+/g, ' ').trim()}`);
  return `${lines.join('\n')}\n${body.replace(/\s*$/, '\n')}`;
}

/** A YAML scalar for any title: bare when that is safe, double-quoted (JSON rules) otherwise. */
function yamlString(s: string): string {
  const flat = s.replace(/\s+/g, ' ').trim();
  return /^[A-Za-z0-9][\w .,'()&/–—-]*$/.test(flat) && !/[:#]/.test(flat) && !/^(true|false|null|yes|no|on|off|~)$/i.test(flat) ? flat : JSON.stringify(flat);
}
