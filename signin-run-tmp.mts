import { benchSignIn, DEFAULT_SIGNIN } from './bench/signin.js';
import { timed } from './bench/report.js';
const t = await timed(() => benchSignIn(['sqlite', 'postgres'], DEFAULT_SIGNIN));
console.log('RESULT ' + JSON.stringify(t));
