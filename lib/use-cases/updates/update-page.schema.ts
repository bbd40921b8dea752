import { z } from "zod";

/** A centre's update for one period, as its URL names them. */
export const updatePageSchema = z.object({ centreId: z.string().min(1), period: z.string().min(1) });
