import { defineConfig } from 'vitest/config';

// Served by coordination-service under /console/. Maven's test phase passes CONSOLE_OUT_DIR and compares
// the build with the checked-in files (ConsoleAssetsTest); the output must stay the same from run to run.
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
