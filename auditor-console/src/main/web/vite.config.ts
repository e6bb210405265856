import { defineConfig } from 'vitest/config';

// Built into the jar (Maven passes CONSOLE_OUT_DIR): served by coordination-service under /console/.
export default defineConfig({
  base: '/console/',
  build: {
    outDir: process.env.CONSOLE_OUT_DIR ?? 'dist',
    emptyOutDir: true,
    assetsDir: 'assets',
  },
  test: {
    include: ['src/**/*.test.ts'],
  },
});
