import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { BLANK_UPDATE_VALUES } from "@/db/test-db";
import { getUpdate, saveUpdate } from "@/db/updates";
import { addCentre, addUser, auditCount, callAs, refusalsOf, useTestDatabase } from "../test-support";
import { deleteEvidence } from "./delete-evidence";
import { downloadEvidence } from "./download-evidence";
import { uploadEvidence } from "./upload-evidence";

let db: Db;
let close: () => void;
let centreId: string;
let updateId: string;
const ids = {} as Record<"staff" | "gdStaff" | "gdReviewer" | "reviewer", string>;
const PDF = new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x2e, 0x34, 0x0a]);
const pdf = (name = "验收报告.pdf") => new File([PDF], name, { type: "application/pdf" });

beforeEach(() => {
  ({ db, close } = useTestDatabase());
  ids.staff = addUser(db, "staff@zj.cn", "staff", "330000");
  ids.gdStaff = addUser(db, "staff@gd.cn", "staff", "440000");
  ids.gdReviewer = addUser(db, "rev@gd.cn", "reviewer", "440000");
  ids.reviewer = addUser(db, "rev@zj.cn", "reviewer", "330000");
  centreId = addCentre(db, "杭州测试中心");
  updateId = saveUpdate(db, { centreId, period: "2026-Q4", version: 0, intent: "save", values: BLANK_UPDATE_VALUES, milestones: [] }, { id: ids.staff, role: "staff", provinceCode: "330000" }).id;
});
afterEach(() => close());

const evidenceCount = () => getUpdate(db, centreId, "2026-Q4")!.evidence.length;

describe("evidence through the use-case layer", () => {
  it("uploads, downloads and deletes a file for the province's staff, each write audited", async () => {
    const before = auditCount(db);
    const uploaded = await uploadEvidence.execute(callAs(ids.staff), { updateId, milestoneId: "", file: pdf() });
    if (!uploaded.ok) throw new Error(JSON.stringify(uploaded.refusal));
    expect(uploaded.value).toMatchObject({ centreId, period: "2026-Q4" });
    expect(auditCount(db)).toBe(before + 1);

    const download = await downloadEvidence.execute(callAs(ids.reviewer, "GET"), { id: uploaded.value.id });
    expect(download).toMatchObject({ ok: true, value: { mediaType: "application/pdf", originalName: "验收报告.pdf" } });
    if (download.ok) expect([...download.value.bytes]).toEqual([...PDF]);

    expect(await deleteEvidence.execute(callAs(ids.staff), { id: uploaded.value.id, updateId })).toMatchObject({ ok: true, value: { centreId, period: "2026-Q4" } });
    expect(evidenceCount()).toBe(0);
    expect(auditCount(db)).toBe(before + 2);
    expect(await downloadEvidence.execute(callAs(ids.reviewer, "GET"), { id: uploaded.value.id })).toMatchObject({ ok: false, refusal: { kind: "notFound" } });
  });

  it("refuses a reviewer's upload and deletion with 403", async () => {
    expect(await uploadEvidence.execute(callAs(ids.reviewer), { updateId, file: pdf() })).toMatchObject({ ok: false, refusal: { kind: "forbidden" } });
    expect(await deleteEvidence.execute(callAs(ids.reviewer), { id: "x", updateId })).toMatchObject({ ok: false, refusal: { kind: "forbidden" } });
  });

  it("answers another province's staff and reader as not found, logs each once and writes nothing", async () => {
    const uploaded = await uploadEvidence.execute(callAs(ids.staff), { updateId, file: pdf() });
    if (!uploaded.ok) throw new Error("upload failed");
    const before = auditCount(db);
    expect(await uploadEvidence.execute(callAs(ids.gdStaff), { updateId, file: pdf() })).toMatchObject({ ok: false, refusal: { kind: "notFound" } });
    expect(await deleteEvidence.execute(callAs(ids.gdStaff), { id: uploaded.value.id, updateId })).toMatchObject({ ok: false, refusal: { kind: "notFound" } });
    expect(refusalsOf(db, ids.gdStaff).map((e) => e.reason)).toEqual(["row_out_of_scope", "row_out_of_scope"]);
    expect(await downloadEvidence.execute(callAs(ids.gdReviewer, "GET"), { id: uploaded.value.id })).toMatchObject({ ok: false, refusal: { kind: "notFound" } });
    expect(refusalsOf(db, ids.gdReviewer).map((e) => [e.reason, e.target])).toEqual([["row_out_of_scope", uploaded.value.id]]);
    expect(evidenceCount()).toBe(1);
    expect(auditCount(db)).toBe(before);
    await deleteEvidence.execute(callAs(ids.staff), { id: uploaded.value.id, updateId });
  });

  it("refuses a missing file, an empty one and a type its bytes do not show", async () => {
    expect(await uploadEvidence.execute(callAs(ids.staff), { updateId })).toMatchObject({ ok: false, refusal: { kind: "invalid", fields: [{ path: "file", code: "fileRequired" }] } });
    expect(await uploadEvidence.execute(callAs(ids.staff), { updateId, file: new File([], "a.pdf") })).toMatchObject({ ok: false, refusal: { kind: "invalid", fields: [{ path: "file" }] } });
    const html = new File(["<html><script>alert(1)</script></html>"], "report.pdf");
    expect(await uploadEvidence.execute(callAs(ids.staff), { updateId, file: html })).toMatchObject({ ok: false, refusal: { kind: "refused", messageKey: "fileType", field: "file" } });
    expect(evidenceCount()).toBe(0);
  });
});
