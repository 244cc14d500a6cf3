/**
 * Screenshots of the needs pages (called from scripts/screenshots.ts): the ranking with the three
 * focus groups side by side, another group's ranking and an empty one, the register with its
 * counts and an "unanswered only" list, a person's needs card and its "register a need" dialog,
 * and the county's ranking across stations.
 */
import type { Page } from 'playwright-core';
import { apiAs, createPerson, firstVillage } from '../../test/e2e/support/people';
import { moveNeed, peopleOf, registerNeed, seedRankings, serve } from '../../test/e2e/pages/needs-seed';
import type { ScreenKit } from './services';

export interface NeedsFixture {
  /** An elder with needs in every status, one answered by a service. */
  personId: string;
  /** A group nobody answered a survey for, for the empty ranking. */
  emptyGroup: string;
}

/** Questionnaires of the three focus groups (if the demo has none), and needs on people's files in every status. */
export async function seedNeeds(url: string): Promise<NeedsFixture> {
  const worker = await apiAs(url, 'anyuan.worker');
  try {
    await seedRankings(worker).catch((error: unknown) => console.warn(`screenshots: no survey answers made: ${String(error)}`));
    const village = await firstVillage(worker.api);
    const personId = await createPerson(worker, {
      name: '马桂英',
      villageId: village.id,
      birthDate: '1944-05-16',
      gender: 'female',
      ethnicity: 'tu',
      phone: '13993502266',
      groups: ['empty_nest_elder'],
      riskLevel: 'medium',
    });
    const health = await registerNeed(worker, personId, 'healthcare', '高血压多年，腿脚不便，需要定期测血压、帮忙买药。');
    await serve(worker, personId, ['health'], '陪同到镇卫生院复查血压，代购降压药。');
    await moveNeed(worker, health, 'being_served');
    await registerNeed(worker, personId, 'digital_skills', '想学用智能手机和在外打工的女儿视频。');
    const talk = await registerNeed(worker, personId, 'companionship');
    await moveNeed(worker, talk, 'met');

    const elders = await peopleOf(worker, 'elder', 12);
    const children = await peopleOf(worker, 'left_behind_child', 8);
    const women = await peopleOf(worker, 'woman', 6);
    const plan: Array<[string[], string[]]> = [
      [elders.map((person) => person.id), ['healthcare', 'elder_education', 'recreation', 'daily_care', 'healthcare', 'anti_fraud']],
      [children.map((person) => person.id), ['tutoring', 'safety_education', 'family_contact', 'tutoring']],
      [women.map((person) => person.id), ['child_education', 'employment', 'family_health']],
    ];
    let index = 0;
    for (const [ids, types] of plan) {
      for (const [at, id] of ids.entries()) {
        const need = await registerNeed(worker, id, types[at % types.length]!);
        index += 1;
        if (index % 4 === 0) await moveNeed(worker, need, 'being_served');
        else if (index % 7 === 0) await moveNeed(worker, need, 'unmet');
        else if (index % 5 === 0) {
          await serve(worker, id, need.needType === 'tutoring' ? ['tutoring'] : ['health', 'companionship', 'capacity_building'], '入户走访，提供相应服务。');
          await moveNeed(worker, need, 'met');
        }
      }
    }
    return { personId, emptyGroup: 'unsupported_child' };
  } finally {
    await worker.close();
  }
}

async function ready(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle');
  await page.locator('.ant-skeleton').first().waitFor({ state: 'detached' }).catch(() => undefined);
}

export async function needsScreens(kit: ScreenKit, fixture: NeedsFixture): Promise<void> {
  const { browser, url, size, lang, tag, open, shot, signIn, visit } = kit;

  // A worker: the ranking, another group, an empty one, the register, the person's card and dialog.
  {
    const { context, page } = await open(browser, url, size, lang);
    await signIn(page, 'anyuan.worker');
    await visit(page, '/needs');
    await page.getByTestId('ranking-card').waitFor();
    await ready(page);
    await shot(page, `${tag}-400-needs-ranking`);

    await visit(page, '/needs?group=left_behind_child&period=all');
    await page.getByTestId('ranking-card').waitFor();
    await ready(page);
    await shot(page, `${tag}-401-needs-ranking-children`);

    await visit(page, `/needs?group=${fixture.emptyGroup}`);
    await page.getByTestId('ranking-card').waitFor();
    await ready(page);
    await shot(page, `${tag}-402-needs-ranking-empty`);

    await visit(page, '/needs?tab=register');
    await page.getByTestId('needs-summary').waitFor();
    await ready(page);
    await shot(page, `${tag}-403-needs-register`);

    await visit(page, '/needs?tab=register&unanswered=true');
    await ready(page);
    await shot(page, `${tag}-404-needs-register-unanswered`);

    await visit(page, `/people/${fixture.personId}`);
    const card = page.getByTestId('person-needs-card');
    await card.waitFor();
    await ready(page);
    await card.scrollIntoViewIfNeeded();
    await shot(page, `${tag}-405-needs-person-card`, false);

    await card.getByTestId('need-add').click();
    const dialog = page.locator('.ant-modal:visible');
    await dialog.waitFor();
    await dialog.locator('.ant-modal-footer .ant-btn-primary').click();
    await dialog.locator('.ant-form-item-explain-error').first().waitFor();
    await shot(page, `${tag}-406-needs-add-dialog`, false);
    await page.keyboard.press('Escape');
    await context.close();
  }

  // Civil affairs: the ranking across both stations, no register.
  {
    const { context, page } = await open(browser, url, size, lang);
    await signIn(page, 'county');
    await visit(page, '/needs');
    await page.getByTestId('ranking-card').waitFor();
    await ready(page);
    await shot(page, `${tag}-407-needs-ranking-county`);
    await context.close();
  }
}
