import { execFileSync } from "node:child_process";
import path from "node:path";
import Database from "better-sqlite3";
import type { APIResponse } from "@playwright/test";
import { ProblemSchema } from "../lib/api/schemas";
import { expect, uniqueSuffix, type Account } from "./fixtures";

/** The suite's database: the server started by scripts/e2e-server.ts reads and writes this file. */
export const E2E_DB = path.resolve(".e2e-data", "tracker.db");

/** A real personal token, made with the CLI against the suite's database. */
export function createToken(account: Pick<Account, "email">): string {
  return execFileSync("npx", ["tsx", "scripts/token-create.ts", "--email", account.email, "--name", `e2e api ${uniqueSuffix()}`], {
    env: { ...process.env, DATABASE_PATH: E2E_DB },
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
  }).trim();
}

/** An RFC 9457 problem with this status; returns it for further checks. */
export async function problemBody(response: APIResponse, status: number) {
  expect(response.status(), await response.text()).toBe(status);
  expect(response.headers()["content-type"]).toBe("application/problem+json; charset=utf-8");
  expect(response.headers()["cache-control"]).toBe("no-store");
  const body = ProblemSchema.parse(await response.json());
  expect(body.status).toBe(status);
  return body;
}

/**
 * What the database holds about one centre (its row, milestones, updates with their milestone rows and
 * audit entries) and how many centres carry a marker in their name: read-only, beside the running server.
 */
export function dbSnapshot(centreId: string, marker: string) {
  const db = new Database(E2E_DB, { readonly: true, fileMustExist: true });
  try {
    const all = (sql: string, ...args: unknown[]) => db.prepare(sql).all(...args);
    return {
      centre: all("SELECT * FROM centres WHERE id = ?", centreId),
      tags: all("SELECT * FROM centre_focus_tags WHERE centre_id = ? ORDER BY position", centreId),
      milestones: all("SELECT * FROM milestones WHERE centre_id = ? ORDER BY id", centreId),
      updates: all("SELECT * FROM updates WHERE centre_id = ? ORDER BY id", centreId),
      progress: all("SELECT um.* FROM update_milestones um JOIN updates u ON u.id = um.update_id WHERE u.centre_id = ? ORDER BY um.update_id, um.milestone_id", centreId),
      audit: all(
        "SELECT id FROM audit_log WHERE entity_id = ? OR entity_id IN (SELECT id FROM milestones WHERE centre_id = ?) OR entity_id IN (SELECT id FROM updates WHERE centre_id = ?) ORDER BY id",
        centreId,
        centreId,
        centreId,
      ),
      named: all("SELECT id FROM centres WHERE name LIKE ?", `%${marker}%`),
    };
  } finally {
    db.close();
  }
}
