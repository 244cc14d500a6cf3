import type { Locator, Page } from 'playwright-core';

type DocumentKind = 'intake' | 'assessment' | 'plan' | 'evaluation' | 'closure';

/** A case (/cases/:id): head with stage steps, document tabs, the next step, progress, referrals, history. */
export class CasePage {
  readonly root: Locator;
  readonly person: Locator;
  readonly steps: Locator;
  readonly nextStep: Locator;
  readonly nextButton: Locator;
  readonly nextBlocked: Locator;
  readonly history: Locator;
  readonly goalProgress: Locator;
  readonly dialog: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId('case-page');
    this.person = page.getByTestId('case-person');
    this.steps = page.getByTestId('case-steps');
    this.nextStep = page.getByTestId('next-step');
    this.nextButton = page.getByTestId('next-stage');
    this.nextBlocked = page.getByTestId('next-blocked');
    this.history = page.getByTestId('case-history');
    this.goalProgress = page.getByTestId('goal-progress');
    this.dialog = page.locator('.ant-modal:visible');
  }

  async goto(id: string): Promise<void> {
    await this.page.goto(`/cases/${id}`);
    await this.waitUntilShown();
  }

  async waitUntilShown(): Promise<void> {
    await this.person.waitFor({ state: 'visible' });
  }

  /** The case's id, from the address. */
  id(): string {
    const match = /\/cases\/([0-9a-f-]{36})/.exec(this.page.url());
    if (!match?.[1]) throw new Error(`not on a case page: ${this.page.url()}`);
    return match[1];
  }

  async stage(): Promise<string | null> {
    return this.root.getAttribute('data-stage');
  }

  /** Waits until the case shows this stage (after a transition the page re-renders in place). */
  async waitForStage(stage: string): Promise<void> {
    await this.page.locator(`[data-testid="case-page"][data-stage="${stage}"]`).waitFor({ state: 'visible' });
  }

  /** The current step's title in the stage steps. */
  currentStep(): Promise<string> {
    return this.steps.locator('.ant-steps-item-process .ant-steps-item-title, .ant-steps-item-finish:last-child .ant-steps-item-title').last().innerText();
  }

  async openTab(key: DocumentKind | 'services'): Promise<void> {
    await this.page.getByTestId(`tab-${key}`).click();
  }

  document(kind: DocumentKind): Locator {
    return this.page.getByTestId(`doc-${kind}`);
  }

  missing(kind: DocumentKind): Locator {
    return this.page.getByTestId(`missing-${kind}`);
  }

  /** A form field by its antd id: `intake_basicSituation`, `plan_goals_0_description`. */
  field(id: string): Locator {
    return this.page.locator(`#${id}`);
  }

  async fill(id: string, value: string): Promise<void> {
    await this.field(id).fill(value);
  }

  /** Picks the option with this label in a select. */
  async choose(id: string, label: string): Promise<void> {
    await this.noPopupOpen('.ant-select-dropdown', 'ant-select-dropdown-hidden');
    await this.field(id).click();
    await this.page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option').filter({ hasText: label }).first().click();
  }

  /** Waits until the popups of earlier fields have closed, so the next one found is this field's. */
  private async noPopupOpen(selector: string, hiddenClass: string): Promise<void> {
    await this.page.waitForFunction(
      ([sel, hidden]) => [...document.querySelectorAll(sel)].every((node) => node.classList.contains(hidden)),
      [selector, hiddenClass] as const,
    );
  }

  /** Ticks the radio (or checkbox) with this label inside the field `id`. */
  async tick(id: string, label: string): Promise<void> {
    await this.field(id).getByText(label, { exact: true }).click();
  }

  /** Sets a date field to today with the picker's "today" link. */
  async today(id: string): Promise<void> {
    await this.noPopupOpen('.ant-picker-dropdown', 'ant-picker-dropdown-hidden');
    await this.field(id).click();
    await this.page.locator('.ant-picker-dropdown:not(.ant-picker-dropdown-hidden)').locator('.ant-picker-today-btn, .ant-picker-now-btn').first().click();
  }

  /** Saves a document and waits for the server's answer. */
  async save(kind: DocumentKind): Promise<number> {
    // Waited on together, so a click that fails does not leave the wait to reject unheard.
    const [response] = await Promise.all([
      this.page.waitForResponse((r) => r.url().includes(`/documents/${kind}`) && r.request().method() === 'PUT'),
      this.page.getByTestId(`save-${kind}`).click(),
    ]);
    return response.status();
  }

  /** Moves to the next stage and waits for the page to show it. */
  async moveTo(stage: string): Promise<void> {
    const [response] = await Promise.all([this.page.waitForResponse((r) => r.url().endsWith('/transition')), this.nextButton.click()]);
    if (response.status() !== 200) throw new Error(`transition to ${stage}: ${response.status()} ${await response.text()}`);
    await this.waitForStage(stage);
  }

  async requestClose(note: string): Promise<void> {
    await this.page.getByTestId('request-close').click();
    await this.dialog.waitFor({ state: 'visible' });
    await this.dialog.locator('#closeRequest_note').fill(note);
    const [response] = await Promise.all([
      this.page.waitForResponse((r) => r.url().endsWith('/close-request')),
      this.dialog.locator('.ant-modal-footer .ant-btn-primary').click(),
    ]);
    if (response.status() !== 200) throw new Error(`close request: ${response.status()} ${await response.text()}`);
    await this.page.getByTestId('close-requested').waitFor({ state: 'visible' });
  }

  async approveClose(confirmLabel: string): Promise<void> {
    await this.page.getByTestId('approve-close').click();
    const [response] = await Promise.all([
      this.page.waitForResponse((r) => r.url().endsWith('/transition')),
      this.page.locator('.ant-popover:visible .ant-btn-primary').filter({ hasText: confirmLabel }).click(),
    ]);
    if (response.status() !== 200) throw new Error(`approve: ${response.status()} ${await response.text()}`);
    await this.waitForStage('closed');
  }

  text(): Promise<string> {
    return this.root.innerText();
  }
}
