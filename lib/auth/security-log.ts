import "server-only";
import { headers } from "next/headers";
import { getDb } from "@/db/client";
import { recordSecurityEvent } from "@/db/security-events";

export interface Refusal {
  userId: string | null;
  /** The page or route pattern (`/centres/[id]`), or the server action's name. */
  route: string;
  /** What was asked for: a province code, a row id, a flag key. */
  target?: string;
  reason: string;
  /** The HTTP method, when the caller knows it (a page is a GET, a server action a POST). */
  method?: string;
  /** The client's address as the reverse proxy reports it, when the caller has the request's headers. */
  address?: string | null;
}

/** The client's address from the reverse proxy's headers (X-Forwarded-For's first hop, else X-Real-IP). */
export function addressOf(h: Headers): string | null {
  const forwarded = h.get("x-forwarded-for")?.split(",")[0]?.trim();
  return forwarded || h.get("x-real-ip") || null;
}

/** The same, for code without the Request at hand (server actions); null outside a request. */
export async function currentAddress(): Promise<string | null> {
  try {
    return addressOf(await headers());
  } catch {
    return null;
  }
}

/**
 * Every refused authorization: one row in security_events (what /admin/security lists), written
 * synchronously before the refusal is answered, and one structured console line for the operator's
 * log collector. A failed write never fails the request being refused: it is reported on the console.
 * Synchronous on purpose, so the page guards stay synchronous and cannot be called without effect.
 */
export function logRefusal(entry: Refusal): void {
  const at = new Date();
  console.warn(JSON.stringify({ at: at.toISOString(), event: "authorization_refused", ...entry }));
  try {
    recordSecurityEvent(getDb(), { kind: "authorization_refused", ...entry }, at);
  } catch (error) {
    console.error(JSON.stringify({ at: at.toISOString(), event: "security_log_write_failed", route: entry.route, error: String(error) }));
  }
}
