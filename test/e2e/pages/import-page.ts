import type { Download, Locator, Page } from 'playwright-core';

/** The import page (/people/import): template, file, mapping, dry run, import. */
export class ImportPage {
  readonly templateButton: Locator;
  readonly fileInput: Locator;
  readonly layout: Locator;
  readonly summary: Locator;
  readonly failedRows: Locator;
  readonly dryRunButton: Locator;
  readonly confirmButton: Locator;
  readonly error: Locator;

  constructor(readonly page: Page) {
    this.templateButton = page.getByTestId('import-template');
    this.fileInput = page.locator('.lm-import input[type="file"]');
    this.layout = page.getByTestId('import-layout');
    this.summary = page.getByTestId('import-summary');
    this.failedRows = page.getByTestId('import-failed');
    this.dryRunButton = page.getByTestId('import-dry-run');
    this.confirmButton = page.getByTestId('import-confirm');
    this.error = page.getByTestId('import-error');
  }

  async goto(): Promise<void> {
    await this.page.goto('/people/import');
    await this.templateButton.waitFor({ state: 'visible' });
  }

  async downloadTemplate(): Promise<Download> {
    const download = this.page.waitForEvent('download');
    await this.templateButton.click();
    return download;
  }

  async choose(path: string): Promise<void> {
    await this.fileInput.setInputFiles(path);
    await this.layout.or(this.error).first().waitFor({ state: 'visible' });
  }

  async chooseDefaultVillage(name: string): Promise<void> {
    await this.page.getByTestId('import-village').click();
    await this.page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: name }).first().click();
  }
}
