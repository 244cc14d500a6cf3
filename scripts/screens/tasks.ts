/**
 * Screenshots of the care tasks (called from scripts/screenshots.ts): the worker's day on the
 * home page (with tasks, empty, failed), the completion drawer (fresh, with errors, offline), the
 * could-not-reach dialog, the tasks page of a worker and of a manager, a task with its history,
 * and the contact-plan card with its edit dialog.
 */
import { apiAs, createPerson, firstVillage } from '../../test/e2e/support/people';
import type { ScreenKit } from './services';

export interface TasksFixture {
  /** An elder with an open call and visit today (the completion form's subject). */
  elderId: string;
  /** A task tried twice and postponed, with its history. */
  triedTaskId: string;
  /** An elder with a personal plan. */
  overrideId: string;
  /** An elder whose risk is not assessed: no plan. */
  unassessedId: string;
}

type Client = Awaited<ReturnType<typeof apiAs>>;

async function send<T>(client: Client, method: 'post' | 'put', path: string, data: Record<string, unknown>): Promise<T> {
  const reply = await client.api[method](path, { data, headers: { 'X-CSRF-Token': client.csrf } });
  if (!reply.ok()) throw new Error(`${method.toUpperCase()} ${path}: ${reply.status()} ${await reply.text()}`);
  return (await reply.json()) as T;
}

interface TaskShape {
  id: string;
  personId: string;
  kind: string;
  version: number;
}

async function tasksOf(client: Client, personId: string): Promise<TaskShape[]> {
  const reply = await client.api.get(`/api/tasks?assignee=all&personId=${personId}&limit=10`);
  return ((await reply.json()) as { items: TaskShape[] }).items;
}

const dayOf = (offsetDays: number) => new Date(Date.now() + 8 * 3_600_000 + offsetDays * 86_400_000).toISOString().slice(0, 10);

/**
 * The first village goes to anyuan.worker; four elders there get today's tasks. One call is
 * tried twice without reply and postponed, one is done; one elder gets a personal plan.
 */
export async function seedTasks(url: string): Promise<TasksFixture> {
  const manager = await apiAs(url, 'anyuan.manager');
  const worker = await apiAs(url, 'anyuan.worker');
  try {
    const me = (await (await worker.api.get('/api/auth/me')).json()) as { user: { id: string } };
    const village = await firstVillage(manager.api);
    const settings = (await (await manager.api.get('/api/care/settings')).json()) as { version: number; villageWorkers: Record<string, string> };
    await send(manager, 'put', '/api/care/settings', { version: settings.version, villageWorkers: { ...settings.villageWorkers, [village.id]: me.user.id } });

    const elder = (name: string, birthDate: string, gender: string, phone: string | null, groups: string[], riskLevel: string | null) =>
      createPerson(worker, { name, villageId: village.id, birthDate, gender, ...(phone ? { phone } : {}), groups, ...(riskLevel ? { riskLevel } : {}), address: `${village.name}二社` });
    const elderId = await elder('杨桂花', '1940-02-14', 'female', '13893502468', ['solitary_elder'], 'high');
    const triedId = await elder('何有福', '1945-07-01', 'male', '13993501357', ['empty_nest_elder'], 'high');
    const doneId = await elder('李月英', '1948-10-10', 'female', '13809358642', ['empty_nest_elder'], 'medium');
    const overrideId = await elder('马进财', '1938-03-03', 'male', '0935-3126677', ['solitary_elder'], 'high');
    const unassessedId = await elder('王秀兰', '1950-12-12', 'female', null, ['elder'], null);
    await send(manager, 'put', `/api/people/${overrideId}/contact-plan`, {
      version: 0,
      plans: [{ channel: 'phone', everyDays: 3 }],
      reason: '老人腿伤住院，出院前每三天电话问候一次，暂停入户',
    });
    await send(manager, 'post', '/api/tasks/generate', {});

    const tried = (await tasksOf(worker, triedId)).find((task) => task.kind === 'phone');
    if (!tried) throw new Error('no call task for the tried elder');
    let current = await send<TaskShape>(worker, 'post', `/api/tasks/${tried.id}/unreachable`, { version: tried.version, note: '电话无人接听' });
    current = await send<TaskShape>(worker, 'post', `/api/tasks/${tried.id}/unreachable`, { version: current.version, note: '电话关机，下午再打' });
    await send(worker, 'post', `/api/tasks/${tried.id}/postpone`, { version: current.version, until: dayOf(2), reason: '邻居说老人去县城看病，后天回来' });

    const toFinish = (await tasksOf(worker, doneId)).find((task) => task.kind === 'phone');
    if (toFinish) {
      await send(worker, 'post', `/api/tasks/${toFinish.id}/complete`, {
        service: {
          serviceTypes: ['companionship', 'anti_fraud'],
          startedAt: new Date(Date.now() - 3_600_000).toISOString(),
          durationMinutes: 15,
          summary: '身体状况良好，情绪稳定。提醒近期冒充医保局的诈骗电话。',
          wellbeing: 4,
        },
      });
    }
    return { elderId, triedTaskId: tried.id, overrideId, unassessedId };
  } finally {
    await manager.close();
    await worker.close();
  }
}

export async function tasksScreens(kit: ScreenKit, fixture: TasksFixture): Promise<void> {
  const { browser, url, size, lang, tag, open, shot, signIn, visit } = kit;
  const zh = lang === 'zh-CN';

  // The worker: the day, the completion drawer and its errors, the could-not-reach dialog, the tasks page, a task.
  {
    const { context, page } = await open(browser, url, size, lang);
    await signIn(page, 'anyuan.worker');
    const day = page.getByTestId('worker-day');
    await day.locator('[data-testid="day-village"], [data-testid="worker-day-empty"]').first().waitFor();
    await shot(page, `${tag}-200-worker-day`, size === 'desktop');
    await page.evaluate(() => window.scrollTo(0, 0));
    await shot(page, `${tag}-201-worker-day-top`, false);

    const card = day.locator(`[data-testid="task-card"][data-person="${fixture.elderId}"]`).first();
    await card.scrollIntoViewIfNeeded();
    await card.getByTestId('task-complete').click();
    const form = page.getByTestId('complete-form');
    await form.waitFor();
    await page.waitForTimeout(400);
    await shot(page, `${tag}-202-complete-form`, false);

    await form.getByTestId('type-picker').locator('[data-value="companionship"]').click();
    await form.getByTestId('complete-save').click();
    await form.locator('.ant-form-item-explain-error').first().waitFor();
    await page.waitForTimeout(400);
    await shot(page, `${tag}-203-complete-form-errors`, false);

    await form.getByTestId('type-picker').locator('[data-value="companionship"]').click();
    await form.getByTestId('summary-phrases').locator('button').nth(0).click();
    await form.getByTestId('summary-phrases').locator('button').nth(1).click();
    await form.getByTestId('summary-phrases').locator('button').nth(5).click();
    await form.getByTestId('wellbeing-picker').locator('[data-value="3"]').click();
    await page.route('**/api/tasks/*/complete', (route) => route.abort('internetdisconnected'));
    await form.getByTestId('complete-save').click();
    await form.getByTestId('complete-error').waitFor();
    await page.waitForTimeout(300);
    await shot(page, `${tag}-204-complete-form-offline`, false);
    await page.unroute('**/api/tasks/*/complete');
    await page.keyboard.press('Escape');
    await form.waitFor({ state: 'detached' });

    // The same elder's home visit: the drawer offers goods and the elder's checklist.
    const visitCard = day.locator(`[data-testid="task-card"][data-person="${fixture.elderId}"]`).filter({ has: page.locator('.ant-tag[data-kind="home_visit"]') });
    await visitCard.getByTestId('task-complete').click();
    await form.waitFor();
    await form.getByTestId('checklist').waitFor();
    await form.getByTestId('complete-goods').fill(zh ? '米一袋、油一桶' : 'A bag of rice, a can of oil');
    await form.getByTestId('checklist').evaluate((element) => element.scrollIntoView({ block: 'center' }));
    await page.waitForTimeout(400);
    await shot(page, `${tag}-205-complete-form-visit`, false);
    await page.keyboard.press('Escape');
    await form.waitFor({ state: 'detached' });

    await card.getByTestId('task-unreachable').click();
    const unreachable = page.getByTestId('unreachable-dialog');
    await unreachable.waitFor();
    await unreachable.getByTestId('unreachable-notes').locator('button').first().click();
    await page.waitForTimeout(300);
    await shot(page, `${tag}-206-unreachable-dialog`, false);
    await page.keyboard.press('Escape');

    await visit(page, '/tasks?tab=week');
    await page.locator('.ant-table-row, [data-testid="task-card"]').first().waitFor();
    await shot(page, `${tag}-207-tasks-week`, size === 'desktop');
    await visit(page, '/tasks?tab=done');
    await page.locator('.ant-table-row, [data-testid="task-card"], .ant-empty').first().waitFor();
    await shot(page, `${tag}-208-tasks-done`);

    await visit(page, `/tasks/${fixture.triedTaskId}`);
    await page.getByTestId('task-history').locator('[data-testid="task-event"]').first().waitFor();
    await shot(page, `${tag}-209-task-page`);
    await page.getByTestId('task-postpone').click();
    await page.getByTestId('postpone-dialog').waitFor();
    await page.locator('.ant-modal:visible .ant-modal-footer .ant-btn-primary').click();
    await page.locator('.ant-modal:visible .ant-form-item-explain-error').first().waitFor();
    await shot(page, `${tag}-210-postpone-errors`, false);
    await page.keyboard.press('Escape');

    // The empty day and a failed load, from made-up replies.
    await page.route('**/api/tasks?*', (route) => route.fulfill({ json: { items: [], nextCursor: null } }));
    await visit(page, '/');
    await page.getByTestId('worker-day-empty').waitFor();
    await shot(page, `${tag}-211-worker-day-empty`, false);
    await page.unroute('**/api/tasks?*');
    await page.route('**/api/tasks?*', (route) => route.fulfill({ status: 500, json: { error: { code: 'INTERNAL', message: zh ? '服务器出错了，请稍后重试。' : 'Something went wrong on the server; try again later.' } } }));
    await visit(page, '/');
    await page.getByTestId('worker-day').locator('.ant-alert').first().waitFor();
    await shot(page, `${tag}-212-worker-day-error`, false);
    await page.unroute('**/api/tasks?*');
    await context.close();
  }

  // The manager: the station's tasks with "make today's tasks", the plan card and its dialog.
  {
    const { context, page } = await open(browser, url, size, lang);
    await signIn(page, 'anyuan.manager');
    await visit(page, '/tasks');
    await page.locator('.ant-table-row, [data-testid="task-card"]').first().waitFor();
    await page.getByTestId('generate-tasks').click();
    await page.getByTestId('generate-result').waitFor();
    await shot(page, `${tag}-220-manager-tasks`, size === 'desktop');

    await visit(page, `/people/${fixture.overrideId}`);
    const plan = page.getByTestId('person-plan-card');
    await plan.getByTestId('plan-source').waitFor();
    await plan.scrollIntoViewIfNeeded();
    await shot(page, `${tag}-221-person-plan-override`, false);
    await plan.getByTestId('plan-edit').click();
    await page.getByTestId('plan-dialog').waitFor();
    await page.waitForTimeout(300);
    await shot(page, `${tag}-222-plan-dialog`, false);
    await page.getByTestId('plan-reason-input').fill('');
    await page.locator('.ant-modal:visible .ant-modal-footer .ant-btn-primary').click();
    await page.locator('.ant-modal:visible .ant-form-item-explain-error').first().waitFor();
    await shot(page, `${tag}-223-plan-dialog-errors`, false);
    await page.keyboard.press('Escape');

    await visit(page, `/people/${fixture.elderId}`);
    await plan.getByTestId('plan-source').waitFor();
    await plan.scrollIntoViewIfNeeded();
    await shot(page, `${tag}-224-person-plan-rule`, false);
    await visit(page, `/people/${fixture.unassessedId}`);
    await plan.getByTestId('plan-none').waitFor();
    await plan.scrollIntoViewIfNeeded();
    await shot(page, `${tag}-225-person-plan-none`, false);
    await context.close();
  }
}
