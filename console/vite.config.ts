/**
 * @module Vite configuration of the admin console. `npm run build` writes console/dist, which Roster
 * serves at `/` (src/http/console.ts); `npm run dev:console` serves the console with hot reload and
 * passes /api on to a running Roster (ROSTER_URL, default http://127.0.0.1:3000).
 */
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { precompress } from './vite-precompress.js';

const api = new URL(process.env.ROSTER_URL ?? 'http://127.0.0.1:3000');

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [react(), precompress()],
  build: { outDir: 'dist', emptyOutDir: true, target: 'es2022' },
  server: {
    port: 5173,
    proxy: {
      '/api': {
        target: api.origin,
        // Roster refuses writes whose Origin is not its own (src/http/cross-origin.ts); seen from the
        // browser the dev server *is* the origin, so the proxy presents the request as Roster's own.
        configure: (proxy) => {
          proxy.on('proxyReq', (request) => {
            if (request.getHeader('origin')) request.setHeader('origin', api.origin);
          });
        },
      },
    },
  },
});
