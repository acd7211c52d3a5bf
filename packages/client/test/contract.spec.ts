/** The TypeScript types are generated from openapi.json; this fails when schema.ts is stale. */
import { execFileSync } from 'child_process';
import { mkdtempSync, readFileSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join, resolve } from 'path';
import { describe, expect, it } from 'vitest';

const here = resolve(__dirname, '..');
const bin = resolve(here, '../../node_modules/.bin/openapi-typescript');

describe('the generated contract', () => {
  it('src/schema.ts is what openapi-typescript makes of openapi.json', () => {
    const dir = mkdtempSync(join(tmpdir(), 'jaxlings-schema-'));
    try {
      const out = join(dir, 'schema.ts');
      execFileSync(bin, [join(here, 'openapi.json'), '-o', out], { stdio: 'pipe' });
      const fresh = readFileSync(out, 'utf8');
      const committed = readFileSync(join(here, 'src', 'schema.ts'), 'utf8');
      expect(
        committed === fresh,
        'packages/client/src/schema.ts is stale: run `jlpm workspace @jaxlings/client generate`'
      ).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
