import type { Role } from "@/lib/domain/vocabulary";

/** Whether the role must sign in with a second factor (TWO_FACTOR_REQUIRED_ROLES). */
export function twoFactorRequired(role: Role, requiredRoles: readonly Role[]): boolean {
  return requiredRoles.includes(role);
}

/**
 * A signed-in user who must enrol before anything else: their role requires 2FA and they have none.
 * Such a session reaches only the enrolment page and sign-out (lib/auth/current-user.ts).
 */
export function mustEnrolTwoFactor(user: { role: Role; twoFactorEnabled: boolean }, requiredRoles: readonly Role[]): boolean {
  return !user.twoFactorEnabled && twoFactorRequired(user.role, requiredRoles);
}
