// The story bank as the CLI reads it: each file with the nearest .starlintrc.json upward from it
// (or --config for all), the bank judged with the configuration of the folder that holds every
// file — the same reading `starlint --bank` does (cli.ts shares these helpers), ending in the
// engine's analyzeBank. The subcommands drill and match call loadBank. Problems come back as
// lines for stderr, never thrown.
import { dirname, resolve } from 'node:path';
import { analyzeBank, lintText, type BankReport, type LintResult, type ResolvedConfig } from '../engine';
import { some } from '../../../shared/wording';
import { ConfigLookup, type ConfigFileProblem, type FolderConfig } from './config-files';
import { collectFiles, displayPath, readTextFile } from './files';
import { relativeInside } from './globs';

export interface LoadedFile {
  /** Absolute path. */
  path: string;
  /** As the CLI prints it (relative to the current folder). */
  display: string;
  /** The text linted: what a practice log edits, and what the file must still hold to be edited. */
  text: string;
  result: LintResult;
  /** The configuration the file was linted with. */
  config: ResolvedConfig;
}

export interface LoadedBank {
  files: LoadedFile[];
  /** The bank; each story's `uri` is its file's display path. */
  report: BankReport;
  /** The configuration the bank is judged with: its themes, target company and words per minute. */
  config: ResolvedConfig;
  /** Notes for stderr (files skipped, unreadable folders, mixed configurations); the bank is usable. */
  notes: string[];
}

export interface BankLoadOptions {
  cwd: string;
  /** --config: this file for every file instead of the nearest .starlintrc.json upward from each. */
  configPath?: string;
  today: string;
}

/** Each problem of the configuration files at file:line:column, then what to do; empty when none has one. */
export function brokenConfigLines(files: { path: string; problems: ConfigFileProblem[] }[], cwd: string): string[] {
  const lines: string[] = [];
  for (const { path, problems } of files) {
    if (problems.length === 0) continue;
    const shown = displayPath(path, cwd);
    for (const p of problems) lines.push(`${shown}:${p.line}:${p.column}: ${p.message}`);
    lines.push(`starlint: the configuration file ${shown} has ${some(problems.length, 'problem')}; fix it and run again.`);
  }
  return lines;
}

/** The deepest folder that holds every one of `dirs` (`fallback` when there are none). */
export function commonFolder(dirs: string[], fallback: string): string {
  if (dirs.length === 0) return fallback;
  let common = dirs[0];
  for (const dir of dirs.slice(1)) {
    while (common !== dirname(common) && dir !== common && relativeInside(common, dir) === undefined) common = dirname(common);
  }
  return common;
}

/** Says so when files of the bank have configurations of their own, which the bank-wide judgement does not use. */
export function mixedConfigNote(bank: FolderConfig, bankFolder: string, fileConfigs: FolderConfig[], cwd: string): string | undefined {
  const others = new Set(fileConfigs.map((c) => c.path).filter((p) => p !== bank.path));
  if (others.size === 0) return undefined;
  const list = [...others].map((p) => (p ? displayPath(p, cwd) : 'the defaults')).join(', ');
  const used = bank.path ? displayPath(bank.path, cwd) : 'the default configuration';
  return `the bank is judged with ${used}, the configuration of the folder ${displayPath(bankFolder, cwd)} that holds every file; ${list} ${others.size === 1 ? 'configures' : 'configure'} only the findings of ${others.size === 1 ? 'its' : 'their'} own stories.`;
}

/** Reads the bank under `patterns` (the current folder when empty); `{ errors }` for a usage or configuration error. */
export function loadBank(patterns: string[], o: BankLoadOptions): LoadedBank | { errors: string[] } {
  const fixed = o.configPath !== undefined ? resolve(o.cwd, o.configPath) : undefined;
  const configs = new ConfigLookup(o.cwd, fixed);
  if (fixed !== undefined) {
    configs.forDir(o.cwd);
    const broken = brokenConfigLines(configs.read(), o.cwd);
    if (broken.length) return { errors: broken };
  }
  const collected = collectFiles(patterns.length ? patterns : ['.'], o.cwd, (dir) => configs.forDir(dir));
  const notes = collected.problems.map((p) => `starlint: ${p.path}: ${p.message}`);
  if (collected.problems.some((p) => p.fatal)) return { errors: notes };
  const dirs = collected.files.map((path) => dirname(path));
  const bankFolder = commonFolder(dirs, o.cwd);
  const bankConfig = configs.forDir(bankFolder);
  const fileConfigs = dirs.map((dir) => configs.forDir(dir));
  const broken = brokenConfigLines(configs.read(), o.cwd);
  if (broken.length) return { errors: broken };
  if (fixed === undefined) {
    const mixed = mixedConfigNote(bankConfig, bankFolder, fileConfigs, o.cwd);
    if (mixed) notes.push(`starlint: ${mixed}`);
  }
  const files: LoadedFile[] = [];
  collected.files.forEach((path, i) => {
    const display = displayPath(path, o.cwd);
    const read = readTextFile(path);
    if (read.skipped !== undefined) {
      notes.push(`starlint: ${display}: ${read.skipped}`);
      return;
    }
    if (read.note) notes.push(`starlint: ${display}: ${read.note}`);
    const config = fileConfigs[i].config;
    const result = lintText(read.text, config, { today: o.today });
    if (result.doc.limited === 'binary') return;
    files.push({ path, display, text: read.text, result, config });
  });
  const report = analyzeBank(
    files.map((f) => ({ uri: f.display, result: f.result })),
    bankConfig.config,
    o.today,
  );
  return { files, report, config: bankConfig.config, notes };
}
