import "server-only";
import { headers } from "next/headers";
import { getDb } from "@/db/client";
import { recordSecurityEvent } from "@/db/security-events";
import { env } from "@/lib/env";
import { clientAddress, UNKNOWN_ADDRESS } from "./client-address";

export interface Refusal {
  userId: string | null;
  /** The page or route pattern (`/centres/[id]`), or the server action's name. */
  route: string;
  /** What was asked for: a province code, a row id, a flag key. */
  target?: string;
  reason: string;
  /** The HTTP method, when the caller knows it (a page is a GET, a server action a POST). */
  method?: string;
  /** The client's address, when the caller has the request's headers. */
  address?: string | null;
}

/** The client's address as sign-in throttling sees it (lib/auth/client-address.ts: the server's socket, or a trusted proxy's). */
export function addressOf(h: Headers): string | null {
  const address = clientAddress(Object.fromEntries(h.entries()), env.TRUST_PROXY === "1");
  return address === UNKNOWN_ADDRESS ? null : address;
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
