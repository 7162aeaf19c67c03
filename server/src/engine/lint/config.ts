import { parseTree, printParseErrorCode, type Node as JsonNode, type ParseError } from 'jsonc-parser';
import { CATEGORIES, COMPANIES, THEMES, closest, type Category, type Company, type Theme } from '../../../../shared/domain';
import { ALL_RULES, ruleById } from '../rules';
import { compileGlob } from './glob';
import type { AnyRule, RuleOption } from '../rules/rule';
import type { Severity, SeverityOrOff, Span } from '../model/types';

/** Configuration as a user writes it (`.starlintrc.json` or `starlint.*` settings). */
export interface StarlintConfig {
  rules?: Record<string, SeverityOrOff | ({ severity?: SeverityOrOff } & Record<string, unknown>)>;
  themes?: Theme[];
  targetCompany?: Company | '' | null;
  wordsPerMinute?: number;
  stories?: string[];
  ignore?: string[];
  redact?: string[];
  maxFileSize?: number;
  followSymlinks?: boolean;
}

/** Configuration with every default filled in; what the engine runs on. */
export interface ResolvedConfig {
  severities: Record<string, SeverityOrOff>;
  options: Record<string, Record<string, any>>;
  themes: Theme[];
  categories: Category[];
  targetCompany?: Company;
  wordsPerMinute: number;
  stories: string[];
  ignore: string[];
  redact: string[];
  maxFileSize: number;
  /** Whether a folder walk follows a symbolic link out of the folder it started in. */
  followSymlinks: boolean;
  /** A stable fingerprint of this configuration, for caches. */
  key: string;
}

export const SEVERITIES: SeverityOrOff[] = ['off', 'hint', 'info', 'warning', 'error'];

export const DEFAULTS = {
  wordsPerMinute: 150,
  stories: ['**/*.md', '**/*.markdown'],
  ignore: ['**/node_modules/**', '**/.git/**', '**/CHANGELOG.md', '**/LICENSE.md'],
  maxFileSize: 1_000_000,
  followSymlinks: false,
};

/** The largest `maxFileSize` accepted (characters); larger values are reported and capped. */
export const MAX_FILE_SIZE_LIMIT = 10_000_000;

export interface ConfigProblem {
  message: string;
  /** The JSON path of the offending value, e.g. ["rules", "first-persn"]. */
  path: (string | number)[];
  span?: Span;
}

/** Merges configuration layers, later layers winning, and fills in every default. */
export function resolveConfig(...layers: (StarlintConfig | undefined)[]): ResolvedConfig {
  const severities: Record<string, SeverityOrOff> = {};
  const options: Record<string, Record<string, any>> = {};
  for (const rule of ALL_RULES) {
    severities[rule.id] = rule.severity;
    options[rule.id] = Object.fromEntries(Object.entries(rule.options).map(([k, o]) => [k, o.default]));
  }
  const extraThemes: Theme[] = [];
  let targetCompany: Company | undefined;
  let wordsPerMinute = DEFAULTS.wordsPerMinute;
  let stories = DEFAULTS.stories;
  let ignore = DEFAULTS.ignore;
  let redact: string[] = [];
  let maxFileSize = DEFAULTS.maxFileSize;
  let followSymlinks = DEFAULTS.followSymlinks;
  for (const layer of layers) {
    if (!layer) continue;
    for (const [id, value] of Object.entries(layer.rules ?? {})) {
      if (!ruleById.has(id)) continue;
      if (typeof value === 'string') {
        if (SEVERITIES.includes(value)) severities[id] = value;
      } else if (value && typeof value === 'object') {
        const { severity, ...rest } = value;
        if (severity && SEVERITIES.includes(severity)) severities[id] = severity;
        const known = ruleById.get(id)!.options;
        for (const [k, v] of Object.entries(rest)) if (Object.hasOwn(known, k) && optionFits(known[k], v)) options[id][k] = v;
      }
    }
    // A layer may come straight from a file with problems: read only values of the right type.
    for (const t of Array.isArray(layer.themes) ? layer.themes : []) {
      if (t && typeof t.id === 'string' && !extraThemes.some((e) => e.id === t.id) && !THEMES.some((e) => e.id === t.id)) {
        extraThemes.push({ id: t.id, question: typeof t.question === 'string' ? t.question : t.id });
      }
    }
    if (layer.targetCompany !== undefined) {
      const c = String(layer.targetCompany ?? '').toLowerCase();
      targetCompany = (COMPANIES as readonly string[]).includes(c) ? (c as Company) : undefined;
    }
    if (typeof layer.wordsPerMinute === 'number' && layer.wordsPerMinute > 0) wordsPerMinute = layer.wordsPerMinute;
    // A glob the matcher refuses is reported by validateConfig and left out here.
    const usable = (globs: unknown[], dot: boolean) => globs.filter((g): g is string => typeof g === 'string' && compileGlob(g, { dot }).ok);
    const ownStories = Array.isArray(layer.stories) ? usable(layer.stories, false) : [];
    if (ownStories.length) stories = ownStories;
    if (Array.isArray(layer.ignore)) ignore = [...DEFAULTS.ignore, ...usable(layer.ignore, true)];
    if (Array.isArray(layer.redact)) redact = layer.redact.filter((s) => typeof s === 'string' && s.trim() !== '');
    if (typeof layer.maxFileSize === 'number' && layer.maxFileSize > 0) maxFileSize = Math.min(layer.maxFileSize, MAX_FILE_SIZE_LIMIT);
    if (typeof layer.followSymlinks === 'boolean') followSymlinks = layer.followSymlinks;
  }
  const resolved: Omit<ResolvedConfig, 'key'> = {
    severities,
    options,
    themes: [...THEMES, ...extraThemes],
    categories: CATEGORIES,
    targetCompany,
    wordsPerMinute,
    stories,
    ignore,
    redact,
    maxFileSize,
    followSymlinks,
  };
  return { ...resolved, key: JSON.stringify(resolved) };
}

/** Whether a value fits an option: its type and a number's range. validateConfig reports a misfit; the default stays. */
function optionFits(option: RuleOption, v: unknown): boolean {
  return (
    optionValid(option.type, v) &&
    !(typeof v === 'number' && ((option.minimum !== undefined && v < option.minimum) || (option.maximum !== undefined && v > option.maximum)))
  );
}

function optionValid(type: string, v: unknown): boolean {
  switch (type) {
    case 'number':
      return typeof v === 'number' && Number.isFinite(v);
    case 'string':
      return typeof v === 'string';
    case 'boolean':
      return typeof v === 'boolean';
    case 'string[]':
      return Array.isArray(v) && v.every((x) => typeof x === 'string');
  }
  return false;
}

/**
 * Parses the text of a `.starlintrc.json` (JSON with comments) and checks it against the
 * schema. Returns the configuration it could read and every problem with its span, so a
 * broken file still yields the valid parts and never throws.
 */
export function parseConfigText(text: string): { config: StarlintConfig; problems: ConfigProblem[] } {
  const errors: ParseError[] = [];
  const tree = parseTree(text, errors, { allowTrailingComma: true, disallowComments: false });
  const raw = tree && dataOf(tree);
  const problems: ConfigProblem[] = errors.map((e) => ({
    message: `Invalid JSON: ${describeJsonError(printParseErrorCode(e.error))}.`,
    path: [],
    span: { start: e.offset, end: e.offset + Math.max(1, e.length) },
  }));
  if (errors.length) return { config: {}, problems };
  if (raw === undefined || raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    problems.push({ message: 'The configuration must be a JSON object, e.g. { "rules": { "hedging": "off" } }.', path: [] });
    return { config: {}, problems };
  }
  problems.push(...validateConfig(raw));
  return { config: raw as StarlintConfig, problems };
}

/**
 * The value of a JSON tree as plain data. Every key becomes an own property, "__proto__" too:
 * assigning it, as JSON-with-comments parsers do, would set the object's prototype instead, and
 * settings inherited from that prototype would bypass validation.
 */
function dataOf(node: JsonNode): unknown {
  if (node.type === 'array') return (node.children ?? []).map(dataOf);
  if (node.type !== 'object') return node.value;
  const out: Record<string, unknown> = {};
  for (const property of node.children ?? []) {
    const [key, value] = property.children ?? [];
    if (key && value) Object.defineProperty(out, String(key.value), { value: dataOf(value), enumerable: true, writable: true, configurable: true });
  }
  return out;
}

function describeJsonError(code: string): string {
  const words: Record<string, string> = {
    InvalidSymbol: 'unexpected character',
    InvalidNumberFormat: 'invalid number',
    PropertyNameExpected: 'a property name in double quotes was expected',
    ValueExpected: 'a value was expected',
    ColonExpected: 'a colon was expected',
    CommaExpected: 'a comma was expected',
    CloseBraceExpected: 'a closing brace } was expected',
    CloseBracketExpected: 'a closing bracket ] was expected',
    EndOfFileExpected: 'unexpected text after the end of the object',
    UnexpectedEndOfComment: 'a comment is not closed',
    UnexpectedEndOfString: 'a string is not closed',
    UnexpectedEndOfNumber: 'a number is not complete',
    InvalidUnicode: 'invalid unicode escape',
    InvalidEscapeCharacter: 'invalid escape character',
    InvalidCharacter: 'invalid character',
  };
  return words[code] ?? code;
}

/** Checks a parsed configuration object; returns one problem per offending value. */
export function validateConfig(raw: Record<string, any>): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  const known = ['$schema', 'rules', 'themes', 'targetCompany', 'wordsPerMinute', 'stories', 'ignore', 'redact', 'maxFileSize', 'followSymlinks'];
  for (const key of Object.keys(raw)) {
    if (!known.includes(key)) problems.push({ message: `Unknown setting "${key}". Known settings: ${known.slice(1).join(', ')}.`, path: [key] });
  }
  if (raw.rules !== undefined) {
    if (typeof raw.rules !== 'object' || raw.rules === null || Array.isArray(raw.rules)) {
      problems.push({ message: '"rules" must be an object of rule ids to severities or option objects.', path: ['rules'] });
    } else {
      for (const [id, value] of Object.entries(raw.rules)) {
        const rule = ruleById.get(id);
        if (!rule) {
          const hint = closestRule(id);
          problems.push({ message: `Unknown rule "${id}".${hint ? ` Did you mean "${hint}"?` : ''}`, path: ['rules', id] });
          continue;
        }
        checkRuleValue(rule, value, problems);
      }
    }
  }
  if (raw.themes !== undefined) {
    if (!Array.isArray(raw.themes)) problems.push({ message: '"themes" must be an array of { "id", "question" } objects.', path: ['themes'] });
    else
      raw.themes.forEach((t: any, i: number) => {
        if (!t || typeof t.id !== 'string' || !/^[a-z0-9][a-z0-9-]*$/.test(t.id) || (t.question !== undefined && typeof t.question !== 'string')) {
          problems.push({ message: 'Each theme needs an "id" in kebab-case (e.g. "scaling") and a "question".', path: ['themes', i] });
        }
      });
  }
  if (
    raw.targetCompany !== undefined &&
    raw.targetCompany !== null &&
    raw.targetCompany !== '' &&
    !(COMPANIES as readonly string[]).includes(String(raw.targetCompany).toLowerCase())
  ) {
    problems.push({ message: `"targetCompany" must be one of ${COMPANIES.join(', ')}.`, path: ['targetCompany'] });
  }
  if (raw.wordsPerMinute !== undefined && !(typeof raw.wordsPerMinute === 'number' && raw.wordsPerMinute >= 60 && raw.wordsPerMinute <= 300)) {
    problems.push({ message: '"wordsPerMinute" must be a number between 60 and 300 (default 150).', path: ['wordsPerMinute'] });
  }
  if (raw.maxFileSize !== undefined && !(typeof raw.maxFileSize === 'number' && raw.maxFileSize > 0 && raw.maxFileSize <= MAX_FILE_SIZE_LIMIT)) {
    problems.push({
      message: `"maxFileSize" must be a positive number of characters, at most ${MAX_FILE_SIZE_LIMIT.toLocaleString('en-US')} (default ${DEFAULTS.maxFileSize.toLocaleString('en-US')}).`,
      path: ['maxFileSize'],
    });
  }
  if (raw.followSymlinks !== undefined && typeof raw.followSymlinks !== 'boolean') {
    problems.push({ message: '"followSymlinks" must be true or false (default false).', path: ['followSymlinks'] });
  }
  for (const key of ['stories', 'ignore', 'redact']) {
    if (raw[key] !== undefined && !(Array.isArray(raw[key]) && raw[key].every((s: unknown) => typeof s === 'string'))) {
      problems.push({ message: `"${key}" must be an array of strings.`, path: [key] });
    }
  }
  for (const key of ['stories', 'ignore']) {
    if (!Array.isArray(raw[key])) continue;
    raw[key].forEach((glob: unknown, i: number) => {
      if (typeof glob !== 'string') return;
      const check = compileGlob(glob, { dot: key === 'ignore' });
      if (!check.ok) problems.push({ message: `${check.message} This glob is not used.`, path: [key, i] });
    });
  }
  return problems;
}

function checkRuleValue(rule: AnyRule, value: unknown, problems: ConfigProblem[]): void {
  const path = ['rules', rule.id];
  if (typeof value === 'string') {
    if (!SEVERITIES.includes(value as SeverityOrOff)) problems.push({ message: `Severity of "${rule.id}" must be one of ${SEVERITIES.join(', ')}.`, path });
    return;
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    problems.push({ message: `"${rule.id}" must be a severity (${SEVERITIES.join(', ')}) or an object with "severity" and options.`, path });
    return;
  }
  for (const [k, v] of Object.entries(value)) {
    if (k === 'severity') {
      if (!SEVERITIES.includes(v as SeverityOrOff))
        problems.push({ message: `Severity of "${rule.id}" must be one of ${SEVERITIES.join(', ')}.`, path: [...path, k] });
      continue;
    }
    const option = Object.hasOwn(rule.options, k) ? rule.options[k] : undefined;
    if (!option) {
      const names = Object.keys(rule.options);
      problems.push({
        message: `Rule "${rule.id}" has no option "${k}".${names.length ? ` Its options: ${names.join(', ')}.` : ' It takes no options.'}`,
        path: [...path, k],
      });
    } else if (!optionValid(option.type, v)) {
      problems.push({ message: `Option "${k}" of "${rule.id}" must be of type ${option.type}.`, path: [...path, k] });
    } else if (typeof v === 'number' && ((option.minimum !== undefined && v < option.minimum) || (option.maximum !== undefined && v > option.maximum))) {
      const range =
        option.maximum === undefined
          ? `at least ${option.minimum}`
          : option.minimum === undefined
            ? `at most ${option.maximum}`
            : `between ${option.minimum} and ${option.maximum}`;
      problems.push({ message: `Option "${k}" of "${rule.id}" must be ${range}.`, path: [...path, k] });
    }
  }
}

function closestRule(id: string): string | undefined {
  return closest(
    id,
    ALL_RULES.map((r) => r.id),
  );
}

export type { Severity };
