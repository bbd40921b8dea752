import { canOpen, ruleAdmitsRole, type RuleName } from "./access-policy";
import type { Actor } from "./permissions";

// The site's menu, in the order it is shown. Whether an item shows is never written here: each item
// names its page, and the page's rule in ACCESS_POLICY decides (canOpen). A new page gets a menu entry
// by one row below; who sees it follows from its policy row.

export interface MenuEntry {
  /** The page's pattern in ACCESS_POLICY, which is also its address (menu pages take no parameters). */
  page: string;
  /** The link's text, a message key. */
  labelKey: string;
  /**
   * A second rule that narrows who is shown the link, when the page admits more readers than the link
   * helps: the overview answers a provincial reader with a redirect to their province's page, which the
   * provinces link already offers.
   */
  shownTo?: RuleName;
  /** The item carries a count of unread items (the notifications link). */
  counted?: true;
}

export const MENU: readonly MenuEntry[] = [
  { page: "/overview", labelKey: "nav.overview", shownTo: "national" },
  { page: "/provinces", labelKey: "nav.provinces" },
  { page: "/flags", labelKey: "nav.flags" },
  { page: "/reporting", labelKey: "nav.reporting" },
  { page: "/reporting/discipline", labelKey: "discipline.title" },
  { page: "/import", labelKey: "import.nav" },
  { page: "/reviews", labelKey: "nav.reviews" },
  { page: "/audit", labelKey: "nav.audit" },
  { page: "/notifications", labelKey: "nav.notifications", counted: true },
  { page: "/admin/users", labelKey: "nav.users" },
  { page: "/admin/targets", labelKey: "nav.targets" },
  { page: "/admin/calendars", labelKey: "nav.calendars" },
  { page: "/admin/thresholds", labelKey: "nav.thresholds" },
  { page: "/admin/mail", labelKey: "reminders.adminNav" },
  { page: "/admin/security", labelKey: "security.nav" },
  { page: "/settings/tokens", labelKey: "apiTokens.nav" },
  { page: "/settings/notifications", labelKey: "reminders.nav" },
  { page: "/settings/password", labelKey: "password.nav" },
  { page: "/settings/two-factor", labelKey: "twoFactor.nav" },
  { page: "/settings/sessions", labelKey: "sessions.nav" },
];

/** The menu entries this actor is shown, in menu order. */
export function menuFor(actor: Actor, menu: readonly MenuEntry[] = MENU): MenuEntry[] {
  return menu.filter((entry) => canOpen(actor, entry.page) && (entry.shownTo === undefined || ruleAdmitsRole(entry.shownTo, actor)));
}
