/**
 * Runs the `roster` command from source, as `bin/roster.js` runs it from the build.
 */
import { main } from '../../src/cli/index.js';

process.exitCode = await main(process.argv.slice(2));
