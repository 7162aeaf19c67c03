// The example bank: real stories to damage, to lint for safety, and to fill the caches with.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

export const BANK_DIR = join(__dirname, '..', '..', 'examples', 'story-bank');

export const BANK: { name: string; text: string }[] = readdirSync(BANK_DIR)
  .filter((name) => name.endsWith('.md'))
  .sort()
  .map((name) => ({ name, text: readFileSync(join(BANK_DIR, name), 'utf8') }));
