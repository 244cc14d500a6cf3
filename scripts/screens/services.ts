/**
 * Screenshots of the service-record pages (called from scripts/screenshots.ts): the form with the
 * elder's checklist, its errors, a record with photos and history, the station's list, the
 * findings, the person page's card and the home cards of a worker and a manager.
 */
import { deflateSync } from 'node:zlib';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { apiAs, createPerson, firstVillage } from '../../test/e2e/support/people';

type Size = 'desktop' | 'phone';
type Lang = 'zh-CN' | 'en-US';

/** The helpers of scripts/screenshots.ts this module photographs with. */
export interface ScreenKit {
  browser: Browser;
  url: string;
  size: Size;
  lang: Lang;
  tag: string;
  open: (browser: Browser, url: string, size: Size, lang: Lang) => Promise<{ context: BrowserContext; page: Page }>;
  shot: (page: Page, name: string, fullPage?: boolean) => Promise<void>;
  signIn: (page: Page, username: string) => Promise<void>;
  visit: (page: Page, path: string) => Promise<void>;
}

export interface ServicesFixture {
  elderId: string;
  recordId: string;
  /** An elder without records yet, for the form. */
  newElderId: string;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Buffer): number {
  let c = 0xffffffff;
  for (const byte of bytes) c = (CRC_TABLE[(c ^ byte) & 0xff] ?? 0) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A 240×180 PNG in warm stove colours, so a photo looks like one in the shots. */
function photoPng(hue: number): Buffer {
  const width = 240;
  const height = 180;
  const rows: Buffer[] = [];
  for (let y = 0; y < height; y++) {
    const row = Buffer.alloc(1 + width * 3);
    for (let x = 0; x < width; x++) {
      row[1 + x * 3] = Math.min(255, 120 + hue + Math.round((x / width) * 100));
      row[2 + x * 3] = Math.round(60 + (y / height) * 90);
      row[3 + x * 3] = Math.round(40 + ((x + y) % 60));
    }
    rows.push(row);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8;
  header[9] = 2;
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', deflateSync(Buffer.concat(rows))), chunk('IEND', Buffer.alloc(0))]);
}

const daysAgo = (days: number, hour = 10) => {
  const at = new Date(Date.now() - days * 86_400_000);
  at.setUTCHours(hour - 8, 0, 0, 0);
  return at.toISOString();
};
const dayOf = (offsetDays: number) => new Date(Date.now() + 8 * 3_600_000 + offsetDays * 86_400_000).toISOString().slice(0, 10);

/** Elders with home visits (concerns, photos, a correction), phone calls with follow-ups, a manager's visit. */
export async function seedServices(url: string): Promise<ServicesFixture> {
  const worker = await apiAs(url, 'anyuan.worker');
  const manager = await apiAs(url, 'anyuan.manager');
  try {
    const village = await firstVillage(worker.api);
    const post = async (client: typeof worker, path: string, body: Record<string, unknown>) => {
      const reply = await client.api.post(path, { data: body, headers: { 'X-CSRF-Token': client.csrf } });
      if (!reply.ok()) throw new Error(`${path}: ${reply.status()} ${await reply.text()}`);
      return (await reply.json()) as { id: string; version: number };
    };
    const elderId = await createPerson(worker, {
      name: '杨秀珍',
      villageId: village.id,
      birthDate: '1939-12-02',
      gender: 'female',
      ethnicity: 'tibetan',
      phone: '13893506688',
      groups: ['solitary_elder', 'low_income'],
      riskLevel: 'high',
    });
    const newElderId = await createPerson(worker, {
      name: '祁永福',
      villageId: village.id,
      birthDate: '1943-04-18',
      gender: 'male',
      phone: '13993507799',
      groups: ['empty_nest_elder'],
      riskLevel: 'medium',
    });
    const neighbourId = await createPerson(worker, { name: '李存德', villageId: village.id, birthDate: '1948-09-09', gender: 'male', phone: '13909351155', groups: ['empty_nest_elder'] });
    const childId = await createPerson(worker, { name: '才让东智', villageId: village.id, birthDate: '2014-03-03', gender: 'male', groups: ['left_behind_child'], riskLevel: 'medium' });

    const visit = await post(worker, '/api/services', {
      personId: elderId,
      kind: 'home_visit',
      serviceTypes: ['companionship', 'daily_care', 'material_aid'],
      startedAt: daysAgo(1),
      durationMinutes: 50,
      summary: '入户探访。老人独居，屋里只有 8 度，炉子漏烟，烟囱需要更换；米面还够一周。帮忙打扫了院子，陪老人聊天半小时，情绪低落，说儿子很久没打电话。',
      wellbeing: 2,
      followUpNeeded: true,
      followUpOn: dayOf(0),
      goods: '米一袋、油一桶、棉被一床',
      checklist: {
        health: { speech: 'ok', mobility: 'ok', reactions: 'ok', illness: 'ok', mood: 'concern', note: '情绪低落，说孩子很久没打电话' },
        money: { food: 'concern', housing: 'ok', transport: 'not_checked', medical_costs: 'ok', benefits_arrive: 'ok', note: '米面只够一周' },
        family: { children_visit: 'concern', children_call: 'concern', relatives_nearby: 'ok' },
        home_safety: { house: 'ok', water: 'ok', power: 'ok', gas: 'not_checked', heating: 'concern', note: '炉子漏烟，烟囱需要更换，已联系村委' },
        service_needs: { daily_care: 'concern', rehabilitation: 'ok', emotional_support: 'concern', home_adaptation: 'ok' },
      },
    });
    for (const hue of [0, 60]) {
      const reply = await worker.api.post(`/api/services/${visit.id}/attachments`, {
        multipart: { file: { name: `photo-${hue}.png`, mimeType: 'image/png', buffer: photoPng(hue) } },
        headers: { 'X-CSRF-Token': worker.csrf },
      });
      if (reply.status() !== 201) throw new Error(`photo: ${reply.status()} ${await reply.text()}`);
    }
    const correction = await manager.api.patch(`/api/services/${visit.id}`, {
      data: { version: visit.version, durationMinutes: 60, goods: '米一袋、油一桶、棉被一床、煤两袋' },
      headers: { 'X-CSRF-Token': manager.csrf },
    });
    if (!correction.ok()) throw new Error(`correction: ${correction.status()} ${await correction.text()}`);

    await post(worker, '/api/services', {
      personId: neighbourId,
      kind: 'phone',
      serviceTypes: ['companionship', 'anti_fraud'],
      startedAt: daysAgo(9),
      durationMinutes: 15,
      summary: '电话问候，提醒近期冒充医保局的诈骗电话。老人说腿疼，约好下次上门看看。',
      wellbeing: 3,
      followUpNeeded: true,
      followUpOn: dayOf(-3),
    });
    await post(worker, '/api/services', {
      personId: neighbourId,
      kind: 'home_visit',
      serviceTypes: ['health'],
      startedAt: daysAgo(20),
      durationMinutes: 40,
      summary: '陪同到镇卫生院体检，血压偏高。',
      wellbeing: 3,
      checklist: { health: { illness: 'concern', mood: 'ok', note: '血压偏高' }, home_safety: { heating: 'concern' } },
    });
    await post(worker, '/api/services', {
      personId: childId,
      kind: 'office',
      serviceTypes: ['tutoring', 'safety_education'],
      startedAt: daysAgo(2, 16),
      durationMinutes: 90,
      summary: '放学后来站写作业，讲了防溺水。',
      wellbeing: 4,
    });
    await post(manager, '/api/services', {
      personId: elderId,
      kind: 'phone',
      serviceTypes: ['policy'],
      startedAt: daysAgo(4),
      durationMinutes: 20,
      summary: '电话核实低保金到账情况，已到账。',
      wellbeing: 3,
    });
    return { elderId, recordId: visit.id, newElderId };
  } finally {
    await worker.close();
    await manager.close();
  }
}

const TINY = photoPng(30);

/**
 * A full-page shot draws the sticky save bar where the view was, over the middle of a long form:
 * for those shots the bar stays at the form's end instead.
 */
async function unstickFooter(page: Page): Promise<void> {
  await page.addStyleTag({ content: '.lm-form-footer { position: static !important; }' });
}

/** Every service page, at the kit's size and language. */
export async function servicesScreens(kit: ScreenKit, fixture: ServicesFixture): Promise<void> {
  const { browser, url, size, lang, tag, open, shot, signIn, visit } = kit;
  const zh = lang === 'zh-CN';

  // A worker: home with follow-ups, the person's card, the form (checklist open, then its errors), a record, the list, findings.
  {
    const { context, page } = await open(browser, url, size, lang);
    await signIn(page, 'anyuan.worker');
    await page.getByTestId('follow-ups-card').locator('.ant-list, [data-testid="follow-ups-empty"]').first().waitFor();
    await shot(page, `${tag}-100-worker-home-services`);

    await visit(page, `/people/${fixture.elderId}`);
    await page.getByTestId('person-service').first().waitFor();
    await page.getByTestId('person-services-card').scrollIntoViewIfNeeded();
    await shot(page, `${tag}-101-person-services-card`);

    await visit(page, `/services/new?personId=${fixture.newElderId}`);
    await page.getByTestId('checklist').waitFor();
    await shot(page, `${tag}-102-service-form-start`, false);
    await page.getByTestId('type-picker').locator('[data-value="companionship"]').click();
    await page.getByTestId('type-picker').locator('[data-value="daily_care"]').click();
    await page.getByTestId('duration-picker').locator('[data-value="45"]').click();
    await page.locator('#service_summary').fill(zh ? '入户探访，屋里冷，炉子漏烟。帮忙打扫院子，聊天半小时。' : 'Home visit: the house is cold and the stove leaks smoke. Swept the yard, talked for half an hour.');
    await page.getByTestId('wellbeing-picker').locator('[data-value="2"]').click();
    await page.getByTestId('checklist').locator('.ant-collapse-header').nth(3).click();
    await page.getByTestId('checklist').locator('[data-item="home_safety.heating"] [data-value="concern"]').click();
    await page.getByTestId('checklist-rest-ok-home_safety').click();
    await page.locator('#service_checklist_home_safety_note').fill(zh ? '炉子漏烟，已联系村委' : 'The stove leaks smoke; the village committee is told');
    await page.getByTestId('checklist').locator('.ant-collapse-header').nth(0).click();
    await page.getByTestId('follow-up-switch').click();
    await page.locator('.lm-svc-follow-up button').nth(1).click();
    await page.getByTestId('photo-input').setInputFiles({ name: 'stove.png', mimeType: 'image/png', buffer: TINY });
    await page.getByTestId('photo-queue').locator('img').waitFor();
    await unstickFooter(page);
    await shot(page, `${tag}-103-service-form-checklist`);

    await visit(page, `/services/new?personId=${fixture.newElderId}&kind=phone`);
    await page.getByTestId('service-save').click();
    await page.locator('.ant-form-item-explain-error').first().waitFor();
    await unstickFooter(page);
    await shot(page, `${tag}-104-service-form-errors`);

    await visit(page, `/services/${fixture.recordId}`);
    await page.getByTestId('correction').first().waitFor();
    await page.locator('[data-testid="photo-gallery"] img').first().waitFor();
    await shot(page, `${tag}-105-service-record`);
    await page.locator('[data-testid="photo-gallery"] .ant-image').first().click();
    await page.locator('.ant-image-preview').waitFor();
    await shot(page, `${tag}-106-service-photo-preview`, false);
    await page.keyboard.press('Escape');

    await visit(page, '/services');
    await page.locator('.ant-table-row, [data-testid="service-card"]').first().waitFor();
    await shot(page, `${tag}-107-services-list`, size === 'desktop');
    await visit(page, '/services?kind=online&from=2020-01-01&to=2020-01-31');
    await page.locator('.ant-empty').waitFor();
    await shot(page, `${tag}-108-services-list-empty`);

    await visit(page, '/services/findings');
    await page.locator('.ant-table-row, [data-testid="finding-card"]').first().waitFor();
    await shot(page, `${tag}-109-findings-heating`);
    // The demo township has findings for every item: the empty state is shown with an empty reply.
    await page.route('**/api/services/findings?*', (route) => route.fulfill({ json: { items: [], nextCursor: null } }));
    await visit(page, '/services/findings?item=service_needs.home_adaptation');
    await page.locator('.ant-empty').waitFor();
    await shot(page, `${tag}-110-findings-empty`);
    await page.unroute('**/api/services/findings?*');

    await visit(page, '/services/new');
    await page.getByTestId('person-chooser').locator('input').fill('杨');
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').first().waitFor();
    await shot(page, `${tag}-113-service-form-choose-person`, false);
    await context.close();
  }

  // The manager: home with the findings counts, and a correction in progress.
  {
    const { context, page } = await open(browser, url, size, lang);
    await signIn(page, 'anyuan.manager');
    await page.getByTestId('findings-card').waitFor();
    await page.waitForFunction(() => !document.querySelector('[data-testid="finding-tile"] .lm-svc-finding-tile__count')?.textContent?.includes('…'));
    await shot(page, `${tag}-111-manager-home-services`);
    await visit(page, `/services/${fixture.recordId}`);
    await page.getByTestId('service-edit-button').click();
    await page.getByTestId('service-edit').waitFor();
    await shot(page, `${tag}-112-service-correction`, false);
    await context.close();
  }
}
