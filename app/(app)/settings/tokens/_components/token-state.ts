export type TokenState = "active" | "expired" | "revoked";

/**
 * What the list says about a token, by the same rule as findTokenUser: revoked wins; otherwise it
 * has expired once its last day (Beijing calendar) is behind today.
 */
export function tokenState(token: { revokedAt: string | null; expiresOn: string | null }, today: string): TokenState {
  if (token.revokedAt !== null) return "revoked";
  if (token.expiresOn !== null && token.expiresOn < today) return "expired";
  return "active";
}
