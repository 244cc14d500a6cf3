import type { Locator, Page } from 'playwright-core';

/** The tasks page (/tasks): tabs, filters, and the tasks as cards (phones) or rows (desktop). */
export class TasksList {
  readonly root: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId('tasks-page');
  }

  async goto(query = ''): Promise<void> {
    await this.page.goto(`/tasks${query}`);
    await this.root.waitFor({ state: 'visible' });
  }

  /** A person's task, as a card or a table row. */
  taskOf(personId: string): Locator {
    return this.root.locator(`[data-testid="task-card"][data-person="${personId}"], .ant-table-row:has([data-person="${personId}"])`);
  }
}
