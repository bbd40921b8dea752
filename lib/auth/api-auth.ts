import "server-only";
import { getDb } from "@/db/client";
import { findTokenUser } from "@/db/api-tokens";
import { chinaToday } from "@/lib/domain/china-time";
import { getCurrentUser, type SessionUser } from "./current-user";

/**
 * Who calls the API: the user of a bearer token (`Authorization: Bearer act_…`), else the browser
 * session. A request that sends an Authorization header is judged by it alone: a bad token is a bad
 * token even with a session cookie beside it. Null means 401.
 */
export async function apiActor(request: Request): Promise<SessionUser | null> {
  const header = request.headers.get("authorization");
  if (header !== null) {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    return match ? (findTokenUser(getDb(), match[1]!, chinaToday()) ?? null) : null;
  }
  return getCurrentUser();
}
