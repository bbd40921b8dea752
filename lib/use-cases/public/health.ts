import "server-only";
import { getDb } from "@/db/client";
import { databaseAnswers } from "@/db/health";

// Public: a load balancer asks without signing in, and defineQuery always resolves an actor, so this
// is a plain async function of the use-case layer.

/** Whether the app can reach its database: false also when the connection cannot even be opened. */
export async function checkHealth(): Promise<{ database: boolean }> {
  try {
    return { database: databaseAnswers(getDb()) };
  } catch {
    return { database: false };
  }
}
