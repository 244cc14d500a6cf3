import type { Locator, Page } from 'playwright-core';

/** A case document's print page (/cases/:id/print/:document): the A4 paper and a print button. */
export class CasePrintPage {
  readonly paper: Locator;
  readonly printButton: Locator;

  constructor(readonly page: Page) {
    this.paper = page.getByTestId('paper');
    this.printButton = page.getByTestId('print-button');
  }

  async goto(caseId: string, document: string): Promise<void> {
    await this.page.goto(`/cases/${caseId}/print/${document}`);
    await this.paper.first().waitFor({ state: 'visible' });
  }

  goals(): Locator {
    return this.page.getByTestId('paper-goal');
  }

  /** Chromium's print-to-PDF of the page as A4, with the print styles applied. */
  async pdf(): Promise<Buffer> {
    await this.page.emulateMedia({ media: 'print' });
    try {
      return await this.page.pdf({ format: 'A4', preferCSSPageSize: true });
    } finally {
      await this.page.emulateMedia({ media: 'screen' });
    }
  }
}
