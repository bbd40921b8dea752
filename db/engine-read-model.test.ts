import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { hashPassword } from "@/lib/auth/password";
import { openDatabase, type Db } from "./client";
import { computeEngine } from "./engine";
import { EngineReadModel } from "./engine-read-model";
import { seedDemo } from "./seed";
import { riskThresholds, users } from "./schema";
import { createTestDb } from "./test-db";
import { setThreshold } from "./thresholds";

const TODAY = "2026-11-27";
const REPORTING_START = "2026-07-01";

let db: Db;
let file: string;
let close: () => void;
let model: EngineReadModel;
let adminId: string;
beforeAll(async () => {
  ({ db, file, close } = createTestDb());
  await seedDemo(db, hashPassword);
  adminId = db.select({ id: users.id }).from(users).where(eq(users.email, "admin@demo.gov.cn")).get()!.id;
  model = new EngineReadModel(db, "worker");
}, 60_000);
afterAll(async () => {
  await model.close();
  close();
});

const withoutTime = <T extends { computedAt: string }>(s: T) => ({ ...s, computedAt: "" });
const thresholdVersion = (target: Db, key: string) => target.select().from(riskThresholds).all().find((r) => r.key === key)?.version ?? 0;

// Starting the worker (tsx compiles its modules) takes seconds on a loaded machine.
describe("EngineReadModel with its worker thread (tsx-loaded, own read-only connection)", { timeout: 30_000 }, () => {
  it("computes in the worker the same snapshot as computeEngine in-process, now and as of a past close", async () => {
    expect(withoutTime(await model.read(TODAY, REPORTING_START))).toEqual(withoutTime(computeEngine(db, TODAY, REPORTING_START)));
    expect(withoutTime(await model.read(TODAY, REPORTING_START, "2026-09-30"))).toEqual(withoutTime(computeEngine(db, TODAY, REPORTING_START, "2026-09-30")));
  });

  it("serves the same snapshot while no version moves", async () => {
    const first = await model.read(TODAY, REPORTING_START);
    expect(await model.read(TODAY, REPORTING_START)).toBe(first);
  });

  it("lets the next reader wait for a rebuild after this process's own write (read-your-writes)", async () => {
    await model.read(TODAY, REPORTING_START);
    setThreshold(db, { key: "conversion.rate", value: 0.01, version: thresholdVersion(db, "conversion.rate") }, { userId: adminId });
    expect((await model.read(TODAY, REPORTING_START)).thresholds.conversion.rate).toBe(0.01);
  });

  it("serves the last snapshot after another process's write, until the rebuild lands", async () => {
    const before = await model.read(TODAY, REPORTING_START);
    const other = openDatabase(file);
    setThreshold(other, { key: "conversion.rate", value: 0.02, version: thresholdVersion(other, "conversion.rate") }, { userId: adminId });
    other.$client.close();
    expect(await model.read(TODAY, REPORTING_START)).toBe(before);
    await vi.waitFor(async () => expect((await model.read(TODAY, REPORTING_START)).thresholds.conversion.rate).toBe(0.02), { timeout: 10_000, interval: 50 });
  });
});
