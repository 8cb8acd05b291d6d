// The real-browser suite (`npm run test:e2e`): Chromium via playwright-core against the built static site.
// tests/e2e/globalSetup.ts builds the site when build/ is missing or older than its sources, serves build/ on a
// free localhost port and checks that Chromium is installed.
import { defineConfig } from 'vitest/config';

export default defineConfig({
	test: {
		include: ['tests/e2e/**/*.e2e.ts'],
		environment: 'node',
		globalSetup: ['tests/e2e/globalSetup.ts'],
		testTimeout: 120_000,
		hookTimeout: 300_000,
		fileParallelism: false,
		pool: 'forks'
	}
});
