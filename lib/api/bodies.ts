import { centreSchema, milestoneSchema, updateCentreSchema, updateMilestoneSchema } from "@/lib/validation/centre";
import { INDICATORS, type IndicatorDef } from "@/lib/registry/indicators";
import { indicatorKeys } from "@/lib/validation/update";
import type { KeySpec } from "./write";

// The fields each write route's JSON body may carry (anything else is refused as unknown). The values
// are checked by the forms' own zod schemas; these lists only close the objects.

const CENTRE_FIELDS = Object.keys(centreSchema.shape);
const MILESTONE_FIELDS = Object.keys(milestoneSchema.shape).filter((k) => k !== "centreId");

export const CREATE_CENTRE_KEYS: KeySpec = { keys: [...CENTRE_FIELDS, "milestones"], nested: { milestones: { keys: MILESTONE_FIELDS } } };
export const PATCH_CENTRE_KEYS: KeySpec = { keys: Object.keys(updateCentreSchema.shape).filter((k) => k !== "id") };
export const CREATE_MILESTONE_KEYS: KeySpec = { keys: MILESTONE_FIELDS };
export const PATCH_MILESTONE_KEYS: KeySpec = { keys: Object.keys(updateMilestoneSchema.shape).filter((k) => k !== "id") };

/** The indicators of an update, as the API nests them (the form keeps them flat). */
export const INDICATOR_FIELDS = indicatorKeys(INDICATORS);

/** The save body's keys for a registry: the indicators nest under `indicators`. */
export function saveUpdateKeys(indicators: readonly IndicatorDef[]): KeySpec {
  return {
    keys: ["version", "milestones", "indicators", "narrative", "correctionReason"],
    nested: { milestones: { keys: ["id", "progress", "actualCompletionDate"] }, indicators: { keys: indicatorKeys(indicators) } },
  };
}
export const SAVE_UPDATE_KEYS: KeySpec = saveUpdateKeys(INDICATORS);
export const VERSION_KEYS: KeySpec = { keys: ["version"] };
export const REVIEW_KEYS: KeySpec = { keys: ["version", "reason"] };

/** A form field's path as the API body names it: indicators are nested, the centre and period are in the URL. */
export function updateBodyPath(path: string): string {
  const [head] = path.split(".");
  return (INDICATOR_FIELDS as readonly string[]).includes(head!) ? `indicators.${path}` : path;
}
