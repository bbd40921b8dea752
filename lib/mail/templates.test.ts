import { describe, expect, it } from "vitest";
import type { MailItem } from "@/db/mail-outbox";
import { DIGEST_MAX_ITEMS, reminderMailRenderer } from "./templates";

const render = reminderMailRenderer("https://tracker.example.cn/");
const flag: MailItem = {
  category: "flag_red",
  centreId: null,
  centreName: null,
  period: null,
  flagKey: "stale_reporting|c1",
  params: { code: "stale_reporting", subjectZh: "嘉兴示例中心", subjectEn: "嘉兴示例中心", explanationZh: "三个报告期未报送。", explanationEn: "Three periods missing." },
};
const dueSoon: MailItem = { category: "due_soon", centreId: "c1", centreName: "嘉兴示例中心", period: "2026-Q3", flagKey: null, params: { dueDate: "2026-10-15", daysLeft: 1 } };

describe("reminderMailRenderer", () => {
  it("writes one reminder in the recipient's language, with its link and the settings link", () => {
    expect(render({ name: "张三", locale: "zh" }, [flag], null)).toEqual({
      subject: "【人工智能创新中心建设监测平台】新的红色风险提示（未按期报送：嘉兴示例中心）：三个报告期未报送。",
      body: [
        "张三，您好：",
        "",
        "新的红色风险提示（未按期报送：嘉兴示例中心）：三个报告期未报送。",
        "查看：https://tracker.example.cn/flags/stale_reporting%7Cc1",
        "",
        "本邮件由系统自动发送，请勿回复。调整邮件提醒方式或屏蔽类别：https://tracker.example.cn/settings/notifications",
      ].join("\n"),
    });
  });

  it("lists a day's reminders in one digest, numbered", () => {
    const { subject, body } = render({ name: "Li Si", locale: "en" }, [dueSoon, flag], "2026-10-14");
    expect(subject).toBe("[AI Centre Tracker] Reminders for 2026-10-14 (2)");
    expect(body.split("\n").slice(2)).toEqual([
      "These need your attention on 2026-10-14:",
      "",
      "1. The 2026-Q3 update of 嘉兴示例中心 is due on 2026-10-15, in 1 day.",
      "   Open: https://tracker.example.cn/centres/c1/updates/2026-Q3",
      "2. New red risk flag (Stale reporting: 嘉兴示例中心): Three periods missing.",
      "   Open: https://tracker.example.cn/flags/stale_reporting%7Cc1",
      "",
      "This message was sent automatically; please do not reply. Change how you receive reminders or mute categories: https://tracker.example.cn/settings/notifications",
    ]);
  });

  it(`lists at most ${DIGEST_MAX_ITEMS} reminders in a digest and counts the rest`, () => {
    const items = Array.from({ length: DIGEST_MAX_ITEMS + 7 }, () => dueSoon);
    const { subject, body } = render({ name: "张三", locale: "zh" }, items, "2026-10-14");
    expect(subject).toBe(`【人工智能创新中心建设监测平台】2026-10-14 提醒汇总（${DIGEST_MAX_ITEMS + 7} 条）`);
    expect(body).toContain(`${DIGEST_MAX_ITEMS}. `);
    expect(body).not.toContain(`${DIGEST_MAX_ITEMS + 1}. `);
    expect(body).toContain("……另有 7 条未列出，请在“通知”页面查看：https://tracker.example.cn/notifications");
    expect(render({ name: "Li Si", locale: "en" }, items, "2026-10-14").body).toContain("… and 7 more, see Notifications: https://tracker.example.cn/notifications");
  });
});
