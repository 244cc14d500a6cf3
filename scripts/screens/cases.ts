/**
 * Screenshots of the casework pages (called from scripts/screenshots.ts): the list, a case at
 * each stage (intake with what is missing, a plan with goals, intervention with services and a
 * referral, a closure waiting for approval, closed), a version conflict on the plan, the print
 * pages, the person page's card with the open-case dialog, and the home cards of a worker and a
 * manager.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { apiAs, createPerson, firstVillage } from '../../test/e2e/support/people';
import { advanceTo, call, dayPlus, documents, getCase, openCase, saveDocument, todayInChina, transition, type ApiClient } from '../../test/e2e/support/cases';
import type { Case } from '../../src/shared/schemas/cases';

type Size = 'desktop' | 'phone';
type Lang = 'zh-CN' | 'en-US';

/** The helpers of scripts/screenshots.ts this module photographs with. */
export interface CasesScreenKit {
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

export interface CasesFixture {
  /** A person without a case, for the open-case dialog. */
  personId: string;
  intakeId: string;
  planningId: string;
  interventionId: string;
  requestedId: string;
  closedId: string;
  /** The person of the closed case, who has a second, open case too. */
  closedPersonId: string;
}

async function person(client: ApiClient, villageId: string, name: string, birthDate: string, gender: 'male' | 'female', groups: string[]): Promise<string> {
  return createPerson(client, { name, villageId, birthDate, gender, groups, riskLevel: 'medium', address: '三社', phone: '13993501234' });
}

/** Cases at every stage, made through the API as the demo worker (and approved by the manager). */
export async function seedCases(url: string): Promise<CasesFixture> {
  const client = await apiAs(url, 'anyuan.worker');
  const manager = await apiAs(url, 'anyuan.manager');
  try {
    const village = await firstVillage(client.api);
    const docs = documents(todayInChina(), dayPlus);
    const personId = await person(client, village.id, '祁永福', '1946-02-11', 'male', ['solitary_elder']);

    const intakeCase = await openCase(client, await person(client, village.id, '卓玛草', '2015-04-09', 'female', ['left_behind_child']), '父母在外务工，祖母年迈，孩子作业无人辅导，近期成绩下滑。');

    let planning = await advanceTo(client, await openCase(client, await person(client, village.id, '才让吉', '2014-10-02', 'male', ['left_behind_child']), '孩子放学后独自在外玩耍，与父母联系少。'), 'planning');
    planning = await saveDocument(client, planning, 'plan', docs.plan);

    const intervention = await advanceTo(client, await openCase(client, await person(client, village.id, '马桂英', '1952-07-19', 'female', ['empty_nest_elder', 'disabled']), '独居老人腿脚不便，冬季取暖有安全隐患。'), 'intervention');
    await call<Case>(client, 'POST', `/api/cases/${intervention.id}/referrals`, {
      version: (await getCase(client, intervention.id)).version,
      to: '县残联康复中心',
      reason: '需要评估辅具（助行器）并申请重度残疾人护理补贴。',
      materialsSent: '接案登记表、需求评估表复印件，残疾证复印件',
      consent: true,
      referredOn: todayInChina(),
    });
    await call(client, 'POST', '/api/services', {
      personId: intervention.personId,
      kind: 'home_visit',
      serviceTypes: ['daily_care'],
      startedAt: new Date(Date.now() - 2 * 86_400_000).toISOString(),
      durationMinutes: 45,
      summary: '上门检查煤炉和烟道，更换一氧化碳报警器电池，陪老人聊天。',
      caseId: intervention.id,
      goalIds: ['g-parents'],
    });

    const requested = await closeReady(client, await person(client, village.id, '杨天宝', '2013-12-24', 'male', ['child_in_difficulty']), '孩子辍学在家两周，家长无力劝返。');
    await call<Case>(client, 'POST', `/api/cases/${requested.id}/close-request`, { version: requested.version, note: '目标基本达成，申请结案。' });

    const closedPersonId = await person(client, village.id, '李秀兰', '1950-05-30', 'female', ['empty_nest_elder']);
    const toClose = await closeReady(client, closedPersonId, '老人不会使用智能手机，无法与子女视频。');
    const asked = await call<Case>(client, 'POST', `/api/cases/${toClose.id}/close-request`, { version: toClose.version });
    await transition(manager, asked, 'closed');
    await openCase(client, closedPersonId, '老伴住院，老人独自在家，情绪低落、不愿出门。');

    return {
      personId,
      intakeId: intakeCase.id,
      planningId: planning.id,
      interventionId: intervention.id,
      requestedId: requested.id,
      closedId: toClose.id,
      closedPersonId,
    };
  } finally {
    await client.close();
    await manager.close();
  }
}

/** A case at evaluation with its evaluation and closure report complete. */
async function closeReady(client: ApiClient, personId: string, problem: string): Promise<Case> {
  const docs = documents(todayInChina(), dayPlus);
  let item = await advanceTo(client, await openCase(client, personId, problem), 'evaluation');
  item = await saveDocument(client, item, 'evaluation', docs.evaluation);
  return saveDocument(client, item, 'closure', docs.closure);
}

/** Someone else saves the plan meanwhile, so the next save of the open form meets a version conflict. */
async function changePlanBehindTheirBack(url: string, id: string): Promise<void> {
  const manager = await apiAs(url, 'anyuan.manager');
  try {
    const current = await getCase(manager, id);
    const plan = current.documents.plan;
    const goals = (plan?.goals ?? []).map((goal, index) => (index === 0 ? { ...goal, measure: `${goal.measure ?? ''}（站长补充：每月家访核实）` } : goal));
    await saveDocument(manager, current, 'plan', { ...plan, goals });
  } finally {
    await manager.close();
  }
}

async function waitForCase(page: Page): Promise<void> {
  await page.getByTestId('case-person').waitFor();
  await page.getByTestId('case-history').waitFor();
}

export async function casesScreens(kit: CasesScreenKit, fixture: CasesFixture): Promise<void> {
  const { browser, url, size, lang, tag, open, shot, signIn, visit } = kit;
  const desktop = size === 'desktop';

  // A worker: home, list, a case at each stage, the plan, a conflict, the print pages, the open-case dialog.
  {
    const { context, page } = await open(browser, url, size, lang);
    await signIn(page, 'anyuan.worker');
    await page.getByTestId('cases-home').waitFor();
    await shot(page, `${tag}-80-cases-worker-home`);
    await visit(page, '/cases');
    await page.locator('[data-testid="case-row"], [data-testid="case-card"]').first().waitFor();
    await shot(page, `${tag}-81-cases-list-mine`);
    await visit(page, '/cases?tab=reviewDue');
    await page.locator('.ant-empty, [data-testid="case-row"], [data-testid="case-card"]').first().waitFor();
    await shot(page, `${tag}-82-cases-list-review-due`);

    await visit(page, `/cases/${fixture.intakeId}`);
    await waitForCase(page);
    await shot(page, `${tag}-83-case-intake-missing`);

    await visit(page, `/cases/${fixture.planningId}`);
    await waitForCase(page);
    await page.getByTestId('plan-goals').waitFor();
    await shot(page, `${tag}-84-case-plan`);
    // Two people on one plan: the second save meets the first.
    await page.locator('#plan_goals_1_measure').fill(lang === 'zh-CN' ? '祖母每周记录通话次数，社工每月核对' : 'The grandmother logs each call; the worker checks monthly');
    await changePlanBehindTheirBack(url, fixture.planningId);
    await page.getByTestId('save-plan').click();
    await page.getByTestId('doc-conflict').waitFor();
    await page.getByTestId('conflict-show-theirs').click();
    await page.getByTestId('conflict-theirs').waitFor();
    await page.getByTestId('doc-conflict').scrollIntoViewIfNeeded();
    await shot(page, `${tag}-85-case-plan-conflict`, false);
    await page.getByTestId('conflict-keep-mine').click();
    await page.getByTestId('doc-conflict').waitFor({ state: 'hidden' });

    await visit(page, `/cases/${fixture.interventionId}`);
    await waitForCase(page);
    await page.getByTestId('case-service').first().waitFor();
    await shot(page, `${tag}-86-case-intervention`);

    await visit(page, `/cases/${fixture.requestedId}`);
    await waitForCase(page);
    await shot(page, `${tag}-87-case-close-requested-worker`);

    await visit(page, `/cases/${fixture.closedId}`);
    await waitForCase(page);
    await shot(page, `${tag}-88-case-closed`);

    for (const [index, document] of (['intake', 'assessment', 'plan', 'evaluation', 'closure'] as const).entries()) {
      const id = document === 'intake' || document === 'assessment' ? fixture.requestedId : document === 'plan' ? fixture.planningId : fixture.closedId;
      await visit(page, `/cases/${id}/print/${document}`);
      await page.getByTestId('paper').first().waitFor();
      await shot(page, `${tag}-89${index}-print-${document}`);
    }
    await visit(page, `/cases/${fixture.interventionId}/print/referral`);
    await page.getByTestId('paper').first().waitFor();
    await shot(page, `${tag}-895-print-referral`);
    if (desktop && lang === 'zh-CN') {
      // What Chromium prints: the plan as A4 PDF pages, and the print view as an image.
      await visit(page, `/cases/${fixture.planningId}/print/plan`);
      await page.getByTestId('paper').first().waitFor();
      await page.emulateMedia({ media: 'print' });
      await shot(page, `${tag}-896-print-plan-as-printed`);
      await page.pdf({ path: 'screenshots/case-plan.pdf', format: 'A4', preferCSSPageSize: true });
      await page.emulateMedia({ media: 'screen' });
    }

    await visit(page, `/people/${fixture.personId}`);
    await page.getByTestId('person-cases').waitFor();
    await page.getByTestId('open-case').click();
    await page.getByTestId('open-case-dialog').waitFor();
    await page.locator('.ant-modal:visible .ant-modal-footer .ant-btn-primary').click();
    await page.locator('.ant-modal:visible .ant-form-item-explain-error').first().waitFor();
    await shot(page, `${tag}-897-open-case-dialog-errors`, false);
    await page.keyboard.press('Escape');
    await visit(page, `/people/${fixture.personId}`);
    await page.getByTestId('person-cases').locator('.ant-empty, [data-testid="person-case"]').first().waitFor();
    await page.getByTestId('person-cases').scrollIntoViewIfNeeded();
    await shot(page, `${tag}-898-person-cases-card-empty`, false);
    await visit(page, `/people/${fixture.closedPersonId}`);
    await page.getByTestId('person-case').nth(1).waitFor();
    await page.getByTestId('person-cases').scrollIntoViewIfNeeded();
    await shot(page, `${tag}-899-person-cases-card`, false);
    await context.close();
  }

  // The manager: home with the closure waiting, the station's list, the case with approve and decline.
  {
    const { context, page } = await open(browser, url, size, lang);
    await signIn(page, 'anyuan.manager');
    await page.getByTestId('home-close-requests').waitFor();
    await shot(page, `${tag}-90-cases-manager-home`);
    await visit(page, '/cases?tab=closeRequested');
    await page.locator('[data-testid="case-row"], [data-testid="case-card"]').first().waitFor();
    await shot(page, `${tag}-91-cases-list-close-requested`);
    await visit(page, '/cases?tab=open&scope=all');
    await page.locator('[data-testid="case-row"], [data-testid="case-card"]').first().waitFor();
    await shot(page, `${tag}-92-cases-list-station`);
    await visit(page, `/cases/${fixture.requestedId}`);
    await waitForCase(page);
    await shot(page, `${tag}-93-case-close-requested-manager`);
    await page.getByTestId('decline-close').click();
    await page.getByTestId('decline-dialog').waitFor();
    await page.locator('.ant-modal:visible .ant-modal-footer .ant-btn-primary').click();
    await page.locator('.ant-modal:visible .ant-form-item-explain-error').first().waitFor();
    await shot(page, `${tag}-94-decline-dialog`, false);
    await page.keyboard.press('Escape');
    await context.close();
  }
}
