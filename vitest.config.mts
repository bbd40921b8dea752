import { defineConfig } from "vitest/config";
import path from "node:path";

export default defineConfig({
  // "server-only" guards app/_lib against client bundles; under Vitest there is no client, so it is empty.
  resolve: { alias: { "@": path.resolve(import.meta.dirname), "server-only": path.resolve(import.meta.dirname, "scripts/empty-module.ts") } },
  test: {
    include: ["{lib,db,app,scripts}/**/*.test.ts"],
    environment: "node",
    // Argon2 hashing at OWASP cost is slow by design; integration tests hash a few passwords.
    testTimeout: 20000,
  },
});
