import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    alias: {
      "@": fileURLToPath(new URL(".", import.meta.url)),
      // Tests run on the server side only: the marker resolves as it does for Next.js's server (an empty module).
      "server-only": fileURLToPath(new URL("./node_modules/server-only/empty.js", import.meta.url)),
    },
  },
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
