import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/**
 * The browser app. It is built into dist/web, which the api serves at `/` (same origin, so the
 * bearer token never crosses origins). `npm run dev:web` proxies the api on :3000 for development.
 */
export default defineConfig({
  root: here('.'),
  plugins: [react()],
  resolve: {
    alias: {
      // Pure TypeScript shared with the api: the SSDA903 code tables and the needs taxonomy, so the
      // words the app shows come from the same tables the api validates against.
      '@domain': here('../../libs/domain/src'),
    },
  },
  css: {
    preprocessorOptions: {
      scss: { loadPaths: [here('../../node_modules/govuk-frontend/dist')], quietDeps: true },
    },
    // govuk-frontend's Sass still emits an old IE selector hack that lightningcss refuses; recover
    // from it (the rule is dropped) rather than failing the build.
    lightningcss: { errorRecovery: true },
  },
  build: {
    outDir: here('../../dist/web'),
    emptyOutDir: true,
    sourcemap: true,
  },
  server: {
    proxy: { '/api': 'http://127.0.0.1:3000', '/health': 'http://127.0.0.1:3000' },
  },
});
