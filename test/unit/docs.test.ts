/**
 * The documentation keeps up with the code: every error code is explained in docs/api.md and every
 * configuration variable the code reads is listed in the README.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../../src/domain/errors.js';

describe('documentation', () => {
  it('docs/api.md explains every error code with its status', () => {
    const api = readFileSync('docs/api.md', 'utf8');
    for (const [code, status] of Object.entries(ERROR_CODES)) {
      expect(api, code).toMatch(new RegExp(`\\| \`${code.replace('.', '\\.')}\` \\| ${status} \\|`));
    }
  });

  it('the README lists every environment variable the configuration reads', () => {
    const readme = readFileSync('README.md', 'utf8');
    const sources = ['src/config.ts', 'src/app.ts', 'src/cli/index.ts'].map((f) => readFileSync(f, 'utf8')).join('\n');
    const names = new Set([...sources.matchAll(/(?:env|process\.env)(?:\.|\[')([A-Z_]{3,})/g)].map((m) => m[1]!));
    names.add('PORT');
    for (const name of ['PORT', 'HOST', 'DATA_DIR', 'DATABASE_URL', 'PUBLIC_URL', 'SMTP_URL', 'SMTP_FROM', 'REDIS_URL', 'LOG_LEVEL']) names.add(name);
    for (const name of names) expect(readme, name).toContain(`\`${name}\``);
  });
});
