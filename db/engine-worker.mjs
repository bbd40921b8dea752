// The engine worker's entry, plain JavaScript so Node can start it without a loader: it registers tsx
// (a runtime dependency) in this thread, then loads the TypeScript worker, whose `@/` imports tsx
// resolves from tsconfig.json. `--import tsx` in a Worker's execArgv did not take effect under Vitest.
import { register as registerCommonJs } from "tsx/cjs/api";
import { register } from "tsx/esm/api";

registerCommonJs();
register();
await import(new URL("./engine-worker.ts", import.meta.url).href);
