import { z } from "zod";

// Environment variables are parsed here once; nothing else reads process.env for configuration.
const envSchema = z.object({
  DATABASE_PATH: z.string().min(1).default("data/tracker.db"),
  SEED_DEMO: z.enum(["0", "1"]).default("1"),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  NEXTAUTH_SECRET: z.string().min(32).optional(),
  NEXTAUTH_URL: z.url().optional(),
  SESSION_MAX_AGE_HOURS: z.coerce.number().positive().default(12),
  EVIDENCE_PATH: z.string().min(1).default("data/evidence"),
  EVIDENCE_MAX_MB: z.coerce.number().positive().max(100).default(20),
  // Periods ending before this date are not expected from anyone: when reporting in this system began.
  REPORTING_START: z.iso.date().default("2026-07-01"),
  // A narrative is required when investment execution is this many percentage points off plan.
  NARRATIVE_DEVIATION_PP: z.coerce.number().min(0).max(100).default(5),
});

export type Env = z.infer<typeof envSchema>;

export function readEnv(source: Record<string, string | undefined> = process.env): Env {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    throw new Error(`Invalid environment configuration: ${problems}`);
  }
  return parsed.data;
}

export const env = readEnv();
