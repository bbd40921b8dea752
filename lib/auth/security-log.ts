/**
 * One structured line per refused authorization, for the operator's log collector.
 * (The hardening issue moves this into an append-only table.)
 */
export function logRefusal(entry: { userId: string | null; route: string; target?: string; reason: string }): void {
  console.warn(JSON.stringify({ at: new Date().toISOString(), event: "authorization_refused", ...entry }));
}
