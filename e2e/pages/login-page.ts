import { expect, type Locator, type Page } from "@playwright/test";

/** The sign-in page. Works in either UI language: the form is found by its class, the fields by label. */
export class LoginPage {
  readonly form: Locator;
  readonly email: Locator;
  readonly password: Locator;
  /** The form's own submit button ("登录" / "Sign in"), not the language buttons above it. */
  readonly submit: Locator;
  readonly error: Locator;

  constructor(readonly page: Page) {
    this.form = page.locator("form.login-form");
    this.email = this.form.getByLabel(/^(电子邮箱|Email)$/);
    this.password = this.form.getByLabel(/^(密码|Password)$/);
    this.submit = this.form.getByRole("button");
    this.error = this.form.getByRole("alert");
  }

  async goto(): Promise<void> {
    await this.page.goto("/login");
    await expect(this.form).toBeVisible();
  }

  async fillAndSubmit(email: string, password: string): Promise<void> {
    await this.email.fill(email);
    await this.password.fill(password);
    await this.submit.click();
  }

  /** Signs in from the login page and waits until the app has navigated away from it. */
  async signIn(email: string, password: string): Promise<void> {
    await this.goto();
    await this.fillAndSubmit(email, password);
    await this.page.waitForURL((url) => url.pathname !== "/login");
  }
}
