import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { DEMO_PASSWORD, launchBrowser, newContext } from './support/browser';
import { startServer, type TestServer } from './support/server';
import { apiAs, createPerson, firstVillage } from './support/people';
import { advanceTo, dayPlus, documents, getCase, logService, openCase, saveDocument, todayInChina } from './support/cases';
import { SignInPage } from './pages/sign-in-page';
import { PersonPage } from './pages/person-page';
import { CasePage } from './pages/case-page';
import { CasePrintPage } from './pages/case-print-page';
import { CasesListPage } from './pages/cases-list-page';
import { Shell } from './pages/shell';

let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function signedIn(username: string): Promise<{ page: Page; close(): Promise<void> }> {
  const context = await newContext(browser, server.url);
  const page = await context.newPage();
  const signIn = new SignInPage(page);
  await signIn.goto();
  await signIn.signIn(username, DEMO_PASSWORD);
  return { page, close: () => context.close() };
}

async function newChild(name: string): Promise<string> {
  const client = await apiAs(server.url, 'anyuan.worker');
  try {
    const village = await firstVillage(client.api);
    return await createPerson(client, { name, villageId: village.id, birthDate: '2015-06-12', gender: 'female', groups: ['left_behind_child'], riskLevel: 'medium' });
  } finally {
    await client.close();
  }
}

describe('casework (个案管理)', () => {
  it('a worker opens a case, is stopped while the intake is incomplete, fills every document, logs a service and requests closure; the manager approves it', async () => {
    const personId = await newChild('卓玛草');
    const worker = await signedIn('anyuan.worker');
    let caseId: string;
    try {
      // 开案 from the person's file.
      const person = new PersonPage(worker.page);
      await person.goto(personId);
      await worker.page.getByTestId('open-case').click();
      const dialog = worker.page.getByTestId('open-case-dialog');
      await dialog.waitFor({ state: 'visible' });
      const casePage = new CasePage(worker.page);
      await casePage.choose('openCase_source', '村委会反映');
      await casePage.fill('openCase_presentingProblem', '父母在外务工，祖母年迈，孩子作业无人辅导。');
      await worker.page.locator('.ant-modal:visible .ant-modal-footer .ant-btn-primary').click();
      await worker.page.waitForURL(/\/cases\/[0-9a-f-]{36}$/);
      await casePage.waitUntilShown();
      caseId = casePage.id();
      expect(await casePage.person.innerText()).toBe('卓玛草');
      expect(await casePage.stage()).toBe('intake');

      // The intake record is incomplete: the next step is disabled and says what is missing.
      expect(await casePage.nextButton.isDisabled()).toBe(true);
      const blocked = await casePage.nextBlocked.innerText();
      expect(blocked).toContain('接案登记表还缺');
      expect(blocked).toContain('基本情况');
      expect(blocked).toContain('知情同意');
      expect(await casePage.missing('intake').innerText()).toContain('基本情况');
      // What the case was opened with is already in the form.
      expect(await casePage.field('intake_presentingProblem').inputValue()).toContain('作业无人辅导');

      // 接案登记表
      await casePage.fill('intake_basicSituation', '与祖母同住；父亲在新疆务工，母亲在宁波务工，每月通话一次。');
      await casePage.tick('intake_consent', '已同意接受个案服务');
      await casePage.tick('intake_consentBy', '监护人');
      expect(await casePage.save('intake')).toBe(200);
      await worker.page.getByTestId('complete-intake').waitFor({ state: 'visible' });
      await casePage.moveTo('assessment');

      // 需求评估表
      expect(await casePage.nextButton.isDisabled()).toBe(true);
      await casePage.fill('assessment_problems_0', '作业无人辅导，成绩下滑');
      await worker.page.getByTestId('add-problem').click();
      await casePage.fill('assessment_problems_1', '与父母联系少，情绪低落');
      await casePage.tick('assessment_needs', '作业辅导');
      await casePage.tick('assessment_needs', '亲子沟通');
      await casePage.fill('assessment_strengths', '孩子懂事，祖母愿意配合。');
      await casePage.fill('assessment_risks', '放学后无人看护。');
      await casePage.tick('assessment_riskLevel', '中风险（黄）');
      await casePage.fill('assessment_familySupport', '祖母照料日常生活。');
      await casePage.fill('assessment_socialSupport', '儿童主任每月走访。');
      await casePage.today('assessment_assessedOn');
      expect(await casePage.save('assessment')).toBe(200);
      await casePage.moveTo('planning');

      // 服务计划书: two goals, each with an intervention, and the client's agreement.
      await casePage.fill('plan_goals_0_description', '三个月内每周完成作业不少于 4 次');
      await casePage.fill('plan_goals_0_measure', '班主任每月反馈');
      await casePage.today('plan_goals_0_targetDate');
      await casePage.choose('plan_goals_0_interventions_0_serviceType', '作业辅导');
      await casePage.fill('plan_goals_0_interventions_0_who', '大学生志愿者');
      await casePage.fill('plan_goals_0_interventions_0_frequency', '每周两次');
      await casePage.today('plan_goals_0_interventions_0_byDate');
      // A half-written plan is saved as a draft, and the missing list names the goal.
      expect(await casePage.save('plan')).toBe(200);
      await expect.poll(() => casePage.nextBlocked.innerText()).toContain('服务对象意见');
      await worker.page.getByTestId('add-goal').click();
      await casePage.fill('plan_goals_1_description', '与父母每周至少视频通话一次');
      await casePage.fill('plan_goals_1_measure', '祖母记录通话次数');
      await casePage.today('plan_goals_1_targetDate');
      await casePage.choose('plan_goals_1_interventions_0_serviceType', '心理疏导');
      await casePage.fill('plan_goals_1_interventions_0_who', '社工');
      await casePage.fill('plan_goals_1_interventions_0_frequency', '每两周一次');
      await casePage.today('plan_goals_1_interventions_0_byDate');
      await casePage.field('plan_clientAgreed').check();
      await casePage.today('plan_agreedOn');
      expect(await casePage.save('plan')).toBe(200);
      await casePage.moveTo('intervention');

      // 介入: without a service record the case cannot move on.
      expect(await casePage.nextButton.isDisabled()).toBe(true);
      expect(await worker.page.getByTestId('next-services').innerText()).toContain('至少要有一条');
    } finally {
      await worker.close();
    }

    // A service record linked to the case and its first goal (the service form is another page's business).
    const client = await apiAs(server.url, 'anyuan.worker');
    try {
      const current = await getCase(client, caseId);
      const goalIds = current.documents.plan?.goals?.map((goal) => goal.id) ?? [];
      expect(goalIds).toHaveLength(2);
      await logService(client, current, [goalIds[0]!], '上门辅导作业一小时，检查本周作业。');
    } finally {
      await client.close();
    }

    const again = await signedIn('anyuan.worker');
    try {
      const casePage = new CasePage(again.page);
      await casePage.goto(caseId);
      await again.page.getByTestId('case-service').first().waitFor({ state: 'visible' });
      expect(await again.page.getByTestId('case-service').first().innerText()).toContain('上门辅导作业');
      const progress = casePage.goalProgress.getByTestId('goal-progress-item');
      expect(await progress.first().innerText()).toContain('服务 1 次');
      expect(await progress.nth(1).innerText()).toContain('尚无服务');
      await casePage.moveTo('evaluation');

      // 评估表 and 结案报告, then the request to close.
      expect(await again.page.getByTestId('request-close').isDisabled()).toBe(true);
      await casePage.tick('evaluation_results_' + (await goalId(casePage, 0)) + '_result', '达成');
      await casePage.tick('evaluation_results_' + (await goalId(casePage, 1)) + '_result', '部分达成');
      await casePage.fill('evaluation_clientView', '孩子和祖母都很满意。');
      await casePage.fill('evaluation_workerView', '主要目标达成，亲子沟通仍需跟进。');
      await casePage.today('evaluation_evaluatedOn');
      expect(await casePage.save('evaluation')).toBe(200);
      await casePage.openTab('closure');
      await casePage.choose('closure_reason', '目标达成');
      await casePage.fill('closure_summary', '作业完成情况明显改善，情绪好转。');
      await casePage.fill('closure_followUpPlan', '纳入每月常规探访。');
      await casePage.today('closure_closedOn');
      expect(await casePage.save('closure')).toBe(200);
      await casePage.requestClose('目标基本达成，申请结案。');
      // A worker cannot approve.
      expect(await again.page.getByTestId('approve-close').count()).toBe(0);
    } finally {
      await again.close();
    }

    const manager = await signedIn('anyuan.manager');
    try {
      // The request waits on the manager's home page.
      await manager.page.getByTestId('home-close-requests').getByText('卓玛草').waitFor({ state: 'visible' });
      const casePage = new CasePage(manager.page);
      await casePage.goto(caseId);
      await casePage.approveClose('批准结案');
      expect(await manager.page.getByTestId('case-closed').innerText()).toContain('目标达成');
      expect(await casePage.currentStep()).toBe('结案');
      const history = await casePage.history.innerText();
      for (const step of ['开案', '接案 → 预估', '预估 → 计划', '计划 → 介入', '介入 → 评估', '申请结案', '结案']) expect(history).toContain(step);
      // Closed cases are read-only and listed under 已结案.
      expect(await manager.page.getByTestId('save-closure').count()).toBe(0);
      const list = new CasesListPage(manager.page);
      await list.goto('?tab=closed&scope=all');
      await expect.poll(() => list.row('卓玛草').count()).toBe(1);
    } finally {
      await manager.close();
    }
  });

  it("two people edit one plan: the second sees the first's version, keeps her own edits and saves them over it", async () => {
    const personId = await newChild('旦正吉');
    const worker = await apiAs(server.url, 'anyuan.worker');
    let caseId: string;
    try {
      const opened = await openCase(worker, personId, '孩子放学后独自在外玩耍。');
      const planning = await advanceTo(worker, opened, 'planning');
      caseId = (await saveDocument(worker, planning, 'plan', documents(todayInChina(), dayPlus).plan)).id;
    } finally {
      await worker.close();
    }

    const browserWorker = await signedIn('anyuan.worker');
    try {
      const casePage = new CasePage(browserWorker.page);
      await casePage.goto(caseId);
      await casePage.fill('plan_goals_1_measure', '祖母每周记录，社工每月核对');

      // Meanwhile the manager saves the plan.
      const manager = await apiAs(server.url, 'anyuan.manager');
      try {
        const current = await getCase(manager, caseId);
        const plan = current.documents.plan;
        await saveDocument(manager, current, 'plan', { ...plan, goals: plan?.goals?.map((goal, i) => (i === 0 ? { ...goal, measure: '站长：每月家访核实' } : goal)) });
      } finally {
        await manager.close();
      }

      expect(await casePage.save('plan')).toBe(409);
      const conflict = browserWorker.page.getByTestId('doc-conflict');
      await conflict.waitFor({ state: 'visible' });
      expect(await conflict.innerText()).toContain('马站长');
      await browserWorker.page.getByTestId('conflict-show-theirs').click();
      expect(await browserWorker.page.getByTestId('conflict-theirs').innerText()).toContain('站长：每月家访核实');
      // Her edit is still in the form.
      expect(await casePage.field('plan_goals_1_measure').inputValue()).toBe('祖母每周记录，社工每月核对');

      const answered = browserWorker.page.waitForResponse((response) => response.url().includes('/documents/plan'));
      await browserWorker.page.getByTestId('conflict-keep-mine').click();
      expect((await answered).status()).toBe(200);
      await conflict.waitFor({ state: 'hidden' });
      await casePage.goto(caseId);
      expect(await casePage.field('plan_goals_1_measure').inputValue()).toBe('祖母每周记录，社工每月核对');
    } finally {
      await browserWorker.close();
    }
  });

  it('a volunteer has no casework menu and /cases is not found', async () => {
    const volunteer = await signedIn('anyuan.volunteer');
    try {
      const shell = new Shell(volunteer.page);
      expect(await shell.menuLabels()).not.toContain('个案管理');
      await volunteer.page.goto('/cases');
      await expect.poll(() => volunteer.page.locator('.ant-result-title').innerText()).toBe('页面不存在');
    } finally {
      await volunteer.close();
    }
  });

  it("the service plan's print page shows its goals and prints to A4 pages", async () => {
    const personId = await newChild('才让吉');
    const client = await apiAs(server.url, 'anyuan.worker');
    let caseId: string;
    try {
      const opened = await openCase(client, personId, '孩子作业无人辅导，与父母联系少。');
      caseId = (await advanceTo(client, opened, 'intervention')).id;
    } finally {
      await client.close();
    }
    const worker = await signedIn('anyuan.worker');
    try {
      const print = new CasePrintPage(worker.page);
      await print.goto(caseId, 'plan');
      expect(await print.goals().count()).toBe(2);
      const text = await print.paper.innerText();
      for (const part of ['服务计划书', '安远', '才让吉', '三个月内每周完成作业不少于 4 次', '作业辅导', '服务对象/监护人签名', '社工签名', '站长审核']) expect(text).toContain(part);
      expect(text).toMatch(/\d{4}年\d{1,2}月\d{1,2}日/);
      expect(await print.printButton.isVisible()).toBe(true);

      const pdf = (await print.pdf()).toString('latin1');
      const pages = pdf.match(/\/Type\s*\/Page[^s]/g) ?? [];
      expect(pages.length).toBeGreaterThanOrEqual(1);
      // A4 is 595 × 842 points.
      const box = /\/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]/.exec(pdf);
      expect(Math.round(Number(box?.[1]))).toBe(595);
      expect(Math.round(Number(box?.[2]))).toBe(842);
    } finally {
      await worker.close();
    }
  });
});

/** The id of the plan's goal at `index`, from the evaluation form's field names. */
async function goalId(casePage: CasePage, index: number): Promise<string> {
  const id = await casePage.page.getByTestId('evaluation-goal').nth(index).locator('.ant-radio-group').getAttribute('id');
  const match = /^evaluation_results_(.+)_result$/.exec(id ?? '');
  if (!match?.[1]) throw new Error(`no goal id in ${id}`);
  return match[1];
}
