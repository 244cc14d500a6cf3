import type { Locator, Page } from 'playwright-core';

/** The create / edit form of a person's file (/people/new, /people/:id/edit). */
export class PersonForm {
  readonly form: Locator;
  readonly saveButton: Locator;
  readonly mergeDialog: Locator;

  constructor(readonly page: Page) {
    this.form = page.locator('form#person');
    this.saveButton = page.getByTestId('person-save');
    this.mergeDialog = page.getByTestId('merge-dialog');
  }

  async gotoNew(): Promise<void> {
    await this.page.goto('/people/new');
    await this.field('name').waitFor({ state: 'visible' });
  }

  async gotoEdit(id: string): Promise<void> {
    await this.page.goto(`/people/${id}/edit`);
    await this.field('name').waitFor({ state: 'visible' });
  }

  /** An input by its form name: `phone`, or `child_guardian_name` for nested ones. */
  field(name: string): Locator {
    return this.page.locator(`#person_${name}`);
  }

  item(name: string): Locator {
    return this.page.locator('.ant-form-item').filter({ has: this.field(name) });
  }

  async fill(name: string, value: string): Promise<void> {
    await this.field(name).fill(value);
  }

  /** Chooses an option of a select (single or multiple) by its label. */
  async choose(name: string, label: string): Promise<void> {
    await this.field(name).click();
    await this.field(name).fill(label);
    await this.page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: label }).first().click();
    await this.page.keyboard.press('Escape');
  }

  async derivedText(): Promise<string> {
    const derived = this.page.getByTestId('id-derived');
    await derived.waitFor({ state: 'visible' });
    return derived.innerText();
  }

  async save(): Promise<void> {
    await this.saveButton.click();
  }

  /** Saves the merged file and waits for the server's answer, so a failure names what the server said. */
  async saveMerged(): Promise<void> {
    const [response] = await Promise.all([this.page.waitForResponse((response) => response.request().method() === 'PATCH' && response.url().includes('/api/people/')), this.page.locator('.ant-modal:visible .ant-modal-footer .ant-btn-primary').click()]);
    if (response.status() !== 200) throw new Error(`merged save answered ${response.status()}: ${await response.text()}`);
  }
}
