import "server-only";
import { forbidden } from "next/navigation";
import { canAdminister, canEditCentresIn, canImport, canReadProvince } from "@/lib/domain/permissions";
import type { SessionUser } from "./current-user";
import { logRefusal } from "./security-log";

// Page-level gates: each answers 403 (forbidden.tsx) and logs the refusal.

function refuse(user: SessionUser, route: string, target: string | undefined, reason: string): never {
  logRefusal({ userId: user.id, route, target, reason, method: "GET" });
  forbidden();
}

/** `target`: what the page was asked for (a centre's or milestone's id, a flag's key), for the log; the province by default. */
export function assertCanReadProvince(user: SessionUser, provinceCode: string, route: string, target: string = provinceCode): void {
  if (!canReadProvince(user, provinceCode)) refuse(user, route, target, "province_out_of_scope");
}

export function assertCanEditCentresIn(user: SessionUser, provinceCode: string, route: string, target: string = provinceCode): void {
  if (!canEditCentresIn(user, provinceCode)) refuse(user, route, target, "cannot_edit_province");
}

export function assertAdmin(user: SessionUser, route: string): void {
  if (!canAdminister(user)) refuse(user, route, undefined, "admin_only");
}

export function assertCanImport(user: SessionUser, route: string): void {
  if (!canImport(user)) refuse(user, route, undefined, "import_not_allowed");
}

export function assertCanReview(user: SessionUser, route: string): void {
  if (user.role !== "reviewer") refuse(user, route, undefined, "reviewers_only");
}

/** The audit log: administrators and reviewers, each within their reading scope; staff only report. */
export function assertCanReadAudit(user: SessionUser, route: string): void {
  if (user.role === "staff") refuse(user, route, undefined, "audit_staff");
}
