import { defineConfig } from "vitest/config";
import path from "node:path";

export default defineConfig({
  resolve: { alias: { "@": path.resolve(import.meta.dirname) } },
  test: {
    include: ["{lib,db,app,scripts}/**/*.test.ts"],
    environment: "node",
    // Argon2 hashing at OWASP cost is slow by design; integration tests hash a few passwords.
    testTimeout: 20000,
  },
});
