import { z } from "zod";
import { version } from "@/lib/validation/fields";

/** Submit the saved draft of a centre's period as stored, at the version read. */
export const submitUpdateSchema = z.object({ centreId: z.string(), period: z.string(), version: version() });
