import "server-only";
import { z } from "zod";
import { unreadCount } from "@/db/notifications";
import { getProvince } from "@/db/provinces";
import { unreadReminderCount } from "@/db/reminders";
import { findTwoFactor } from "@/db/two-factor";
import { mustEnrolTwoFactor } from "@/lib/auth/two-factor-policy";
import { menuFor } from "@/lib/domain/navigation";
import { env } from "@/lib/env";
import { defineQuery } from "../define";

export interface MenuItem {
  href: string;
  labelKey: string;
  /** Unread notifications and reminders, on the notifications link. */
  count?: number;
}

/**
 * The frame around every signed-in page: who is signed in, their scope, and the links they may follow
 * (lib/domain/navigation.ts, decided by each page's policy row). Open before the two-factor enrolment,
 * since the frame is drawn on the enrolment page too; a user who still owes it gets no links, as nothing
 * else would open for them. The frame is no gate: every page checks the user again.
 */
export const navigationMenu = defineQuery({
  name: "navigation.menu",
  input: z.object({}),
  beforeTwoFactor: true,
  load: () => ({}),
  province: () => null,
  run: ({ db, actor }) => {
    const twoFactorEnabled = findTwoFactor(db, actor.id)?.enabledAt != null;
    const enrolFirst = mustEnrolTwoFactor({ role: actor.role, twoFactorEnabled }, env.TWO_FACTOR_REQUIRED_ROLES);
    const province = actor.provinceCode ? getProvince(db, actor.provinceCode) : undefined;
    const items: MenuItem[] = enrolFirst
      ? []
      : menuFor(actor).map((entry) => ({
          href: entry.page,
          labelKey: entry.labelKey,
          ...(entry.counted ? { count: unreadCount(db, actor.id) + unreadReminderCount(db, actor.id) } : {}),
        }));
    return {
      user: { name: actor.name, role: actor.role },
      /** The province the user is bound to; null for a national user. */
      province: province ? { nameZh: province.nameZh, nameEn: province.nameEn } : null,
      enrolFirst,
      items,
    };
  },
});
