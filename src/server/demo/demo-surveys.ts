import { and, asc, eq, gte } from 'drizzle-orm';
import type { Ctx } from '../context';
import { needs, people, serviceRecords, surveyResponses } from '../db/schema/index';
import { shanghaiDay } from '../time';
import { surveyTemplates } from '../modules/surveys/survey-templates';
import { createSurvey, updateSurvey } from '../modules/surveys/surveys.service';
import { checkAnswers, needTypesOf } from '../modules/surveys/surveys.rules';
import { responseHash } from '../modules/surveys/responses.service';
import { festivalDate } from '../modules/care/festivals';
import { ageOn } from '../../shared/id-number';
import { ageBandOf, CHILD_GROUPS, ELDER_GROUPS, NEED_SERVICE_TYPES, type AgeBand, type FestivalCode, type GroupCode, type NeedStatus, type NeedTypeCode, type ResponseSource } from '../../shared/codes';
import { zCreateSurveyRequest, zUpdateSurveyRequest, type Question, type SurveyTemplate } from '../../shared/schemas/surveys';
import { addDays, at, daysBetween, historyPeople, monthOf, Rng, weekday, type HistoryPerson } from './demo-history-support';
import { staffActor, type CareStaffAccount } from './demo-care';
import { anonymousRespondent, childAnswers, elderAnswers, womanAnswers, type Answers, type Respondent } from './demo-surveys-answers';
import type { SyntheticHousehold } from './synthetic-people';

/**
 * The needs research of the demo township: in each station the three template surveys (elders,
 * left-behind children, women), open since a year ago, with a year of responses collected on the
 * history's home visits and calls (more in the spring and autumn visiting seasons), community
 * questionnaires filled in at festival gatherings, a few paper forms entered afterwards, and one
 * survey edited after its first responses (a second version). Linked respondents' needs stand in
 * the register, some being served or met by the service records the history holds, a few found
 * unmet, many still waiting for a service. EVERYTHING HERE IS SYNTHETIC, like the residents.
 *
 * The surveys module creates and edits the surveys itself (`createSurvey`, `updateSurvey`, as the
 * station manager on the day). Responses and needs are written as rows, the accepted exception of
 * the demo loader (as for service records): each response's answers go through the module's
 * `checkAnswers` and `needTypesOf`, its respondent's village, sex, age band and groups are copied
 * as intake copies them, and each linked respondent's needs follow `registerNeeds`' rule (one open
 * need of a type a person). One statement per 500 rows keeps the load quick; the intake would
 * make a dozen statements a response.
 *
 * Answers are drawn (demo-surveys-answers.ts) until each station's needs ranking tells what the
 * seed report found: elders healthcare > elder_education > recreation > the rest; children
 * tutoring and safety_education first (and each first in its own question: biggest trouble,
 * biggest worry); women child_education first, then family_health and employment within a few
 * points. The seeded source makes the same draws every time.
 */

export interface SurveysStationInput {
  id: string;
  villageIds: readonly string[];
  households: readonly SyntheticHousehold[];
  /** Village → the social worker who goes there. */
  villageWorkers: Readonly<Record<string, string>>;
  manager: CareStaffAccount;
  /** Whether one of its surveys is edited after its first responses (a second version). */
  editsASurvey?: boolean;
}

export interface DemoSurveysInput {
  now: Date;
  seed: number;
  stations: readonly SurveysStationInput[];
}

export interface LoadedSurveys {
  surveys: number;
  /** Versions of every survey (a survey edited after responses has two). */
  versions: number;
  responses: number;
  /** Responses linked to a resident's file. */
  linked: number;
  anonymous: number;
  /** Responses entered afterwards from paper forms. */
  paper: number;
  needs: Record<NeedStatus, number>;
}

type TemplateKey = 'elder' | 'left_behind_child' | 'woman';
const AUDIENCE: Record<TemplateKey, 'elder' | 'child' | 'woman'> = { elder: 'elder', left_behind_child: 'child', woman: 'woman' };

/** Spring (March–May) and autumn (September–November) are when the station goes round the villages. */
function seasonWeight(day: string): number {
  const month = monthOf(day);
  return (month >= 3 && month <= 5) || (month >= 9 && month <= 11) ? 3 : 1;
}

/** The first day of the month `months` before the day's month. */
function monthStart(day: string, monthsBack: number): string {
  const [y, m] = day.split('-').map(Number) as [number, number];
  const index = y * 12 + (m - 1) - monthsBack;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}-01`;
}

/** The latest day of the festival on or before `today` and not before `from`. */
function lastFestival(code: FestivalCode, from: string, today: string): string | null {
  const year = Number(today.slice(0, 4));
  for (const y of [year, year - 1]) {
    const day = festivalDate(code, y);
    if (day && day <= today && day >= from) return day;
  }
  return null;
}


/** The elders' survey as the Anyuan manager edited it after the spring round: a question on falls, a clearer option. */
function editedElderQuestions(questions: readonly Question[]): Question[] {
  const edited = questions.map((q) =>
    q.key === 'top_needs' ? { ...q, options: (q.options ?? []).map((o) => (o.value === 'elder_education' ? { ...o, label: '老年教育（老年学校、健康讲座、识字班）' } : o)) } : q,
  );
  const before = edited.findIndex((q) => q.key === 'clinic_minutes');
  edited.splice(before, 0, {
    key: 'falls',
    type: 'single',
    section: edited[before]!.section,
    text: '过去一年里，您有没有摔倒过？',
    prompt: '如摔倒过，请追问是否受伤、有没有去看病，并看看家里地面、厕所有没有防滑和扶手。',
    options: [
      { value: 'yes', label: '摔倒过' },
      { value: 'no', label: '没有' },
    ],
  });
  return edited;
}

type ResponseRow = typeof surveyResponses.$inferInsert & { id: string; collectedAt: Date; createdAt: Date; collectedBy: string; needTypes: string[] };
type NeedRow = typeof needs.$inferInsert & { id: string };

interface Contact {
  kind: string;
  startedAt: Date;
  durationMinutes: number;
  workerId: string | null;
  reportTypes: string[];
}

interface PersonFile {
  id: string;
  villageId: string;
  gender: 'male' | 'female' | null;
  birthDate: string | null;
  groups: string[];
  history: HistoryPerson;
  respondent: Respondent;
}

/** One response to be: who, when, how; its answers are drawn later (and again, until the findings hold). */
interface Planned {
  template: TemplateKey;
  person: PersonFile | null;
  anonymous: { villageId: string; gender: 'male' | 'female'; ageBand: AgeBand; respondent: Respondent } | null;
  source: ResponseSource;
  collectedAt: Date;
  createdAt: Date;
  collectedBy: string;
  answers: Answers;
  note: string | null;
  needTypes: NeedTypeCode[];
  firstNeedTypes: NeedTypeCode[];
}

const UNMET_CHANCE: Partial<Record<NeedTypeCode, number>> = { employment: 0.3, daily_care: 0.15, elder_education: 0.1, interest_activities: 0.1 };
const UNMET_NOTES: Partial<Record<NeedTypeCode, string[]>> = {
  employment: ['镇上今年没有适合的技能培训，已向县妇联反映，等明年名额', '想学的电商培训要去县城住一周，家里孩子没人照看，暂时去不了'],
  daily_care: ['子女不同意外人上门照料，已沟通，暂不接受', '村里暂时找不到愿意上门照料的人，已报镇民政办'],
  elder_education: ['县老年大学本学期名额已满，已登记明年春季报名', '老人行动不便，去不了镇上的课堂'],
  interest_activities: ['村小学周末不开放场地，兴趣小组暂时办不起来'],
};
const SERVED_NOTES: Partial<Record<NeedTypeCode, string[]>> = {
  healthcare: ['已联系村医每月上门测量血压', '已陪同到乡镇卫生院复查，慢病药已续上'],
  tutoring: ['已安排志愿者每周两次作业辅导'],
  safety_education: ['已参加防溺水、交通安全教育活动'],
  companionship: ['已纳入每周电话关怀名单'],
  policy_access: ['已协助提交高龄津贴申请材料'],
  family_health: ['已协助预约乡镇卫生院“两癌”筛查'],
};

class StationSurveys {
  readonly loaded: LoadedSurveys = { surveys: 0, versions: 0, responses: 0, linked: 0, anonymous: 0, paper: 0, needs: { identified: 0, being_served: 0, met: 0, unmet: 0 } };
  private readonly today: string;
  private readonly start: string;
  private readonly templates: Map<TemplateKey, SurveyTemplate>;

  constructor(
    private readonly tx: Ctx,
    private readonly rng: Rng,
    private readonly input: SurveysStationInput,
    private readonly now: Date,
  ) {
    this.today = shanghaiDay(now);
    // A year of responses: the twelve months up to this one.
    this.start = monthStart(this.today, 11);
    this.templates = new Map(surveyTemplates('zh-CN').map((t) => [t.key as TemplateKey, t]));
  }

  async load(): Promise<LoadedSurveys> {
    const files = await this.files();
    const contacts = await this.contacts();
    const plans = [...this.plan('elder', files, contacts), ...this.plan('left_behind_child', files, contacts), ...this.plan('woman', files, contacts)];
    this.drawAnswers(plans);

    // The manager opened the three surveys a little before the first round of visits.
    const createdOn = addDays(this.start, -this.rng.int(5, 12));
    const surveyIds = new Map<TemplateKey, string>();
    for (const [key, template] of this.templates) {
      const survey = await createSurvey(
        this.asManager(at(createdOn, 10 * 60 + this.rng.int(0, 90))),
        zCreateSurveyRequest.parse({ title: template.title, description: template.description, audience: template.audience, mode: template.mode, questions: template.questions, templateKey: template.key, status: 'open' }),
      );
      surveyIds.set(key, survey.id);
      this.loaded.surveys++;
      this.loaded.versions++;
    }

    // The elders' survey edited after the spring round: later responses answer its second version.
    const editedAt = this.input.editsASurvey ? at(addDays(monthStart(this.today, 5), 7), 9 * 60 + 40) : null;
    // A phone that filled in the first version before the edit may send it afterwards: the version is the form's.
    const version = (p: Planned) => (editedAt && p.template === 'elder' && p.collectedAt >= editedAt ? 2 : 1);
    const rows = plans.map((p) => this.row(p, surveyIds.get(p.template)!, version(p)));
    const first = rows.filter((r) => r.versionNumber === 1);
    await insertChunked(first, (chunk) => this.tx.db.insert(surveyResponses).values(chunk));
    if (editedAt) {
      const template = this.templates.get('elder')!;
      await updateSurvey(this.asManager(editedAt), surveyIds.get('elder')!, zUpdateSurveyRequest.parse({ version: 1, questions: editedElderQuestions(template.questions) }));
      this.loaded.versions++;
    }
    await insertChunked(
      rows.filter((r) => r.versionNumber !== 1),
      (chunk) => this.tx.db.insert(surveyResponses).values(chunk),
    );
    for (const p of plans) {
      this.loaded.responses++;
      if (p.person) this.loaded.linked++;
      else this.loaded.anonymous++;
      if (p.source === 'paper') this.loaded.paper++;
    }

    const needRows = this.needs(rows, contacts);
    await insertChunked(needRows, (chunk) => this.tx.db.insert(needs).values(chunk));
    for (const n of needRows) this.loaded.needs[n.status]++;
    return this.loaded;
  }

  private asManager(when: Date): Ctx {
    return { ...this.tx, actor: staffActor(this.input.manager, this.input.id), now: when };
  }

  // -------------------------------------------------------------------------------------------
  // Who answers, when, how

  /** The station's residents as intake reads them (groups, sex, birth date) with what the answers depend on. */
  private async files(): Promise<PersonFile[]> {
    const rows = await this.tx.db
      .select({ id: people.id, villageId: people.villageId, gender: people.gender, birthDate: people.birthDate, groups: people.groups })
      .from(people)
      .where(and(eq(people.stationId, this.input.id), eq(people.status, 'active')));
    const byId = new Map(rows.map((r) => [r.id, r]));
    const household = new Map<string, HistoryPerson[]>();
    const history = historyPeople(this.input.households, this.today);
    for (const p of history) household.set(p.householdId, [...(household.get(p.householdId) ?? []), p]);
    const files: PersonFile[] = [];
    for (const p of history) {
      const row = byId.get(p.id);
      if (!row) continue;
      const others = (household.get(p.householdId) ?? []).filter((o) => o.id !== p.id);
      files.push({
        ...row,
        history: p,
        respondent: {
          age: p.age,
          gender: p.gender,
          groups: p.groups,
          living: p.living ?? null,
          selfCare: p.selfCare,
          health: p.health ?? null,
          childrenAway: p.childrenAway,
          guardianRelation: p.guardianRelation,
          minorsAtHome: others.filter((o) => o.age < 18).length,
          eldersAtHome: others.filter((o) => o.age >= 60).length,
          parentAway: others.some((o) => o.groups.has('left_behind_child')) || p.groups.has('left_behind_child'),
        },
      });
    }
    return files;
  }

  /** Every call and visit of the year, by person: when a survey could be filled in, and what answered a need. */
  private async contacts(): Promise<Map<string, Contact[]>> {
    const rows = await this.tx.db
      .select({
        personId: serviceRecords.personId,
        kind: serviceRecords.kind,
        startedAt: serviceRecords.startedAt,
        durationMinutes: serviceRecords.durationMinutes,
        workerIds: serviceRecords.workerIds,
        reportTypes: serviceRecords.reportTypes,
      })
      .from(serviceRecords)
      .where(and(eq(serviceRecords.stationId, this.input.id), gte(serviceRecords.startedAt, at(addDays(this.start, -31), 0))))
      .orderBy(asc(serviceRecords.startedAt));
    const byPerson = new Map<string, Contact[]>();
    for (const r of rows) {
      const list = byPerson.get(r.personId) ?? [];
      list.push({ kind: r.kind, startedAt: r.startedAt, durationMinutes: r.durationMinutes, workerId: r.workerIds[0] ?? null, reportTypes: r.reportTypes });
      byPerson.set(r.personId, list);
    }
    return byPerson;
  }

  private workerOf(villageId: string): string {
    return this.input.villageWorkers[villageId] ?? this.input.manager.id;
  }

  /** A working day of the year of responses, more likely in the visiting seasons. */
  private seasonDay(): string {
    return this.rng.weighted(this.workdays().map((day) => [day, seasonWeight(day)] as const));
  }

  private workdayList: string[] | null = null;

  /** The working days of the year of responses, before today. */
  private workdays(): string[] {
    if (!this.workdayList) {
      this.workdayList = [];
      for (let day = this.start; day < this.today; day = addDays(day, 1)) if (weekday(day) !== 0 && weekday(day) !== 6) this.workdayList.push(day);
    }
    return this.workdayList;
  }

  /**
   * When and how a linked respondent answered: a day of the year drawn by the visiting seasons,
   * then the home visit (or else the call) of the history nearest to it, if one is within a few
   * weeks; otherwise a visit of its own that day by the village's worker.
   */
  private linked(template: TemplateKey, person: PersonFile, contacts: Map<string, Contact[]>): Omit<Planned, 'answers' | 'note' | 'needTypes' | 'firstNeedTypes'> {
    const latest = this.now.getTime() - 3 * 3_600_000;
    const day = this.seasonDay();
    const target = at(day, 12 * 60).getTime();
    const near = (c: Contact) => Math.abs(c.startedAt.getTime() - target) <= 21 * 86_400_000;
    const mine = (contacts.get(person.id) ?? []).filter((c) => c.workerId && shanghaiDay(c.startedAt) >= this.start && c.startedAt.getTime() + c.durationMinutes * 60_000 < latest && near(c));
    const visits = mine.filter((c) => c.kind === 'home_visit');
    const pool = visits.length > 0 ? visits : mine.filter((c) => c.kind === 'phone');
    const base = { template, person, anonymous: null };
    if (pool.length > 0) {
      const contact = pool.reduce((best, c) => (Math.abs(c.startedAt.getTime() - target) < Math.abs(best.startedAt.getTime() - target) ? c : best));
      const visit = contact.kind === 'home_visit';
      const collectedAt = new Date(contact.startedAt.getTime() + (visit ? this.rng.int(5, Math.max(6, contact.durationMinutes - 10)) : 1) * 60_000);
      const ended = contact.startedAt.getTime() + contact.durationMinutes * 60_000;
      const createdAt = new Date(Math.min(ended + this.rng.int(10, 150) * 60_000, this.now.getTime() - 60_000));
      return { ...base, source: visit ? 'visit' : 'phone', collectedAt, createdAt, collectedBy: contact.workerId! };
    }
    const collectedAt = at(day, this.rng.pick([9 * 60 + 30, 10 * 60 + 15, 14 * 60 + 30, 15 * 60 + 20]) + this.rng.int(0, 40));
    const createdAt = new Date(Math.min(collectedAt.getTime() + this.rng.int(40, 180) * 60_000, this.now.getTime() - 60_000));
    return { ...base, source: 'visit', collectedAt, createdAt, collectedBy: this.workerOf(person.villageId) };
  }

  /** Anonymous community questionnaires filled in at a gathering, entered on the worker's phone as they come in. */
  private gathering(template: TemplateKey, day: string | null, villageId: string, count: number): Planned[] {
    if (!day) return [];
    const collectedBy = this.workerOf(villageId);
    const plans: Planned[] = [];
    for (let i = 0; i < count; i++) {
      const { respondent, gender, ageBand } = anonymousRespondent(this.rng, AUDIENCE[template]);
      const collectedAt = at(day, 9 * 60 + 30 + i * this.rng.int(3, 6));
      plans.push({
        template,
        person: null,
        anonymous: { villageId, gender, ageBand, respondent },
        source: 'group',
        collectedAt,
        createdAt: new Date(collectedAt.getTime() + this.rng.int(2, 6) * 60_000),
        collectedBy,
        answers: {},
        note: null,
        needTypes: [],
        firstNeedTypes: [],
      });
    }
    return plans;
  }

  private plan(template: TemplateKey, files: PersonFile[], contacts: Map<string, Contact[]>): Planned[] {
    const has = (f: PersonFile, groups: readonly GroupCode[]) => groups.some((g) => f.history.groups.has(g));
    const blank = { answers: {}, note: null, needTypes: [], firstNeedTypes: [] };
    const mostIn = (list: PersonFile[]) => {
      const counts = new Map<string, number>();
      for (const f of list) counts.set(f.villageId, (counts.get(f.villageId) ?? 0) + 1);
      return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0] ?? this.input.villageIds[0]!;
    };
    if (template === 'elder') {
      // About half the elders, on a visit or call of the year; some more at the Double Ninth gathering.
      const elders = files.filter((f) => has(f, ELDER_GROUPS) && !f.history.groups.has('woman'));
      const chosen = this.rng.sample(elders, Math.round(elders.length * (0.45 + this.rng.float() * 0.1)));
      const village = mostIn(elders);
      return [
        ...chosen.map((f) => ({ ...this.linked(template, f, contacts), ...blank })),
        ...this.gathering(template, lastFestival('double_ninth', this.start, this.today), village, clamp(Math.round(elders.length * 0.1), 6, 18)),
      ];
    }
    if (template === 'left_behind_child') {
      // About half the children, left-behind children first; the youngest are not asked.
      const children = files.filter((f) => has(f, CHILD_GROUPS));
      const askable = children.filter((f) => f.history.age >= 6);
      const target = Math.min(askable.length, Math.round(children.length * (0.45 + this.rng.float() * 0.1)));
      const leftBehind = askable.filter((f) => f.history.groups.has('left_behind_child'));
      const others = askable.filter((f) => !f.history.groups.has('left_behind_child'));
      const fromLeftBehind = Math.min(leftBehind.length, Math.max(target - others.length, Math.round(target * 0.75)));
      const chosen = [...this.rng.sample(leftBehind, fromLeftBehind), ...this.rng.sample(others, target - fromLeftBehind)];
      return [
        ...chosen.map((f) => ({ ...this.linked(template, f, contacts), ...blank })),
        ...this.gathering(template, lastFestival('childrens_day', this.start, this.today), mostIn(children), clamp(Math.round(children.length * 0.08), 4, 10)),
      ];
    }
    // Women: three or four in ten, a few of them on paper forms the village women's director handed
    // out and a worker entered a few days later; many more at the Women's Day gathering.
    const women = files.filter((f) => f.history.groups.has('woman') && !has(f, ELDER_GROUPS));
    const chosen = this.rng.sample(women, Math.round(women.length * (0.35 + this.rng.float() * 0.1)));
    const onPaper = new Set(this.rng.sample(chosen, Math.min(3, Math.ceil(chosen.length / 4))).map((f) => f.id));
    const paperDay = this.seasonDayIn(4);
    const enteredOn = addDays(paperDay, this.rng.int(3, 6));
    const paper = (person: PersonFile | null, anonymous: Planned['anonymous']): Planned => ({
      template,
      person,
      anonymous,
      source: 'paper',
      collectedAt: at(paperDay, 12 * 60),
      createdAt: at(enteredOn, 15 * 60 + this.rng.int(0, 90)),
      collectedBy: this.workerOf(person?.villageId ?? anonymous!.villageId),
      ...blank,
    });
    const village = mostIn(women);
    const anonymousPaper = Array.from({ length: this.rng.int(2, 3) }, () => {
      const { respondent, gender, ageBand } = anonymousRespondent(this.rng, 'woman');
      return paper(null, { villageId: village, gender, ageBand, respondent });
    });
    return [
      ...chosen.map((f) => (onPaper.has(f.id) ? paper(f, null) : { ...this.linked(template, f, contacts), ...blank })),
      ...anonymousPaper,
      ...this.gathering(template, lastFestival('womens_day', this.start, this.today), this.input.villageIds[0]!, clamp(Math.round(women.length * 0.6), 8, 20)),
    ];
  }

  /** A working day of the given month within the year of responses. */
  private seasonDayIn(month: number): string {
    const days = this.workdays().filter((day) => monthOf(day) === month);
    return days.length > 0 ? this.rng.pick(days) : this.seasonDay();
  }

  // -------------------------------------------------------------------------------------------
  // Answers, drawn until the station's ranking tells the seed's findings

  /**
   * Draws each survey's answers until its group's ranking tells the finding. The three surveys'
   * respondents are of different groups (elders, children, women under sixty), so each is drawn
   * on its own.
   */
  private drawAnswers(plans: Planned[]): void {
    for (const template of ['elder', 'left_behind_child', 'woman'] as const) {
      const mine = plans.filter((p) => p.template === template);
      let attempts = 0;
      do {
        if (++attempts > 500) throw new Error(`demo surveys: no draw of ${template} answers in station ${this.input.id} tells the seed's findings`);
        for (const p of mine) {
          const respondent = p.person?.respondent ?? p.anonymous!.respondent;
          const drawn =
            template === 'elder'
              ? elderAnswers(this.rng, respondent, { askFalls: this.input.editsASurvey === true })
              : template === 'left_behind_child'
                ? childAnswers(this.rng, respondent)
                : womanAnswers(this.rng, respondent);
          p.answers = drawn.answers;
          p.note = drawn.note;
        }
      } while (!findingHolds(template, this.checked(mine)));
    }
  }

  /** Each plan's answers checked as intake checks them, with the needs they express. */
  private checked(plans: Planned[]): Planned[] {
    const questions = new Map([...this.templates].map(([key, t]) => [key, t.questions]));
    const edited = editedElderQuestions(this.templates.get('elder')!.questions);
    for (const p of plans) {
      const answers = { ...p.answers };
      // The question on falls is only in the edited version; its answer is dropped for the first.
      const asked = p.template === 'elder' && 'falls' in answers ? edited : questions.get(p.template)!;
      const result = checkAnswers(asked, answers);
      if (result.problems.length > 0) throw new Error(`demo survey answers break the ${p.template} questions: ${JSON.stringify(result.problems)}`);
      p.answers = result.answers;
      const expressed = needTypesOf(asked, result.answers);
      p.needTypes = expressed.needTypes;
      p.firstNeedTypes = expressed.firstNeedTypes;
    }
    return plans;
  }

  private row(p: Planned, surveyId: string, versionNumber: number): ResponseRow {
    const answers = { ...p.answers };
    if (versionNumber === 1) delete answers.falls;
    const audience = this.templates.get(p.template)!.audience;
    const person = p.person;
    const respondent = person
      ? {
          personId: person.id,
          villageId: person.villageId,
          gender: person.gender,
          ageBand: person.birthDate ? ageBandOf(ageOn(person.birthDate, shanghaiDay(p.collectedAt))) : null,
          groups: [...new Set([...person.groups, audience])],
        }
      : { personId: null, villageId: p.anonymous!.villageId, gender: p.anonymous!.gender, ageBand: p.anonymous!.ageBand, groups: [audience] };
    const id = this.rng.uuid(p.collectedAt);
    return {
      id,
      stationId: this.input.id,
      surveyId,
      versionNumber,
      ...respondent,
      source: p.source,
      collectedAt: p.collectedAt,
      collectedBy: p.collectedBy,
      answers,
      needTypes: p.needTypes,
      firstNeedTypes: p.firstNeedTypes,
      note: p.note,
      contentHash: responseHash({ surveyId, versionNumber, ...respondent, source: p.source, collectedAt: p.collectedAt.toISOString(), answers, note: p.note }),
      createdAt: p.createdAt,
    };
  }

  // -------------------------------------------------------------------------------------------
  // The register: linked respondents' needs, moved on by the services that followed

  private needs(rows: readonly ResponseRow[], contacts: Map<string, Contact[]>): NeedRow[] {
    const result: NeedRow[] = [];
    const open = new Set<string>();
    const nowMs = this.now.getTime();
    for (const response of [...rows].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime())) {
      if (!response.personId || !response.villageId) continue;
      for (const needType of response.needTypes as NeedTypeCode[]) {
        const key = `${response.personId}:${needType}`;
        if (open.has(key)) continue;
        const identifiedAt = response.createdAt;
        const need: NeedRow = {
          id: this.rng.uuid(identifiedAt),
          createdAt: identifiedAt,
          updatedAt: identifiedAt,
          version: 1,
          stationId: this.input.id,
          personId: response.personId,
          villageId: response.villageId,
          needType,
          status: 'identified',
          source: 'survey',
          sourceId: response.id,
          note: null,
          identifiedAt,
          identifiedBy: response.collectedBy,
          statusChangedAt: identifiedAt,
          updatedBy: response.collectedBy,
        };
        const answering = (contacts.get(response.personId) ?? []).filter(
          (c) => c.startedAt > identifiedAt && c.startedAt.getTime() + c.durationMinutes * 60_000 < nowMs && c.reportTypes.some((t) => (NEED_SERVICE_TYPES[needType] as readonly string[]).includes(t)),
        );
        const ageDays = daysBetween(shanghaiDay(identifiedAt), this.today);
        // A worker moves the need on the day a service answers it (being served), or after a few (met).
        const move = (status: NeedStatus, when: Date, version: number, note: string | null) => {
          const changed = new Date(Math.min(when.getTime(), nowMs - 60_000));
          Object.assign(need, { status, statusChangedAt: changed, updatedAt: changed, version, note });
        };
        const endOf = (c: Contact) => new Date(c.startedAt.getTime() + (c.durationMinutes + this.rng.int(20, 120)) * 60_000);
        const servedNote = () => (SERVED_NOTES[needType] && this.rng.chance(0.6) ? this.rng.pick(SERVED_NOTES[needType]) : null);
        if (answering.length >= 2 && ageDays > 75 && this.rng.chance(0.5)) {
          move('met', endOf(answering[Math.min(answering.length - 1, 2)]!), 3, servedNote());
        } else if (answering.length > 0 && this.rng.chance(0.7)) {
          move('being_served', endOf(answering[0]!), 2, servedNote());
        } else if (answering.length === 0 && ageDays > 60 && this.rng.chance(UNMET_CHANCE[needType] ?? 0.04)) {
          const unmetOn = at(addDays(shanghaiDay(identifiedAt), this.rng.int(20, 50)), 16 * 60 + this.rng.int(0, 90));
          move('unmet', unmetOn, 2, this.rng.pick(UNMET_NOTES[needType] ?? ['暂时没有能提供这项服务的资源，已登记']));
        }
        if (need.status === 'identified' || need.status === 'being_served') open.add(key);
        result.push(need);
      }
    }
    return result;
  }
}

function clamp(value: number, min: number, max: number): number {
  return Math.max(min, Math.min(max, value));
}

// ---------------------------------------------------------------------------------------------
// The findings, checked on a station's responses as GET /api/needs/ranking counts them

/** Respondents of a group (responses that express a need) and how many expressed each need. */
export function countNeeds(responses: readonly { groups: readonly string[]; needTypes: readonly string[] }[], group: GroupCode): { respondents: number; counts: Map<string, number> } {
  const counts = new Map<string, number>();
  let respondents = 0;
  for (const r of responses) {
    if (!r.groups.includes(group) || r.needTypes.length === 0) continue;
    respondents++;
    for (const n of new Set(r.needTypes)) counts.set(n, (counts.get(n) ?? 0) + 1);
  }
  return { respondents, counts };
}

/** Whether each need of `order` is expressed by clearly more respondents than the next, and the last more than every other. */
function leads(tally: { respondents: number; counts: Map<string, number> }, order: readonly string[], margin: number): boolean {
  const gap = Math.max(1, Math.ceil(tally.respondents * margin));
  const n = (need: string) => tally.counts.get(need) ?? 0;
  for (let i = 1; i < order.length; i++) if (n(order[i - 1]!) - n(order[i]!) < gap) return false;
  const rest = [...tally.counts].filter(([need]) => !order.includes(need)).map(([, count]) => count);
  return rest.every((count) => n(order.at(-1)!) - count >= gap);
}

function leader(values: readonly string[]): string | null {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  const sorted = [...counts].sort((a, b) => b[1] - a[1]);
  return sorted[0] && (sorted[1]?.[1] ?? 0) < sorted[0][1] ? sorted[0][0] : null;
}

/** Whether a survey's responses tell its part of the seed's findings, counted as the ranking counts them. */
function findingHolds(template: TemplateKey, plans: readonly Planned[]): boolean {
  const tally = countNeeds(
    plans.map((p) => ({ groups: [...(p.person?.groups ?? []), template], needTypes: p.needTypes })),
    template,
  );
  if (template === 'elder') return leads(tally, ['healthcare', 'elder_education', 'recreation'], 0.03);
  if (template === 'left_behind_child') {
    return (
      leads(tally, ['tutoring', 'safety_education'], 0.03) &&
      leader(plans.map((p) => String(p.answers.biggest_trouble))) === 'homework' &&
      leader(plans.map((p) => String(p.answers.biggest_worry))) === 'safety'
    );
  }
  const n = (need: string) => tally.counts.get(need) ?? 0;
  const health = n('family_health');
  const work = n('employment');
  const few = Math.max(1, Math.floor(tally.respondents * 0.04));
  return n('child_education') - Math.max(health, work) >= Math.max(1, Math.ceil(tally.respondents * 0.05)) && health - work >= 0 && health - work <= few && work - n('rights_protection') >= 1;
}

async function insertChunked<T>(rows: readonly T[], insert: (chunk: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += 500) await insert(rows.slice(i, i + 500));
}

/** Loads the needs research of the demo township; `tx` is the demo loader's transaction, after the history and care. */
export async function loadDemoSurveys(tx: Ctx, input: DemoSurveysInput): Promise<LoadedSurveys> {
  const total: LoadedSurveys = { surveys: 0, versions: 0, responses: 0, linked: 0, anonymous: 0, paper: 0, needs: { identified: 0, being_served: 0, met: 0, unmet: 0 } };
  for (const [index, station] of input.stations.entries()) {
    const loaded = await new StationSurveys(tx, new Rng(input.seed * 61 + index), station, input.now).load();
    for (const key of ['surveys', 'versions', 'responses', 'linked', 'anonymous', 'paper'] as const) total[key] += loaded[key];
    for (const status of Object.keys(total.needs) as NeedStatus[]) total.needs[status] += loaded.needs[status];
  }
  return total;
}
