// Issue 6's import figures: a 10,000-row file of centres, then one of that many updates, through the
// same use case the upload runs (read → check every row → one transaction). Ratios are against reading
// the same file into cells (read-excel-file alone), measured in the same run.
import { performance } from "node:perf_hooks";
import { useDatabase as bindDatabase } from "@/db/client";
import { createTestDb } from "@/db/test-db";
import { createUser } from "@/db/users";
import { centreRefs } from "@/db/imports";
import type { Actor } from "@/lib/domain/permissions";
import { tablesToXlsx } from "@/lib/export/xlsx";
import { headerLabel, IMPORT_COLUMNS } from "@/lib/import/columns";
import { readGrid } from "@/lib/import/file";
import { runImport } from "@/lib/use-cases/import/run-import";
import type { ImportOptions } from "@/lib/validation/import";
import type { Report } from "./bench-engine";

const CITIES = ["杭州市", "宁波市", "温州市", "嘉兴市", "湖州市", "绍兴市", "金华市", "衢州市", "舟山市", "台州市", "丽水市"];

async function timed<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const start = performance.now();
  const value = await fn();
  return [value, performance.now() - start];
}

export async function benchImport(report: Report, rows: number): Promise<void> {
  const { db, close } = createTestDb();
  const restore = bindDatabase(db);
  try {
    const staff: Actor = { id: createUser(db, { email: "bench@example.cn", name: "bench", passwordHash: "h", role: "staff", provinceCode: "330000", locale: "zh" }, { label: "bench" }), role: "staff", provinceCode: "330000" };
    const centreRows = Array.from({ length: rows }, (_, i) => [null, "浙江省", CITIES[i % CITIES.length]!, `导入基准中心 ${i}`, `基准研究院 ${i % 97}`, null, "浙江大学", "大模型、智能制造", 100_000_000 + i, "2026-01-01", "2028-12-31", "建设中", null]);
    const file = new Uint8Array(await tablesToXlsx([{ name: "centres", header: IMPORT_COLUMNS.centres.map(headerLabel), rows: centreRows }]));
    let progressEvents = 0;
    const run = async (options: Partial<ImportOptions>, bytes: Uint8Array) => {
      const input = { kind: "centres", ...options, file: { name: "bench.xlsx", bytes }, onProgress: () => progressEvents++ };
      const outcome = await runImport.execute({ actor: { via: "user", userId: staff.id }, route: "bench", method: "POST", address: null }, input);
      if (!outcome.ok) throw new Error(`import bench refused: ${JSON.stringify(outcome.refusal)}`);
      return outcome.value;
    };

    const [, parseMs] = await timed(() => readGrid(file));
    const [checked, checkMs] = await timed(() => run({ dryRun: true }, file));
    const [imported, importMs] = await timed(() => run({}, file));
    const [again, againMs] = await timed(() => run({}, file));
    if (checked.status !== "checked" || imported.status !== "imported" || imported.counts.create !== rows || again.counts.unchanged !== rows) throw new Error("centre import bench did not import as expected");

    const ids = centreRefs(db, "330000").map((c) => c.id);
    // Investment, patents filed and granted, results produced, converted by the centre itself.
    const updateRows = ids.map((id, i) => [id, null, null, "2026-Q3", 25_000_000 + i, 10, 2, 40, 3]);
    const updatesFile = new Uint8Array(await tablesToXlsx([{ name: "updates", header: IMPORT_COLUMNS.updates.slice(0, 9).map(headerLabel), rows: updateRows }]));
    const [updates, updatesMs] = await timed(() => run({ kind: "updates", period: "2026-Q3" }, updatesFile));
    if (updates.status !== "imported" || updates.counts.create !== rows) throw new Error(`update import bench failed: ${JSON.stringify(updates).slice(0, 500)}`);

    report("import_rows", rows, "rows", 0);
    report("import_file_kb", file.byteLength / 1024, "KB", 0);
    report("import_parse_ms", parseMs, "ms");
    report("import_centres_check_ms", checkMs, "ms");
    report("import_centres_write_ms", importMs, "ms");
    report("import_centres_write_over_parse", importMs / parseMs, "x");
    report("import_centres_reimport_ms", againMs, "ms");
    report("import_updates_write_ms", updatesMs, "ms");
    report("import_updates_write_over_parse", updatesMs / parseMs, "x");
    report("import_progress_events", progressEvents, "events", 0);
  } finally {
    restore();
    close();
  }
}
