/// <reference types="vitest/config" />
import { defineConfig } from 'vite';

// Built into target/classes/weir-ui/ so that the module's jar carries the UI under the classpath
// folder weir-ui/, which the server serves at /. Everything but index.html goes to assets/ with a
// content hash, so the server can let browsers cache it for good.
export default defineConfig({
  oxc: { jsx: { runtime: 'automatic' } },
  build: {
    outDir: 'target/classes/weir-ui',
    emptyOutDir: true,
    assetsDir: 'assets',
    sourcemap: false,
    reportCompressedSize: true,
  },
  server: {
    proxy: { '/api': process.env.WEIR_API ?? 'http://127.0.0.1:4200' },
  },
  test: {
    environment: 'happy-dom',
    include: ['src/**/*.test.{ts,tsx}'],
    env: { TZ: 'UTC' },
  },
});
