/**
 * The console's API types are generated from the OpenAPI document and committed as source; when a
 * route's schema changes they must be generated again, or the console compiles against an API that
 * no longer exists.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { consoleTypes, SCHEMA_FILE } from '../../console/scripts/openapi-types.js';

describe('console API types', () => {
  it('console/src/api/schema.d.ts matches the current OpenAPI document (run `npm run console:types` when it does not)', async () => {
    const committed = readFileSync(SCHEMA_FILE, 'utf8');
    const current = await consoleTypes();
    expect(committed === current, 'console/src/api/schema.d.ts is stale: run `npm run console:types`').toBe(true);
  });
});
