import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { alias: { "@": fileURLToPath(new URL(".", import.meta.url)) } },
  test: {
    environment: "node",
    include: ["**/*.test.ts"],
    exclude: ["node_modules/**", "e2e/**", ".next/**", ".data/**", "lib/generated/**"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Each file brings its own database or simulator; two workers fit the 2-core machines.
    maxWorkers: 2,
  },
});
