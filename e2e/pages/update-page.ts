import { expect, type Locator, type Page } from "@playwright/test";
import { field, periodName, zh } from "../fixtures";

type Messages = typeof zh;
export type UpdateStatus = keyof Messages["updateStatuses"];
/** The update form's value fields, by the name the app gives them (labels are `updates.fields.<name>`). */
export type ValueField = keyof Messages["updates"]["fields"];

/**
 * One centre's progress report for one period: /centres/{id}/updates/{period}. Staff see the form,
 * everyone else the read-only comparison; reviewers also the review (or reopen) panel.
 */
export class UpdatePage {
  readonly main: Locator;
  readonly heading: Locator;
  /** The update form (only where the user may edit this update). */
  readonly form: Locator;
  readonly formError: Locator;
  /** The message after a redirect (`?done=…`): "已提交审核。" etc. */
  readonly done: Locator;
  /** "退回原因：…" on a returned update. */
  readonly returnNote: Locator;
  /** The read-only "本期填报数值" comparison. */
  readonly values: Locator;
  readonly approvedStamp: Locator;
  readonly evidence: Locator;
  readonly evidenceForm: Locator;
  readonly evidenceFile: Locator;
  readonly review: Locator;
  readonly reviewForm: Locator;
  readonly reason: Locator;
  readonly reopen: Locator;

  constructor(
    readonly page: Page,
    readonly m: Messages = zh,
  ) {
    this.main = page.getByRole("main");
    this.heading = this.main.getByRole("heading", { level: 1 });
    this.form = this.main.locator("form.update-form");
    this.formError = this.form.getByRole("alert");
    this.done = this.main.locator("p.form-success[role=status]");
    this.returnNote = this.main.getByRole("note");
    this.values = this.main.getByRole("region", { name: m.updates.values });
    this.approvedStamp = this.main.getByTestId("approved-stamp");
    this.evidence = this.main.getByRole("region", { name: m.updates.evidence });
    this.evidenceForm = this.evidence.locator("form").filter({ has: page.getByRole("button", { name: m.updates.upload, exact: true }) });
    this.evidenceFile = field(this.evidenceForm, m.updates.evidenceFile);
    this.review = this.main.getByRole("region", { name: m.updates.review, exact: true });
    this.reviewForm = this.review.locator("form");
    this.reason = field(this.reviewForm, m.updates.returnReason);
    this.reopen = this.main.getByRole("region", { name: m.updates.reopenTitle, exact: true });
  }

  /** The approval stamp reads "YYYY-MM-DD HH:mm · {approver}" (Beijing time). */
  static stamp(approver: string): RegExp {
    return new RegExp(`^\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2} · ${approver.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`);
  }

  static path(centreId: string, period: string): string {
    return `/centres/${centreId}/updates/${period}`;
  }

  async goto(centreId: string, period: string): Promise<void> {
    await this.page.goto(UpdatePage.path(centreId, period));
    await expect(this.heading).toContainText(this.m.updates.title.replace("{period}", periodName(period, this.m === zh ? "zh" : "en")));
  }

  /** The heading reads "{period} 进度报告 {status}". */
  async expectStatus(period: string, status: UpdateStatus): Promise<void> {
    const title = this.m.updates.title.replace("{period}", periodName(period, this.m === zh ? "zh" : "en"));
    await expect(this.heading).toHaveText(`${title} ${this.m.updateStatuses[status]}`);
  }

  value(name: ValueField): Locator {
    return field(this.form, this.m.updates.fields[name]);
  }

  /** "他人保存的当前值：…" below a field after a conflict. */
  currentValue(name: ValueField): Locator {
    // `has` is matched inside each field's box, so the inner locator starts from the page, not the form.
    return this.form.locator(".field-grid > div").filter({ has: field(this.page, this.m.updates.fields[name]) }).locator(".conflict-value");
  }

  progress(milestone: string): Locator {
    return field(this.form, this.m.updates.progressOf.replace("{title}", milestone));
  }

  completionDate(milestone: string): Locator {
    return field(this.form, this.m.updates.completionDateOf.replace("{title}", milestone));
  }

  async fill(values: Partial<Record<ValueField, string>>): Promise<void> {
    for (const [name, value] of Object.entries(values) as [ValueField, string][]) {
      if (name === "computePrecision") await this.value(name).selectOption(value);
      else await this.value(name).fill(value);
    }
  }

  async saveDraft(): Promise<void> {
    await this.form.getByRole("button", { name: this.m.updates.saveDraft }).click();
  }

  async submit(): Promise<void> {
    await this.form.getByRole("button", { name: this.m.updates.submit }).click();
  }

  /** Uploads a file as evidence, for a milestone or (without one) for the update as a whole. */
  async upload(file: { name: string; mimeType: string; buffer: Buffer }, milestone?: string): Promise<void> {
    await this.evidenceFile.setInputFiles(file);
    await field(this.evidenceForm, this.m.updates.evidenceFor).selectOption(milestone ? { label: milestone } : "");
    await this.evidenceForm.getByRole("button", { name: this.m.updates.upload, exact: true }).click();
  }

  async approve(): Promise<void> {
    await this.reviewForm.getByRole("button", { name: this.m.updates.approve }).click();
  }

  async returnWith(reason: string): Promise<void> {
    await this.reason.fill(reason);
    await this.reviewForm.getByRole("button", { name: this.m.updates.return }).click();
  }
}
