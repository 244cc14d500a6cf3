import { chromium, type Browser, type BrowserContext } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export const DESKTOP = { width: 1440, height: 900 } as const;
export const PHONE = { width: 390, height: 844 } as const;

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
}

/** A fresh context (own cookies and localStorage) at desktop or phone size. */
export function newContext(browser: Browser, baseURL: string, size: 'desktop' | 'phone' = 'desktop'): Promise<BrowserContext> {
  if (size === 'phone') {
    return browser.newContext({ baseURL, viewport: PHONE, isMobile: true, hasTouch: true, deviceScaleFactor: 2, timezoneId: 'Asia/Shanghai' });
  }
  return browser.newContext({ baseURL, viewport: DESKTOP, timezoneId: 'Asia/Shanghai' });
}

export const DEMO_PASSWORD = process.env.LASTMETER_DEMO_PASSWORD ?? 'demo-2026';
