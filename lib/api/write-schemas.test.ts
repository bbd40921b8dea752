import { describe, expect, it } from "vitest";
import { z } from "zod";
import { centreSchema, milestoneSchema } from "@/lib/validation/centre";
import { CREATE_CENTRE_KEYS, CREATE_MILESTONE_KEYS, PATCH_CENTRE_KEYS, PATCH_MILESTONE_KEYS, REVIEW_KEYS, SAVE_UPDATE_KEYS, VERSION_KEYS } from "./bodies";
import { CentreCreateSchema, CentrePatchSchema, IndicatorsSchema, MilestoneCreateSchema, MilestonePatchSchema, ReviewBodySchema, UpdateDraftSchema, VersionBodySchema } from "./write-schemas";
import type { KeySpec } from "./write";

// The documented bodies must name exactly the fields the routes accept, and a body valid by the
// document must pass the forms' schemas the routes parse with.

const keys = (schema: z.ZodType) => Object.keys((schema as unknown as { shape: Record<string, unknown> }).shape).sort();
const sorted = (spec: KeySpec) => [...spec.keys].sort();

describe("write body schemas", () => {
  it.each([
    ["CentreCreate", CentreCreateSchema, CREATE_CENTRE_KEYS],
    ["CentrePatch", CentrePatchSchema, PATCH_CENTRE_KEYS],
    ["MilestoneCreate", MilestoneCreateSchema, CREATE_MILESTONE_KEYS],
    ["MilestonePatch", MilestonePatchSchema, PATCH_MILESTONE_KEYS],
    ["UpdateDraft", UpdateDraftSchema, SAVE_UPDATE_KEYS],
    ["VersionBody", VersionBodySchema, VERSION_KEYS],
    ["ReviewBody", ReviewBodySchema, REVIEW_KEYS],
  ])("%s names the fields its route accepts", (_name, schema, spec) => {
    expect(keys(schema)).toEqual(sorted(spec));
  });

  it("documents every indicator the route accepts", () => {
    expect(keys(IndicatorsSchema)).toEqual(sorted(SAVE_UPDATE_KEYS.nested!.indicators!));
    expect(sorted(CREATE_CENTRE_KEYS.nested!.milestones!)).toEqual(keys(MilestoneCreateSchema));
  });

  it("accepts the issue's example as the forms do", () => {
    const example = {
      provinceCode: "330000",
      cityCode: "330100",
      name: "杭州人工智能创新中心",
      leadInstitution: "浙江大学",
      focusTags: ["large_models", "smart_manufacturing"],
      plannedBudgetYuan: 500000000,
      startDate: "2026-01-01",
      plannedCompletionDate: "2027-12-31",
      status: "under_construction",
      milestones: [{ title: "算力平台上线", category: "compute", weight: 2, plannedDate: "2026-06-30", evidenceRequired: false }],
    };
    expect(CentreCreateSchema.safeParse(example).success).toBe(true);
    const { milestones, ...centre } = example;
    expect(centreSchema.safeParse(centre).success).toBe(true);
    expect(milestoneSchema.safeParse({ ...milestones[0], centreId: "c" }).success).toBe(true);
  });
});
