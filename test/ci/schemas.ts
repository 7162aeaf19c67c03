// Validation against the vendored SchemaStore schemas (test/fixtures/schemas, see its README).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv, { type ValidateFunction } from 'ajv';

const DIR = join(__dirname, '..', 'fixtures', 'schemas');
const compiled = new Map<string, ValidateFunction>();

/** Validates data against `github-action.json` or `github-workflow.json`; returns the errors, [] when valid. */
export function schemaErrors(schema: 'github-action' | 'github-workflow', data: unknown): string[] {
  let validate = compiled.get(schema);
  if (!validate) {
    // The schemas' patterns are written for non-Unicode regular expressions, as SchemaStore's own tests run them.
    const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
    validate = ajv.compile(JSON.parse(readFileSync(join(DIR, `${schema}.json`), 'utf8')));
    compiled.set(schema, validate);
  }
  return validate(data) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message} ${JSON.stringify(e.params)}`);
}
