import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/** Unit tests of the app's pure code (src/lib): words, formatting, reasons. */
export default defineConfig({
  resolve: { alias: { '@domain': fileURLToPath(new URL('../../libs/domain/src', import.meta.url)) } },
  test: { root: fileURLToPath(new URL('.', import.meta.url)), include: ['src/**/*.test.ts'], environment: 'node' },
});
