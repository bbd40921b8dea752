import { z } from "zod";
import { CADENCES } from "@/lib/domain/vocabulary";
import { enumOf, integer, provinceCode } from "./fields";

/** An admin's edit of one province's reporting calendar; version 0 means no calendar was stored yet. */
export const calendarSchema = z.object({
  provinceCode: provinceCode(),
  version: integer(0, Number.MAX_SAFE_INTEGER),
  cadence: enumOf(CADENCES),
  dueDays: integer(0, 90),
  graceDays: integer(0, 60),
});
