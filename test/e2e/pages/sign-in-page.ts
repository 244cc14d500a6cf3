import type { Locator, Page } from 'playwright-core';

/** The sign-in page (/sign-in). */
export class SignInPage {
  readonly username: Locator;
  readonly password: Locator;
  readonly submitButton: Locator;
  readonly error: Locator;
  readonly demoNote: Locator;

  constructor(readonly page: Page) {
    this.username = page.locator('#signIn_username');
    this.password = page.locator('#signIn_password');
    this.submitButton = page.locator('form#signIn button[type="submit"]');
    this.error = page.getByTestId('sign-in-error');
    this.demoNote = page.locator('.lm-signin__demo-note');
  }

  async goto(): Promise<void> {
    await this.page.goto('/sign-in');
    await this.waitUntilShown();
  }

  async waitUntilShown(): Promise<void> {
    await this.username.waitFor({ state: 'visible' });
  }

  async fillAndSubmit(username: string, password: string): Promise<void> {
    await this.username.fill(username);
    await this.password.fill(password);
    await this.submitButton.click();
  }

  /** Signs in and waits for the signed-in shell. */
  async signIn(username: string, password: string): Promise<void> {
    await this.fillAndSubmit(username, password);
    await this.page.locator('.lm-header').waitFor({ state: 'visible' });
  }

  async errorMessage(): Promise<string> {
    await this.error.waitFor({ state: 'visible' });
    return (await this.error.innerText()).trim();
  }

  async switchLanguage(label: '中文' | 'English'): Promise<void> {
    await this.page.locator('.ant-segmented').getByText(label, { exact: true }).click();
  }
}
