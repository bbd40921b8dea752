import { describe, expect, it } from "vitest";
import { readEnv } from "./env";

describe("readEnv", () => {
  it("fills the documented defaults", () => {
    expect(readEnv({})).toMatchObject({ DATABASE_PATH: "data/tracker.db", SEED_DEMO: "1", PORT: 3000, SESSION_MAX_AGE_HOURS: 12 });
    expect(readEnv({})).toMatchObject({ REMINDER_DAYS_BEFORE: 3, REMINDER_ESCALATE_PROVINCE_DAYS: 7, REMINDER_ESCALATE_NATIONAL_DAYS: 14, REMINDER_OVERDUE_WINDOW_DAYS: 60, MAIL_DIGEST_HOUR: 8 });
    expect(readEnv({}).SMTP_URL).toBeUndefined();
    expect(readEnv({})).toMatchObject({ SESSION_IDLE_MINUTES: 30, LOGIN_ADDRESS_MAX_FAILURES: 30, TRUST_PROXY: "0" });
  });

  it.each([
    [undefined, ["reviewer", "admin"]],
    ["", []],
    [" admin , staff ", ["admin", "staff"]],
    ["reviewer,", ["reviewer"]],
  ])("reads TWO_FACTOR_REQUIRED_ROLES %j as %j", (value, roles) => {
    expect(readEnv(value === undefined ? {} : { TWO_FACTOR_REQUIRED_ROLES: value }).TWO_FACTOR_REQUIRED_ROLES).toEqual(roles);
  });

  it.each(["noreply@example.gov.cn", "监测平台 <noreply@example.gov.cn>", "AI Centre Tracker <no-reply@mail.example.cn>"])("accepts %s as the sender", (from) => {
    expect(readEnv({ MAIL_FROM: from }).MAIL_FROM).toBe(from);
  });

  it.each([
    [{ SEED_DEMO: "yes" }, /SEED_DEMO/],
    [{ PORT: "http" }, /PORT/],
    [{ NEXTAUTH_SECRET: "short" }, /NEXTAUTH_SECRET/],
    [{ NEXTAUTH_URL: "not a url" }, /NEXTAUTH_URL/],
    [{ REPORTING_START: "2026-13-01" }, /REPORTING_START/],
    [{ SMTP_URL: "http://mail.example.gov.cn" }, /SMTP_URL/],
    [{ SMTP_URL: "smtp://mail.example.gov.cn:25" }, /MAIL_FROM/],
    [{ REMINDER_ESCALATE_PROVINCE_DAYS: "10", REMINDER_ESCALATE_NATIONAL_DAYS: "5" }, /REMINDER_ESCALATE_NATIONAL_DAYS/],
    [{ REMINDERS_INTERVAL: "0" }, /REMINDERS_INTERVAL/],
    [{ REMINDER_OVERDUE_WINDOW_DAYS: "10" }, /REMINDER_OVERDUE_WINDOW_DAYS: must not be below REMINDER_ESCALATE_NATIONAL_DAYS/],
    [{ MAIL_FROM: "监测平台" }, /MAIL_FROM: must be an address such as/],
    [{ MAIL_FROM: "noreply" }, /MAIL_FROM/],
    [{ MAIL_FROM: "监测平台 <noreply>" }, /MAIL_FROM/],
    [{ MAIL_FROM: "a@b.cn, c@d.cn" }, /MAIL_FROM/],
    [{ SESSION_MAX_AGE_HOURS: "0" }, /SESSION_MAX_AGE_HOURS/],
    [{ SESSION_IDLE_MINUTES: "1" }, /SESSION_IDLE_MINUTES/],
    [{ SESSION_MAX_AGE_HOURS: "1", SESSION_IDLE_MINUTES: "90" }, /SESSION_IDLE_MINUTES: must not exceed SESSION_MAX_AGE_HOURS/],
    [{ LOGIN_ADDRESS_MAX_FAILURES: "3" }, /LOGIN_ADDRESS_MAX_FAILURES/],
    [{ TRUST_PROXY: "yes" }, /TRUST_PROXY/],
    [{ TWO_FACTOR_REQUIRED_ROLES: "reviewer,boss" }, /TWO_FACTOR_REQUIRED_ROLES.*must be a comma list of staff, reviewer, admin/],
  ])("refuses %o with the variable's name", (source, message) => {
    expect(() => readEnv(source)).toThrow(message);
  });
});
