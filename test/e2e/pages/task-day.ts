import type { Locator, Page } from 'playwright-core';

/** The worker's day on top of the home page (/): today's tasks by village. */
export class TaskDay {
  readonly root: Locator;
  readonly empty: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId('worker-day');
    this.empty = page.getByTestId('worker-day-empty');
  }

  async goto(): Promise<void> {
    await this.page.goto('/');
    await this.waitUntilLoaded();
  }

  /** Waits until the day's list (or its empty state) has arrived. */
  async waitUntilLoaded(): Promise<void> {
    await this.root.locator('[data-testid="day-village"], [data-testid="worker-day-empty"]').first().waitFor({ state: 'visible' });
  }

  /** The village section a person's task is in. */
  villageOf(personId: string): Locator {
    return this.root.getByTestId('day-village').filter({ has: this.page.locator(`[data-person="${personId}"]`) });
  }

  /** A person's task cards, or one kind of them (`phone`, `home_visit`). */
  tasksOf(personId: string, kind?: 'phone' | 'home_visit'): Locator {
    const cards = this.root.locator(`[data-testid="task-card"][data-person="${personId}"]`);
    return kind ? cards.filter({ has: this.page.locator(`.ant-tag[data-kind="${kind}"]`) }) : cards;
  }

  task(id: string): Locator {
    return this.root.locator(`[data-testid="task-card"][data-task="${id}"]`);
  }

  count(which: 'today' | 'overdue' | 'done'): Locator {
    return this.root.getByTestId(`count-${which}`).locator('.lm-day-count__value');
  }
}
