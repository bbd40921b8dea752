import { canEditCentresIn, canReadProvince, type Actor } from "./permissions";
import type { UpdateStatus } from "./periods";

// The life of a periodic update, as a pure decision: may this actor do this to an update in this state?
//
//   (none) ─save→ draft ─submit→ submitted ─approve→ approved ─reopen→ returned
//                  ↑  save          │ return                             │
//                  └────────────── returned ←────────────────────────────┘ (save, submit again)

/** What a reviewer decides about an update. */
export const UPDATE_REVIEW_ACTIONS = ["approve", "return", "reopen"] as const;
export type UpdateReviewAction = (typeof UPDATE_REVIEW_ACTIONS)[number];

export type UpdateAction = "save" | "submit" | "approve" | "return" | "reopen" | "upload" | "deleteEvidence";

export interface UpdateFacts {
  status: UpdateStatus;
  provinceCode: string;
  submittedBy: string | null;
  editorIds: readonly string[];
}

export type Decision = { allowed: true; next: UpdateStatus } | { allowed: false; reason: RefusalReason };

/** Keys under `errors.` in the message files. */
export type RefusalReason = "forbidden" | "updateLocked" | "notSubmitted" | "notApproved" | "ownUpdate" | "notStarted";

/** Reviewers act on updates of the provinces they may read. */
export function canReview(actor: Actor, provinceCode: string): boolean {
  return actor.role === "reviewer" && canReadProvince(actor, provinceCode);
}

const EDITABLE: readonly UpdateStatus[] = ["draft", "returned"];

export function decide(action: UpdateAction, actor: Actor, provinceCode: string, facts: UpdateFacts | undefined): Decision {
  const refuse = (reason: RefusalReason): Decision => ({ allowed: false, reason });
  switch (action) {
    case "save":
    case "upload":
    case "deleteEvidence":
    case "submit": {
      if (!canEditCentresIn(actor, provinceCode)) return refuse("forbidden");
      if (!facts) return action === "save" ? { allowed: true, next: "draft" } : refuse("notStarted");
      if (!EDITABLE.includes(facts.status)) return refuse("updateLocked");
      return { allowed: true, next: action === "submit" ? "submitted" : facts.status };
    }
    case "approve":
    case "return": {
      if (!canReview(actor, provinceCode)) return refuse("forbidden");
      if (!facts) return refuse("notStarted");
      if (facts.status !== "submitted") return refuse("notSubmitted");
      // Four eyes: whoever wrote or sent the figures cannot also accept them.
      if (action === "approve" && (facts.submittedBy === actor.id || facts.editorIds.includes(actor.id))) return refuse("ownUpdate");
      return { allowed: true, next: action === "approve" ? "approved" : "returned" };
    }
    case "reopen": {
      if (!canReview(actor, provinceCode)) return refuse("forbidden");
      if (!facts) return refuse("notStarted");
      if (facts.status !== "approved") return refuse("notApproved");
      return { allowed: true, next: "returned" };
    }
  }
}
