/**
 * @module `npm run console:types`: rewrites console/src/api/schema.d.ts from the current OpenAPI document.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { consoleTypes, SCHEMA_FILE } from './openapi-types.js';

writeFileSync(SCHEMA_FILE, await consoleTypes());
console.log(`wrote ${fileURLToPath(SCHEMA_FILE)}`);
