import { expect, type Locator, type Page } from "@playwright/test";
import { flagKey } from "../../lib/domain/risk/types";
import type { FlagAction } from "../../lib/domain/risk/flag-review";
import { field, zh } from "../fixtures";

type Messages = typeof zh;

/** The key of the same-city duplicate-construction flag on two centres (the rules sort the ids). */
export function duplicateFlagKey(a: string, b: string): string {
  return flagKey("duplicate_construction", [a, b], "same_city_focus");
}

/**
 * One flag: /flags/{key}. Its explanation in the page's language in the table and in the other
 * language below it, the figures, the duplicate comparison, the review form (reviewers of its
 * province only) and the review history.
 */
export class FlagPage {
  readonly main: Locator;
  readonly heading: Locator;
  /** "已记录：…。" after a review (`?done=…`). */
  readonly done: Locator;
  /** The one row of the flag table: severity, rule, subject, explanation, state. */
  readonly row: Locator;
  readonly otherLanguage: Locator;
  readonly comparison: Locator;
  readonly figures: Locator;
  readonly reviewForm: Locator;
  /** The actions offered, as the radios' labels read. */
  readonly actions: Locator;
  readonly formError: Locator;
  readonly comment: Locator;
  readonly expiresOn: Locator;
  readonly history: Locator;
  readonly historyRows: Locator;
  readonly noHistory: Locator;

  constructor(
    readonly page: Page,
    readonly m: Messages = zh,
  ) {
    this.main = page.getByRole("main");
    this.heading = this.main.getByRole("heading", { level: 1 });
    this.done = this.main.locator("p.form-success[role=status]");
    this.row = this.main.getByRole("table", { name: m.risk.subjectCaption }).locator("tbody tr");
    this.otherLanguage = this.main.getByTestId("other-language-explanation");
    this.comparison = this.main.getByTestId("duplicate-comparison");
    this.figures = this.main.getByTestId("flag-figures");
    this.reviewForm = this.main.getByRole("form", { name: m.risk.review.formTitle });
    this.formError = this.reviewForm.getByRole("alert");
    this.actions = this.reviewForm.getByRole("group", { name: m.risk.review.action }).locator("label");
    // The comment's label follows the chosen action ("忽略理由", "认定合理的理由", …): found by its name instead.
    this.comment = this.reviewForm.locator('textarea[name="comment"]');
    this.expiresOn = field(this.reviewForm, m.risk.review.expiresOn);
    this.history = this.main.getByRole("region", { name: m.risk.history });
    this.historyRows = this.main.getByTestId("flag-history").locator("tbody tr");
    this.noHistory = this.history.getByText(m.risk.noHistory);
  }

  static path(key: string): string {
    return `/flags/${encodeURIComponent(key)}`;
  }

  async goto(key: string): Promise<void> {
    await this.page.goto(FlagPage.path(key));
    await expect(this.heading).toBeVisible();
  }

  /** The state badge as the page shows it, e.g. "认定合理", "已忽略，至 2026-12-27", "重新出现（数据恶化）". */
  state(): Locator {
    return this.heading.locator(".flag-state");
  }

  async review(action: FlagAction, comment: string, expiresOn?: string): Promise<void> {
    await this.reviewForm.getByRole("radio", { name: this.m.risk.review.actions[action] }).check();
    await expect(field(this.reviewForm, this.m.risk.review.commentLabel[action])).toBeVisible();
    await this.comment.fill(comment);
    if (expiresOn !== undefined) await this.expiresOn.fill(expiresOn);
    await this.reviewForm.getByRole("button", { name: this.m.risk.review.submit }).click();
  }

  /** The labels of these actions, in the form's order. */
  actionLabels(actions: FlagAction[]): string[] {
    return actions.map((a) => this.m.risk.review.actions[a]);
  }

  /** After a review: the redirect to `?done={action}` and its message. */
  async expectDone(key: string, action: FlagAction): Promise<void> {
    await expect(this.page).toHaveURL(`${FlagPage.path(key)}?done=${action}`);
    await expect(this.done).toHaveText(this.m.risk.review.done.replace("{action}", this.m.risk.review.actions[action]));
  }
}
