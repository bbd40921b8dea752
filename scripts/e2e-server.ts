// Starts the app for the Playwright suite exactly as `npm start` does, on a new empty database.
import fs from "node:fs";
import path from "node:path";

// E2E_DATA_DIR: the two-factor project's server (playwright.config.ts) keeps a database of its own.
const dataDir = path.resolve(process.env.E2E_DATA_DIR ?? ".e2e-data");
fs.rmSync(dataDir, { recursive: true, force: true });
process.env.DATABASE_PATH = path.join(dataDir, "tracker.db");
process.env.EVIDENCE_PATH = path.join(dataDir, "evidence");
process.env.SEED_DEMO = "1";
// Required after the environment is set: the env module reads it when first loaded.
void import("./start");
