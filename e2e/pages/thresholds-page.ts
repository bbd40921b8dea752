import { expect, type Locator, type Page } from "@playwright/test";
import { zh } from "../fixtures";

type Messages = typeof zh;
/** A threshold's dotted key, as the page and the audit log name it: "stale.redMissedPeriods". */
export type ThresholdKey = `${string}.${string}`;

/** /admin/thresholds: one row and one small form per threshold, each saved or reset on its own. */
export class ThresholdsPage {
  readonly main: Locator;
  /** "已保存“…”，立即生效。" / "已将“…”恢复为默认值。" */
  readonly done: Locator;

  constructor(
    readonly page: Page,
    readonly m: Messages = zh,
  ) {
    this.main = page.getByRole("main");
    this.done = this.main.locator("p.form-success[role=status]");
  }

  async goto(): Promise<void> {
    await this.page.goto("/admin/thresholds");
    await expect(this.main.getByRole("heading", { level: 1 })).toHaveText(this.m.thresholds.title);
  }

  label(key: ThresholdKey): string {
    return this.m.thresholds.fields[key.replace(".", "_") as keyof Messages["thresholds"]["fields"]];
  }

  row(key: ThresholdKey): Locator {
    return this.main.locator(`tr[data-threshold="${key}"]`);
  }

  /** The value in force, labelled with the threshold's name. */
  input(key: ThresholdKey): Locator {
    return this.row(key).getByLabel(this.label(key), { exact: true });
  }

  error(key: ThresholdKey): Locator {
    return this.row(key).getByRole("alert");
  }

  resetButton(key: ThresholdKey): Locator {
    return this.row(key).getByRole("button", { name: this.m.thresholds.reset });
  }

  overridden(key: ThresholdKey): Locator {
    return this.row(key).getByText(this.m.thresholds.overridden, { exact: true });
  }

  async set(key: ThresholdKey, value: string): Promise<void> {
    await this.input(key).fill(value);
    await this.row(key).getByRole("button", { name: this.m.thresholds.save }).click();
  }

  async reset(key: ThresholdKey): Promise<void> {
    await this.resetButton(key).click();
    await expect(this.page).toHaveURL(`/admin/thresholds?reset=${encodeURIComponent(key)}`);
    await expect(this.done).toHaveText(this.m.thresholds.resetKey.replace("{label}", this.label(key)));
  }

  /** Back to the default if a test left it changed (a failed run must not leave other tests on an edited table). */
  async resetIfOverridden(key: ThresholdKey): Promise<void> {
    await this.goto();
    if ((await this.resetButton(key).count()) > 0) await this.reset(key);
  }
}
