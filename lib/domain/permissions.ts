import type { Role } from "./vocabulary";

/** The facts about a signed-in user that every permission rule needs, read from the database on each request. */
export interface Actor {
  id: string;
  role: Role;
  /** Staff always have one; reviewers without one are national; admins have none. */
  provinceCode: string | null;
}

/** The provinces an actor may read: `"all"` or a single province code. */
export function readableScope(actor: Actor): "all" | string {
  if (actor.role === "admin") return "all";
  if (actor.role === "reviewer" && actor.provinceCode === null) return "all";
  // A staff member or provincial reviewer without a province reads nothing (scope of an impossible code).
  return actor.provinceCode ?? "none";
}

export function canReadProvince(actor: Actor, provinceCode: string): boolean {
  const scope = readableScope(actor);
  return scope === "all" || scope === provinceCode;
}

/** Creating and editing centres and their milestones: admins anywhere, staff in their own province. */
export function canEditCentresIn(actor: Actor, provinceCode: string): boolean {
  if (actor.role === "admin") return true;
  return actor.role === "staff" && actor.provinceCode !== null && actor.provinceCode === provinceCode;
}

export function canAdminister(actor: Actor): boolean {
  return actor.role === "admin";
}

/** Which province binding a role allows: staff need one, admins have none, reviewers either. */
export function provinceRequirement(role: Role): "required" | "forbidden" | "optional" {
  if (role === "staff") return "required";
  if (role === "admin") return "forbidden";
  return "optional";
}

/** The provinces an actor may edit centres in, as a scope: what an import may match and change. */
export function editableScope(actor: Actor): "all" | string {
  if (actor.role === "admin") return "all";
  return actor.role === "staff" && actor.provinceCode !== null ? actor.provinceCode : "none";
}

/** Spreadsheet import writes centres, milestones and updates: whoever may edit centres somewhere. */
export function canImport(actor: Actor): boolean {
  return actor.role === "admin" || (actor.role === "staff" && actor.provinceCode !== null);
}
