import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asc } from 'drizzle-orm';
import { makeTestApp, type Session, type TestApp } from '../testing/test-app';
import { needs, people, serviceRecords, surveyResponses, surveys, surveyVersions } from '../db/schema/index';
import { checkAnswers, needTypesOf } from '../modules/surveys/surveys.rules';
import { dayStart, shanghaiDay } from '../time';
import { ageOn } from '../../shared/id-number';
import { ageBandOf, CHILD_GROUPS, ELDER_GROUPS, NEED_SERVICE_TYPES, type NeedTypeCode } from '../../shared/codes';
import type { Ranking } from '../../shared/schemas/needs';
import type { Survey, SurveyResponse, SurveyResults } from '../../shared/schemas/surveys';
import { DEMO_PEOPLE_PER_STATION } from './demo-township';

/** The demo township as `npm start` loads it, with its year of needs research. */
let t: TestApp;
let now: Date;
let surveyRows: (typeof surveys.$inferSelect)[];
let versionRows: (typeof surveyVersions.$inferSelect)[];
let responses: (typeof surveyResponses.$inferSelect)[];
let needRows: (typeof needs.$inferSelect)[];
let persons: Map<string, { stationId: string; villageId: string; gender: 'male' | 'female' | null; birthDate: string | null; groups: string[] }>;
const sessions = new Map<string, Session>();

beforeAll(async () => {
  t = await makeTestApp({ demoPeople: DEMO_PEOPLE_PER_STATION, demoHistory: true });
  now = t.clock.now();
  surveyRows = await t.deps.db.select().from(surveys);
  versionRows = await t.deps.db.select().from(surveyVersions);
  responses = await t.deps.db.select().from(surveyResponses).orderBy(asc(surveyResponses.collectedAt));
  needRows = await t.deps.db.select().from(needs);
  const rows = await t.deps.db.select({ id: people.id, stationId: people.stationId, villageId: people.villageId, gender: people.gender, birthDate: people.birthDate, groups: people.groups }).from(people);
  persons = new Map(rows.map((r) => [r.id, r]));
  for (const username of ['anyuan.worker', 'dachaigou.worker', 'county']) sessions.set(username, await t.login(username));
}, 120_000);
afterAll(async () => {
  await t.close();
});

const stations = () => [
  { key: 'anyuan', id: t.demo.stations.anyuan.id, worker: 'anyuan.worker' },
  { key: 'dachaigou', id: t.demo.stations.dachaigou.id, worker: 'dachaigou.worker' },
];
const surveyOf = (stationId: string, templateKey: string) => surveyRows.find((s) => s.stationId === stationId && s.templateKey === templateKey)!;
const responsesOf = (surveyId: string) => responses.filter((r) => r.surveyId === surveyId);
const as = (username: string) => sessions.get(username)!;

/** The start of the year of responses: the first day of the month eleven months before this one. */
function firstDayOfTheYear(): Date {
  const [y, m] = shanghaiDay(now).split('-').map(Number) as [number, number];
  const index = y * 12 + (m - 1) - 11;
  return dayStart(`${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}-01`);
}

async function ranking(username: string, group: string): Promise<Ranking> {
  const response = await as(username).inject({ method: 'GET', url: `/api/needs/ranking?group=${group}` });
  expect(response.statusCode).toBe(200);
  return response.json<Ranking>();
}

describe('the demo surveys', () => {
  it("every station has the three template surveys open since before the year began; Anyuan's elders survey has a second version made after its first responses", async () => {
    const yearBegan = firstDayOfTheYear();
    for (const station of stations()) {
      const mine = surveyRows.filter((s) => s.stationId === station.id);
      expect(mine.map((s) => s.templateKey).sort()).toEqual(['elder', 'left_behind_child', 'woman']);
      for (const s of mine) {
        expect(s.status).toBe('open');
        expect(s.createdAt.getTime()).toBeLessThan(yearBegan.getTime());
      }
    }
    const edited = surveyOf(t.demo.stations.anyuan.id, 'elder');
    expect(edited.currentVersion).toBe(2);
    const [first, second] = versionRows.filter((v) => v.surveyId === edited.id).sort((a, b) => a.number - b.number);
    expect(second!.questions.map((q) => q.key)).toContain('falls');
    expect(first!.questions.map((q) => q.key)).not.toContain('falls');
    const ofFirst = responsesOf(edited.id).filter((r) => r.versionNumber === 1);
    const ofSecond = responsesOf(edited.id).filter((r) => r.versionNumber === 2);
    expect(ofFirst.length).toBeGreaterThan(10);
    expect(ofSecond.length).toBeGreaterThan(10);
    for (const r of ofFirst) expect(r.collectedAt.getTime()).toBeLessThan(second!.createdAt.getTime());
    for (const r of ofSecond) expect(r.collectedAt.getTime()).toBeGreaterThanOrEqual(second!.createdAt.getTime());
    const survey = (await as('anyuan.worker').inject({ method: 'GET', url: `/api/surveys/${edited.id}` })).json<Survey>();
    expect(survey.versions.map((v) => [v.number, v.responseCount])).toEqual([
      [1, ofFirst.length],
      [2, ofSecond.length],
    ]);
    for (const other of surveyRows.filter((s) => s.id !== edited.id)) expect(other.currentVersion).toBe(1);
  });

  it('responses span the last twelve months, none in the future, most in the spring and autumn visiting seasons', () => {
    const yearBegan = firstDayOfTheYear();
    const perMonth = new Map<number, number>();
    for (const r of responses) {
      expect(r.collectedAt.getTime()).toBeGreaterThanOrEqual(yearBegan.getTime());
      expect(r.collectedAt.getTime()).toBeLessThanOrEqual(r.createdAt.getTime());
      expect(r.createdAt.getTime()).toBeLessThanOrEqual(now.getTime());
      const month = Number(shanghaiDay(r.collectedAt).slice(5, 7));
      perMonth.set(month, (perMonth.get(month) ?? 0) + 1);
    }
    expect(perMonth.size).toBeGreaterThanOrEqual(10);
    const seasons = [3, 4, 5, 9, 10, 11];
    const inSeason = seasons.reduce((sum, m) => sum + (perMonth.get(m) ?? 0), 0) / 6;
    const offSeason = [12, 1, 2, 6, 7, 8].reduce((sum, m) => sum + (perMonth.get(m) ?? 0), 0) / 6;
    expect(inSeason).toBeGreaterThan(1.5 * offSeason);
  });

  it('about half the elders and children and a third to a half of the women answered, linked to their files; others answered anonymously, a few on paper', () => {
    for (const station of stations()) {
      const residents = [...persons.values()].filter((p) => p.stationId === station.id);
      const inAny = (p: { groups: string[] }, groups: readonly string[]) => p.groups.some((g) => groups.includes(g));
      const share = (templateKey: string, of: number) => new Set(responsesOf(surveyOf(station.id, templateKey).id).flatMap((r) => (r.personId ? [r.personId] : []))).size / of;
      expect(share('elder', residents.filter((p) => inAny(p, ELDER_GROUPS)).length)).toBeGreaterThanOrEqual(0.4);
      expect(share('elder', residents.filter((p) => inAny(p, ELDER_GROUPS)).length)).toBeLessThanOrEqual(0.6);
      expect(share('left_behind_child', residents.filter((p) => inAny(p, CHILD_GROUPS)).length)).toBeGreaterThanOrEqual(0.4);
      expect(share('left_behind_child', residents.filter((p) => inAny(p, CHILD_GROUPS)).length)).toBeLessThanOrEqual(0.6);
      const women = residents.filter((p) => p.groups.includes('woman'));
      expect(share('woman', women.length)).toBeGreaterThanOrEqual(0.25);
      expect(share('woman', women.length)).toBeLessThanOrEqual(0.5);

      for (const [templateKey, groups] of [['elder', ELDER_GROUPS], ['left_behind_child', CHILD_GROUPS], ['woman', ['woman']]] as const) {
        const mine = responsesOf(surveyOf(station.id, templateKey).id);
        const linked = mine.filter((r) => r.personId);
        // Each respondent once, each in a group the survey is for.
        expect(new Set(linked.map((r) => r.personId)).size).toBe(linked.length);
        for (const r of linked) expect(inAny(persons.get(r.personId!)!, groups)).toBe(true);
        const anonymous = mine.filter((r) => !r.personId);
        expect(anonymous.length).toBeGreaterThan(0);
        for (const r of anonymous) {
          expect(r.villageId).not.toBeNull();
          expect(r.gender).not.toBeNull();
          expect(r.ageBand).not.toBeNull();
          expect(r.groups).toEqual([templateKey]);
        }
      }
      const children = responsesOf(surveyOf(station.id, 'left_behind_child').id).filter((r) => r.personId);
      expect(children.filter((r) => persons.get(r.personId!)!.groups.includes('left_behind_child')).length / children.length).toBeGreaterThanOrEqual(0.6);
      const paper = responses.filter((r) => r.stationId === station.id && r.source === 'paper');
      expect(paper.length).toBeGreaterThanOrEqual(2);
      for (const r of paper) expect(r.createdAt.getTime() - r.collectedAt.getTime()).toBeGreaterThan(2 * 86_400_000);
    }
    const sources = new Set(responses.map((r) => r.source));
    expect([...sources].sort()).toEqual(['group', 'paper', 'phone', 'visit']);
  });

  it("each response holds what intake stores: answers that pass its version's questions, the needs they express, the respondent as the file says", () => {
    const questionsOf = new Map(versionRows.map((v) => [`${v.surveyId}:${v.number}`, v.questions]));
    const audienceOf = new Map(surveyRows.map((s) => [s.id, s.audience]));
    for (const r of responses) {
      const questions = questionsOf.get(`${r.surveyId}:${r.versionNumber}`)!;
      const checked = checkAnswers(questions, r.answers);
      expect(checked.problems).toEqual([]);
      expect(checked.answers).toEqual(r.answers);
      const expressed = needTypesOf(questions, r.answers);
      expect(r.needTypes).toEqual(expressed.needTypes);
      expect(r.firstNeedTypes).toEqual(expressed.firstNeedTypes);
      if (!r.personId) continue;
      const person = persons.get(r.personId)!;
      expect(r.stationId).toBe(person.stationId);
      expect(r.villageId).toBe(person.villageId);
      expect(r.gender).toBe(person.gender);
      expect(r.ageBand).toBe(ageBandOf(ageOn(person.birthDate!, shanghaiDay(r.collectedAt))));
      expect([...r.groups].sort()).toEqual([...new Set([...person.groups, audienceOf.get(r.surveyId)!])].sort());
    }
    const texts = responses.flatMap((r) => Object.values(r.answers).filter((v): v is string => typeof v === 'string' && /[\u4e00-\u9fff]/.test(v)));
    expect(new Set(texts).size).toBeGreaterThan(30);
  });

  it('a phone sending a demo response again gets it back (200), and no second response is made', async () => {
    const worker = as('anyuan.worker');
    const mine = responses.filter((r) => r.stationId === t.demo.stations.anyuan.id);
    for (const r of [mine.find((x) => x.personId && x.versionNumber === 1)!, mine.find((x) => !x.personId && x.source === 'group')!, mine.find((x) => x.source === 'paper')!]) {
      const body = {
        id: r.id,
        personId: r.personId,
        versionNumber: r.versionNumber,
        source: r.source,
        collectedAt: r.collectedAt.toISOString(),
        answers: r.answers,
        note: r.note,
        ...(r.personId ? {} : { villageId: r.villageId, gender: r.gender, ageBand: r.ageBand }),
      };
      const response = await worker.inject({ method: 'POST', url: `/api/surveys/${r.surveyId}/responses`, payload: body });
      expect(response.statusCode).toBe(200);
      expect(response.json<SurveyResponse>().id).toBe(r.id);
    }
    const after = await t.deps.db.select({ id: surveyResponses.id }).from(surveyResponses);
    expect(after.length).toBe(responses.length);
  });
});

describe("the demo's needs ranking tells the seed report's findings", () => {
  it('elders: health care, then elderly education, then recreation, then the rest, in each station and across the county', async () => {
    for (const username of ['anyuan.worker', 'dachaigou.worker', 'county']) {
      const { items, respondents } = await ranking(username, 'elder');
      expect(respondents).toBeGreaterThan(username === 'county' ? 120 : 60);
      expect(items.slice(0, 3).map((i) => [i.needType, i.rank])).toEqual([
        ['healthcare', 1],
        ['elder_education', 2],
        ['recreation', 3],
      ]);
      expect(items[3]!.count).toBeLessThan(items[2]!.count);
      expect(items.length).toBe(8);
    }
  });

  it("children: homework help and safety education top the ranking, and each leads its own question (biggest trouble, biggest worry)", async () => {
    for (const username of ['anyuan.worker', 'dachaigou.worker', 'county']) {
      const { items } = await ranking(username, 'left_behind_child');
      expect(items.slice(0, 2).map((i) => i.needType)).toEqual(['tutoring', 'safety_education']);
      expect(items[2]!.count).toBeLessThan(items[1]!.count);
    }
    for (const station of stations()) {
      const survey = surveyOf(station.id, 'left_behind_child');
      const results = (await as(station.worker).inject({ method: 'GET', url: `/api/surveys/${survey.id}/results` })).json<SurveyResults>();
      const top = (key: string) => {
        const options = [...(results.questions.find((q) => q.key === key)?.options ?? [])].sort((a, b) => b.count - a.count);
        expect(options[0]!.count).toBeGreaterThan(options[1]!.count);
        return options[0]!.value;
      };
      expect(top('biggest_trouble')).toBe('homework');
      expect(top('biggest_worry')).toBe('safety');
    }
  });

  it("women: their children's education first, then family health and employment within a few points", async () => {
    for (const username of ['anyuan.worker', 'dachaigou.worker', 'county']) {
      const { items } = await ranking(username, 'woman');
      expect(items.slice(0, 3).map((i) => i.needType)).toEqual(['child_education', 'family_health', 'employment']);
      expect(items[0]!.share - items[1]!.share).toBeGreaterThanOrEqual(0.05);
      expect(items[1]!.share - items[2]!.share).toBeGreaterThanOrEqual(0);
      expect(items[1]!.share - items[2]!.share).toBeLessThanOrEqual(0.06);
    }
  });
});

describe('the demo needs register', () => {
  it("every need a linked respondent expressed stands in the register, at most one open need of a type a person", () => {
    const byPersonType = new Map<string, (typeof needRows)[number][]>();
    for (const n of needRows) byPersonType.set(`${n.personId}:${n.needType}`, [...(byPersonType.get(`${n.personId}:${n.needType}`) ?? []), n]);
    for (const r of responses.filter((x) => x.personId)) {
      for (const needType of r.needTypes) {
        const found = byPersonType.get(`${r.personId}:${needType}`) ?? [];
        expect(found.some((n) => n.source === 'survey' && n.sourceId === r.id && n.identifiedAt.getTime() === r.createdAt.getTime() && n.identifiedBy === r.collectedBy)).toBe(true);
      }
    }
    for (const list of byPersonType.values()) expect(list.filter((n) => n.status === 'identified' || n.status === 'being_served').length).toBeLessThanOrEqual(1);
    for (const n of needRows) {
      const person = persons.get(n.personId)!;
      expect([n.stationId, n.villageId]).toEqual([person.stationId, person.villageId]);
      expect(n.statusChangedAt.getTime()).toBeGreaterThanOrEqual(n.identifiedAt.getTime());
      expect(n.statusChangedAt.getTime()).toBeLessThanOrEqual(now.getTime());
    }
  });

  it('needs served or met have a service of an answering type after they were identified; a few are unmet with the reason; many still wait', async () => {
    const counts = { identified: 0, being_served: 0, met: 0, unmet: 0 };
    for (const n of needRows) counts[n.status]++;
    expect(counts.being_served).toBeGreaterThan(50);
    expect(counts.met).toBeGreaterThan(20);
    expect(counts.unmet).toBeGreaterThan(2);
    expect(counts.identified).toBeGreaterThan(counts.being_served);
    const records = await t.deps.db.select({ personId: serviceRecords.personId, startedAt: serviceRecords.startedAt, reportTypes: serviceRecords.reportTypes }).from(serviceRecords);
    const answered = (n: (typeof needRows)[number]) =>
      records.some((r) => r.personId === n.personId && r.startedAt >= n.identifiedAt && r.startedAt <= n.statusChangedAt && r.reportTypes.some((type) => (NEED_SERVICE_TYPES[n.needType as NeedTypeCode] as readonly string[]).includes(type)));
    for (const n of needRows.filter((x) => x.status === 'met' || x.status === 'being_served')) expect(answered(n)).toBe(true);
    for (const n of needRows.filter((x) => x.status === 'unmet')) expect(n.note?.length ?? 0).toBeGreaterThan(5);

    // The register's "unanswered" column: the visits answer health care; recreation, elderly education wait far more often.
    for (const station of stations()) {
      const summary = (await as(station.worker).inject({ method: 'GET', url: '/api/needs/summary' })).json<{ items: { needType: string; identified: number; beingServed: number; unanswered: number }[] }>();
      const waiting = (needType: string) => {
        const item = summary.items.find((i) => i.needType === needType)!;
        return item.unanswered / (item.identified + item.beingServed);
      };
      expect(waiting('recreation')).toBeGreaterThan(0.6);
      expect(waiting('healthcare')).toBeLessThan(0.4);
      expect(waiting('healthcare')).toBeLessThan(waiting('elder_education'));
    }
  });
});
