import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    setupFiles: ["test/helpers/cleanup.ts"],
    // jieba's dictionary loads once per worker; the CLI tests spawn the compiled bin.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
