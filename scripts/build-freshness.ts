// Whether `.next` holds a build of the current source: shared by `npm start` (builds when it does not)
// and `npm run bench` (the page benchmark needs a production build of this source).
import fs from "node:fs";
import path from "node:path";

const SOURCE_DIRS = ["app", "db", "lib", "public", "messages"];
const SOURCE_FILES = ["next.config.js", "package.json", "tsconfig.json"];

function newestMtime(target: string): number {
  if (!fs.existsSync(target)) return 0;
  const stat = fs.statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return fs.readdirSync(target).reduce((newest, entry) => Math.max(newest, newestMtime(path.join(target, entry))), stat.mtimeMs);
}

/** True when `.next/BUILD_ID` exists and is newer than every source file. */
export function buildIsCurrent(): boolean {
  const buildId = path.join(".next", "BUILD_ID");
  if (!fs.existsSync(buildId)) return false;
  const built = fs.statSync(buildId).mtimeMs;
  return [...SOURCE_DIRS, ...SOURCE_FILES].every((p) => newestMtime(p) <= built);
}
