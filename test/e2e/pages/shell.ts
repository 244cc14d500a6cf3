import type { Locator, Page } from 'playwright-core';

/** The signed-in frame: header, side menu (or drawer on phones), user menu. */
export class Shell {
  readonly header: Locator;
  readonly userMenuButton: Locator;
  readonly menuButton: Locator;
  readonly drawer: Locator;

  constructor(readonly page: Page) {
    this.header = page.locator('.lm-header');
    this.userMenuButton = page.getByTestId('user-menu');
    this.menuButton = page.locator('.lm-header__menu-button');
    this.drawer = page.getByTestId('nav-drawer');
  }

  /** The navigation menu that is on screen: the side menu, or the drawer's. */
  navigation(): Locator {
    return this.page.locator('.lm-sider .ant-menu, [data-testid="nav-drawer"] .ant-menu').first();
  }

  async menuLabels(): Promise<string[]> {
    const items = this.navigation().locator('.ant-menu-item');
    return (await items.allInnerTexts()).map((text) => text.trim());
  }

  async headerText(): Promise<string> {
    return this.header.innerText();
  }

  async scopeName(): Promise<string> {
    return (await this.page.getByTestId('scope-name').innerText()).trim();
  }

  async go(label: string): Promise<void> {
    await this.navigation().locator('.ant-menu-item').filter({ hasText: label }).click();
  }

  async switchLanguage(label: '中文' | 'English'): Promise<void> {
    await this.header.locator('.ant-segmented').getByText(label, { exact: true }).click();
  }

  async openUserMenu(): Promise<Locator> {
    await this.userMenuButton.click();
    const menu = this.page.locator('.ant-dropdown:not(.ant-dropdown-hidden) .ant-dropdown-menu');
    await menu.waitFor({ state: 'visible' });
    return menu;
  }

  async signOut(signOutLabel: string): Promise<void> {
    const menu = await this.openUserMenu();
    await menu.getByText(signOutLabel, { exact: true }).click();
  }

  async openDrawer(): Promise<Locator> {
    await this.menuButton.click();
    await this.drawer.waitFor({ state: 'visible' });
    return this.drawer;
  }
}
