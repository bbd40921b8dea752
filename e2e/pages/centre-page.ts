import { expect, type Locator, type Page } from "@playwright/test";
import type { DeliveryLevel } from "../../lib/domain/engine";
import { field, zh } from "../fixtures";

type Messages = typeof zh;

/**
 * A centre's progress and risk: /centres/{id}. Completion, the computed level, the latest
 * delivery-confidence rating, the flags naming the centre, and (reviewers of its province) the rating form.
 */
export class CentrePage {
  readonly main: Locator;
  readonly heading: Locator;
  readonly completion: Locator;
  /** The badge beside "系统判定"; its data-level is green, amber or red. */
  readonly computedLevel: Locator;
  readonly latestRating: Locator;
  /** Rows of the centre's flag table (dismissed ones included). */
  readonly flags: Locator;
  readonly ratingForm: Locator;
  readonly rating: Locator;
  readonly narrative: Locator;
  readonly formError: Locator;
  readonly confidence: Locator;
  readonly ratingHistory: Locator;

  constructor(
    readonly page: Page,
    readonly m: Messages = zh,
  ) {
    this.main = page.getByRole("main");
    this.heading = this.main.getByRole("heading", { level: 1 });
    this.completion = this.main.getByTestId("centre-completion");
    const standing = this.main.getByRole("region", { name: m.progress.centreHeading });
    this.computedLevel = standing.locator("dl.summary > div").filter({ has: page.getByRole("term").filter({ hasText: m.risk.computedLevel }) }).locator("[data-level]");
    this.latestRating = this.main.getByTestId("latest-rating");
    this.flags = standing.getByRole("table", { name: m.risk.title }).locator("tbody tr");
    this.confidence = this.main.getByRole("region", { name: m.confidence.title });
    this.ratingForm = this.main.getByRole("form", { name: m.confidence.formTitle });
    this.rating = field(this.ratingForm, m.confidence.rating);
    this.narrative = field(this.ratingForm, m.confidence.narrative);
    this.formError = this.ratingForm.getByRole("alert");
    this.ratingHistory = this.main.getByTestId("rating-history").locator("tbody tr");
  }

  async goto(id: string): Promise<void> {
    await this.page.goto(`/centres/${id}`);
    await expect(this.completion).toBeVisible();
  }

  async level(): Promise<DeliveryLevel> {
    return (await this.computedLevel.getAttribute("data-level")) as DeliveryLevel;
  }

  /** This centre's flag rows by rule ("未按期报送", …) and, for a pair, the other centre's name. */
  flag(code: keyof Messages["risk"]["codes"], others: string[] = []): Locator {
    let rows = this.flags.filter({ has: this.page.getByRole("link", { name: this.m.risk.codes[code], exact: true }) });
    for (const name of others) rows = rows.filter({ has: this.page.getByRole("link", { name, exact: true }) });
    return rows;
  }

  async rate(level: DeliveryLevel | "", narrative: string): Promise<void> {
    await this.rating.selectOption(level);
    await this.narrative.fill(narrative);
    await this.ratingForm.getByRole("button", { name: this.m.confidence.submit }).click();
  }
}
