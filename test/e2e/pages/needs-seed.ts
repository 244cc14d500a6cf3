import type { APIRequestContext } from 'playwright-core';

/**
 * Data for the needs pages made through the API, for browser tests and screenshots: an elders'
 * questionnaire with a ranking question whose options carry need types, answered so that health
 * care comes first, then elderly education, then recreation (the order the station's research
 * found); and needs registered on people's files.
 */
export interface Client {
  api: APIRequestContext;
  csrf: string;
}

async function send<T>(client: Client, method: 'post' | 'patch', path: string, data: Record<string, unknown>): Promise<T> {
  const reply = await client.api[method](path, { data, headers: { 'X-CSRF-Token': client.csrf } });
  if (!reply.ok()) throw new Error(`${method.toUpperCase()} ${path}: ${reply.status()} ${await reply.text()}`);
  return (await reply.json()) as T;
}

async function get<T>(client: Client, path: string): Promise<T> {
  const reply = await client.api.get(path);
  if (!reply.ok()) throw new Error(`GET ${path}: ${reply.status()} ${await reply.text()}`);
  return (await reply.json()) as T;
}

export interface RankingReply {
  group: string;
  respondents: number;
  items: Array<{ needType: string; label: string; count: number; share: number; rank: number; firstChoice: number }>;
}

export function ranking(client: Client, group: string, period: { from?: string; to?: string } = {}): Promise<RankingReply> {
  const query = new URLSearchParams({ group, ...(period.from ? { from: period.from } : {}), ...(period.to ? { to: period.to } : {}) });
  return get<RankingReply>(client, `/api/needs/ranking?${query.toString()}`);
}

interface QuestionOption {
  value: string;
  label: string;
  needType: string;
}

const ELDER_OPTIONS: QuestionOption[] = [
  { value: 'health', label: '看病、测血压、送药上门', needType: 'healthcare' },
  { value: 'school', label: '上老年学校、学点新东西', needType: 'elder_education' },
  { value: 'fun', label: '唱歌跳舞、下棋等文体活动', needType: 'recreation' },
  { value: 'care', label: '做饭打扫等生活照料', needType: 'daily_care' },
  { value: 'talk', label: '有人陪着说说话', needType: 'companionship' },
];

/** Places of the elders' answers: 8 respondents; health care 7, elderly education 6, recreation 4, daily care 2, company 1. */
const ELDER_ANSWERS: string[][] = [
  ['health', 'school', 'fun'],
  ['health', 'school', 'fun'],
  ['health', 'fun', 'school'],
  ['school', 'health', 'care'],
  ['health', 'school'],
  ['health', 'talk'],
  ['health', 'fun', 'care'],
  ['school'],
];

const CHILD_OPTIONS: QuestionOption[] = [
  { value: 'homework', label: '写作业有人辅导', needType: 'tutoring' },
  { value: 'safety', label: '防溺水、交通安全等安全知识', needType: 'safety_education' },
  { value: 'parents', label: '多和爸爸妈妈联系', needType: 'family_contact' },
  { value: 'play', label: '兴趣小组、手工活动', needType: 'interest_activities' },
];
const CHILD_ANSWERS: string[][] = [
  ['homework', 'safety'],
  ['homework', 'parents', 'safety'],
  ['safety', 'homework'],
  ['homework', 'play'],
  ['homework', 'safety', 'parents'],
];

const WOMAN_OPTIONS: QuestionOption[] = [
  { value: 'children', label: '孩子的学习和教育', needType: 'child_education' },
  { value: 'health', label: '家里老人孩子的健康', needType: 'family_health' },
  { value: 'work', label: '学一门手艺、找份工作', needType: 'employment' },
  { value: 'rights', label: '了解妇女权益', needType: 'rights_protection' },
];
const WOMAN_ANSWERS: string[][] = [
  ['children', 'health', 'work'],
  ['children', 'work'],
  ['children', 'health'],
  ['health', 'children', 'work'],
  ['work', 'children'],
];

async function survey(client: Client, title: string, audience: string, options: QuestionOption[], answers: string[][]): Promise<string> {
  const created = await send<{ id: string }>(client, 'post', '/api/surveys', {
    title,
    description: '合成数据，仅用于演示和测试。',
    audience,
    mode: 'questionnaire',
    status: 'open',
    questions: [{ key: 'needs', type: 'rank', text: '下面这些服务，您最需要哪几项？请按重要程度排序。', required: true, maxChoices: 3, options }],
  });
  for (const places of answers) {
    await send(client, 'post', `/api/surveys/${created.id}/responses`, { source: 'visit', answers: { needs: places } });
  }
  return created.id;
}

/**
 * Questionnaires of the three focus groups with anonymous answers. Made only for a group whose
 * ranking is still empty (the demo township may already have a year of responses).
 */
export async function seedRankings(client: Client): Promise<{ made: string[] }> {
  const made: string[] = [];
  if ((await ranking(client, 'elder')).respondents === 0) made.push(await survey(client, '老年人服务需求调查（合成数据）', 'elder', ELDER_OPTIONS, ELDER_ANSWERS));
  if ((await ranking(client, 'left_behind_child')).respondents === 0) made.push(await survey(client, '留守儿童需求调查（合成数据）', 'left_behind_child', CHILD_OPTIONS, CHILD_ANSWERS));
  if ((await ranking(client, 'woman')).respondents === 0) made.push(await survey(client, '妇女需求调查（合成数据）', 'woman', WOMAN_OPTIONS, WOMAN_ANSWERS));
  return { made };
}

export interface NeedShape {
  id: string;
  version: number;
  status: string;
  needType: string;
  person: { id: string; name: string };
}

export function registerNeed(client: Client, personId: string, needType: string, note?: string): Promise<NeedShape> {
  return send<NeedShape>(client, 'post', '/api/needs', { personId, needType, source: 'visit', note: note ?? null });
}

export function moveNeed(client: Client, need: NeedShape, status: string): Promise<NeedShape> {
  return send<NeedShape>(client, 'patch', `/api/needs/${need.id}`, { version: need.version, status });
}

/** A service record of the given types for a person, now: it answers their open needs of those types. */
export async function serve(client: Client, personId: string, serviceTypes: string[], summary: string): Promise<string> {
  const record = await send<{ id: string }>(client, 'post', '/api/services', {
    personId,
    kind: 'home_visit',
    serviceTypes,
    startedAt: new Date().toISOString(),
    durationMinutes: 30,
    summary,
  });
  return record.id;
}

interface PersonShape {
  id: string;
  name: string;
  groups: string[];
}

/** The first people of a group in the caller's station. */
export async function peopleOf(client: Client, group: string, limit: number): Promise<PersonShape[]> {
  return (await get<{ items: PersonShape[] }>(client, `/api/people?group=${group}&limit=${limit}`)).items;
}
