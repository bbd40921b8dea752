import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

const config = [
  ...nextVitals,
  ...nextTs,
  // `const { dropped, ...kept } = x` is how we omit fields; the dropped names are not dead code.
  { rules: { "@typescript-eslint/no-unused-vars": ["warn", { ignoreRestSiblings: true }] } },
  // app/ is adapters only: its data comes through the use cases of lib/use-cases (app/architecture.test.ts too).
  {
    files: ["app/**/*.ts", "app/**/*.tsx"],
    ignores: ["app/**/*.test.ts"],
    rules: { "no-restricted-imports": ["error", { patterns: [{ group: ["@/db", "@/db/*"], message: "app/ never imports db/: call a use case of lib/use-cases." }] }] },
  },
  // next.config.js is CommonJS, as Next loads it.
  { files: ["next.config.js"], rules: { "@typescript-eslint/no-require-imports": "off" } },
  { ignores: [".next/**", "node_modules/**", "data/**", "db/migrations/**", "test-results/**", "playwright-report/**", "next-env.d.ts", ".tmp/**", ".e2e-data/**"] },
];

export default config;
