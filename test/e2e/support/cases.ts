import type { APIRequestContext } from 'playwright-core';
import type { Case } from '../../../src/shared/schemas/cases';

/** A signed-in API client (support/people.ts apiAs). */
export interface ApiClient {
  api: APIRequestContext;
  csrf: string;
}

/** A JSON call that must succeed; the reply's body is in the error otherwise. */
export async function call<T>(client: ApiClient, method: 'GET' | 'POST' | 'PUT', path: string, body?: unknown): Promise<T> {
  const reply = await client.api.fetch(path, { method, data: body, headers: method === 'GET' ? {} : { 'X-CSRF-Token': client.csrf } });
  if (!reply.ok()) throw new Error(`${method} ${path}: ${reply.status()} ${await reply.text()}`);
  return (await reply.json()) as T;
}

/** Complete documents of a case, in Chinese as a worker writes them (days relative to today). */
export function documents(today: string, inDays: (days: number) => string) {
  return {
    intake: {
      source: 'village',
      presentingProblem: '父母在外务工，祖母年迈，孩子作业无人辅导，近期成绩下滑、情绪低落。',
      basicSituation: '与祖母同住；父亲在新疆务工，母亲在宁波务工，每月通话一到两次。家庭主要收入为务工收入，享受低保。',
      consent: true,
      consentBy: 'guardian',
      intakeOn: today,
    },
    assessment: {
      problems: ['作业无人辅导，成绩下滑', '与父母联系少，情绪低落', '放学后独自在外玩耍，存在安全隐患'],
      needs: ['tutoring', 'family_contact', 'safety_education'],
      strengths: '孩子懂事、愿意学习；祖母身体尚可，愿意配合；村儿童主任熟悉家庭情况。',
      risks: '放学后无人看护；情绪问题可能加重。',
      riskLevel: 'medium',
      familySupport: '祖母照料日常生活；父母每月寄钱、偶尔视频。',
      socialSupport: '村儿童主任每月走访；学校班主任愿意配合。',
      assessedOn: today,
    },
    plan: {
      goals: [
        {
          id: 'g-homework',
          description: '三个月内每周完成作业不少于 4 次',
          measure: '班主任每月反馈作业完成情况',
          targetDate: inDays(90),
          interventions: [
            { serviceType: 'tutoring', who: '大学生志愿者', frequency: '每周两次', byDate: inDays(90) },
            { serviceType: 'capacity_building', who: '社工', frequency: '每月一次', byDate: inDays(90) },
          ],
        },
        {
          id: 'g-parents',
          description: '与父母每周至少视频通话一次',
          measure: '祖母记录通话次数',
          targetDate: inDays(60),
          interventions: [{ serviceType: 'counselling', who: '社工', frequency: '每两周一次', byDate: inDays(60) }],
        },
      ],
      clientAgreed: true,
      agreedOn: today,
    },
    evaluation: {
      goals: [
        { goalId: 'g-homework', result: 'met', note: '作业完成率明显提高' },
        { goalId: 'g-parents', result: 'partly', note: '母亲每周通话，父亲仍较少' },
      ],
      clientView: '孩子和祖母都很满意，希望志愿者继续来。',
      workerView: '主要目标达成，亲子沟通仍需跟进。',
      evaluatedOn: today,
    },
    closure: {
      reason: 'goals_met',
      summary: '经过三个月服务，作业完成情况明显改善，情绪好转，与母亲的联系增加。',
      followUpPlan: '纳入每月常规探访；儿童主任每两周电话了解情况。',
      closedOn: today,
    },
  } as const;
}

export function dayPlus(days: number): string {
  const date = new Date(Date.now() + 8 * 3_600_000);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

export const todayInChina = () => dayPlus(0);

export function openCase(client: ApiClient, personId: string, presentingProblem: string): Promise<Case> {
  return call<Case>(client, 'POST', '/api/cases', { personId, source: 'village', presentingProblem });
}

export function saveDocument(client: ApiClient, item: Case, kind: string, content: unknown): Promise<Case> {
  return call<Case>(client, 'PUT', `/api/cases/${item.id}/documents/${kind}`, { version: item.version, content });
}

export function transition(client: ApiClient, item: Case, to: string, note?: string): Promise<Case> {
  return call<Case>(client, 'POST', `/api/cases/${item.id}/transition`, { to, version: item.version, note });
}

/** A service record linked to the case and to goals of its plan. */
export async function logService(client: ApiClient, item: Case, goalIds: string[], summary: string, daysAgo = 0): Promise<void> {
  const startedAt = new Date(Date.now() - daysAgo * 86_400_000 - 3_600_000).toISOString();
  await call(client, 'POST', '/api/services', {
    personId: item.personId,
    kind: 'home_visit',
    serviceTypes: ['tutoring'],
    startedAt,
    durationMinutes: 60,
    summary,
    caseId: item.id,
    goalIds,
  });
}

export function getCase(client: ApiClient, id: string): Promise<Case> {
  return call<Case>(client, 'GET', `/api/cases/${id}`);
}

const ORDER = ['intake', 'assessment', 'planning', 'intervention', 'evaluation'] as const;
type OpenStage = (typeof ORDER)[number];

/**
 * Walks a case through the API up to `stage`, writing each document complete on the way (and a
 * service record before the evaluation).
 */
export async function advanceTo(client: ApiClient, item: Case, stage: OpenStage): Promise<Case> {
  const docs = documents(todayInChina(), dayPlus);
  let current = item;
  const leave: Record<OpenStage, () => Promise<void>> = {
    intake: async () => {
      current = await saveDocument(client, current, 'intake', { ...docs.intake, presentingProblem: current.presentingProblem });
    },
    assessment: async () => {
      current = await saveDocument(client, current, 'assessment', docs.assessment);
    },
    planning: async () => {
      current = await saveDocument(client, current, 'plan', docs.plan);
    },
    intervention: async () => {
      await logService(client, current, ['g-homework'], '上门辅导作业一小时，检查本周作业完成情况。', 3);
      await logService(client, current, ['g-homework', 'g-parents'], '辅导作业，并陪孩子与母亲视频通话。', 1);
      current = await getCase(client, current.id);
    },
    evaluation: async () => {},
  };
  for (const step of ORDER) {
    if (step === stage) break;
    await leave[step]();
    current = await transition(client, current, ORDER[ORDER.indexOf(step) + 1]!);
  }
  return current;
}
