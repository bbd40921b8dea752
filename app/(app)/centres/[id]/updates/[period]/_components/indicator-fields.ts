import type { ValueField } from "@/lib/validation/update";

/** The update form's indicator inputs, grouped as officials read them. Labels are `updates.fields.<name>`. */
export const INDICATOR_GROUPS: { key: string; fields: { name: Exclude<ValueField, "narrative" | "correctionReason">; kind: "yuan" | "count" | "decimal" | "percent" | "precision" }[] }[] = [
  { key: "investment", fields: [{ name: "investmentExecutedYuan", kind: "yuan" }] },
  {
    key: "compute",
    fields: [
      { name: "computePflops", kind: "decimal" },
      { name: "computePrecision", kind: "precision" },
      { name: "utilizationPercent", kind: "percent" },
    ],
  },
  {
    key: "results",
    fields: [
      { name: "patentsFiled", kind: "count" },
      { name: "patentsGranted", kind: "count" },
      { name: "resultsProduced", kind: "count" },
      { name: "convertedSelf", kind: "count" },
      { name: "convertedTransfer", kind: "count" },
      { name: "convertedLicense", kind: "count" },
      { name: "convertedJoint", kind: "count" },
      { name: "convertedEquity", kind: "count" },
      { name: "techContractValueYuan", kind: "yuan" },
    ],
  },
  {
    key: "ecosystem",
    fields: [
      { name: "firmsIncubated", kind: "count" },
      { name: "talentIntroduced", kind: "count" },
    ],
  },
];
