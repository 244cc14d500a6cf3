import { and, asc, eq, gte, inArray, lt } from 'drizzle-orm';
import type { Actor, Ctx } from '../context';
import { campaigns, careTaskEvents, careTasks, contactPlanOverrides, serviceRecords } from '../db/schema/index';
import { dayStart, shanghaiDay } from '../time';
import { concernsOf, contentHash, reportTypes, storedChecklist } from '../modules/services/services.rules';
import { lastContactsOfStation, openConcernsOfStation } from '../modules/services/services.service';
import { peopleOfStationInGroups } from '../modules/people/people.service';
import { loadSettings, updateCareSettings, villageAssignments } from '../modules/care/care-settings.service';
import { generateForStation } from '../modules/care/generate.service';
import { createCampaign } from '../modules/care/campaigns.service';
import { festivalDate } from '../modules/care/festivals';
import { inCareGroup, shareVillages } from '../modules/care/care.rules';
import {
  ELDER_GROUPS,
  FESTIVALS,
  UNREACHABLE_ALERT_ATTEMPTS,
  UNREACHABLE_RETRY_DAYS,
  type ContactChannel,
  type FestivalCode,
  type GroupCode,
  type ServiceTypeCode,
  type TaskEventKind,
} from '../../shared/codes';
import { permissionsOf, type Role } from '../../shared/roles';
import { zCreateCampaignRequest, zSetContactPlanRequest, zUpdateCareSettingsRequest } from '../../shared/schemas/care';
import { zVisitChecklist, type VisitChecklist } from '../../shared/schemas/services';
import { addDays, at, daysBetween, historyPeople, inHeatingSeason, Rng, weekday, type HistoryPerson } from './demo-history-support';
import { CONTACT_PLANS_SINCE_DAYS } from './demo-history';
import type { SyntheticHousehold } from './synthetic-people';

/**
 * The care side of the demo township, made after its year of history and in the same
 * transaction: each station's care settings (villages shared out among its social workers), a
 * few personal contact plans, last autumn's Mid-Autumn and Double Ninth campaigns, a campaign
 * under way, and this week's plan tasks with calls that did not get through and visits put off.
 * EVERYTHING HERE IS SYNTHETIC, like the history it follows: people, words and choices are drawn
 * with a seeded random source.
 *
 * The care module itself saves the settings, starts the running campaign and makes the plan
 * tasks (`generateForStation`, a week ago and today), as the manager and the hourly job would.
 * What people did before today (personal plans set, tasks completed, calls not answered, visits
 * put off, the two past campaigns, which `createCampaign` refuses as past) is written here as rows
 * in the module's own shapes, the same columns and task events its service functions write, as
 * the history loader writes service records and cases: the one accepted exception to "only the
 * owning module writes its tables". It keeps the load quick: those functions each make a dozen
 * statements and read the station's people again.
 */

export interface CareStaffAccount {
  id: string;
  username: string;
  displayName: string;
  role: Extract<Role, 'manager' | 'worker'>;
}

export interface CareStationInput {
  id: string;
  villageIds: readonly string[];
  households: readonly SyntheticHousehold[];
  /** Village → the social worker who goes there (demoVillageWorkers): the history's and the settings' share alike. */
  villageWorkers: Readonly<Record<string, string>>;
  manager: CareStaffAccount;
  workers: readonly CareStaffAccount[];
}

export interface DemoCareInput {
  now: Date;
  seed: number;
  stations: readonly CareStationInput[];
}

export interface LoadedCare {
  personalPlans: number;
  planTasks: number;
  campaigns: number;
  campaignTasks: number;
  /** Service records made for tasks (the history's own records are linked, not copied). */
  services: number;
}

/**
 * Shares a station's villages among its social workers by the care module's rule (shareVillages:
 * one worker a village, the load of people in care groups even), from the synthetic households
 * before they are loaded, so the history's visits and the care settings agree on who goes where.
 */
export function demoVillageWorkers(villageIds: readonly string[], households: readonly SyntheticHousehold[], workerIds: readonly string[]): Record<string, string> {
  const counts = new Map<string, number>();
  for (const household of households) {
    for (const member of household.members) if (inCareGroup(member.input.groups)) counts.set(household.villageId, (counts.get(household.villageId) ?? 0) + 1);
  }
  return Object.fromEntries(
    shareVillages(
      villageIds.map((villageId) => ({ villageId, people: counts.get(villageId) ?? 0 })),
      workerIds,
      {},
    ),
  );
}

// ---------------------------------------------------------------------------------------------
// Words: fragments of what workers write, drawn at random. Nothing is a real person's record.

const UNREACHABLE_NOTES: Record<ContactChannel, string[]> = {
  phone: ['电话无人接听', '电话关机', '电话无人接听，已请村干部帮忙转告', '电话占线，过一会儿再打还是没人接', '号码停机，已请村委会核实新号码'],
  home_visit: ['家中无人，邻居说老人去镇上赶集了', '家中无人，在门上留了联系卡', '家中无人，村干部说去县城看病了'],
};
const POSTPONE_REASONS = {
  elder: ['老人去兰州女儿家住两周，回来后再去', '老人去县医院复查，约好下周再去', '村里修路车进不去，路通后再去'],
  child: ['监护人带孩子去县医院复查，约好下周再去', '孩子随奶奶去亲戚家吃席，约好下周再去', '村里修路车进不去，路通后再去'],
};

const PLAN_CALLS = {
  elder: ['按联系计划电话问候老人，', '给老人打电话，', '电话回访老人，'],
  child: ['电话联系孩子的监护人，', '晚上电话联系孩子和监护人，', '电话回访孩子家里，'],
};
const PLAN_CALL_CONTENT = {
  elder: ['老人说这几天吃得好、睡得好。', '提醒老人天冷添衣，按时吃药。', '老人说儿子上周打来电话，心里踏实。', '问老人家里取暖煤够不够，老人说够烧到开春。', '老人说腿疼好些了，能到院子里走走。'],
  child: ['孩子说这周考试得了表扬。', '监护人说孩子最近挺懂事，作业按时完成。', '提醒监护人冬季取暖注意通风。', '孩子说想爸爸妈妈，在电话里安慰了孩子。'],
};

const CHECK_OPENINGS = {
  heating: ['入户查看火炉、烟道和电暖器，', '和村干部一起入户检查土炕烟道和煤炉烟囱，', '上门查看老人家的取暖设施，', '入户检查炉具和电线，'],
  house: ['入户查看房屋墙体和屋顶，', '和村干部一起查看老人家的房屋和院墙，', '上门查看房屋有无漏雨和裂缝，'],
};
const CHECK_OK = {
  heating: ['烟道通畅，煤够烧到开春。', '炉子装了烟囱，屋里没有煤烟味。', '电暖器和插线板完好，屋里暖和。', '土炕烟道完好，柴火码放离炉子较远。'],
  house: ['房屋完好，排水沟通畅。', '屋顶不漏雨，院墙结实。'],
};
const CHECK_CONCERNS = {
  heating: ['土炕烟道仍有破损，已报村委会协调维修', '煤炉烟囱接口漏烟，已帮老人用胶带临时封好并报村委会', '取暖煤只够烧一个月，已联系村委会协调'],
  house: ['院墙有裂缝，已报村委会', '屋顶一角漏雨，已联系村里帮忙修补'],
};
const CHECK_REMINDERS = {
  heating: ['提醒老人睡前封好炉子、开窗通风，防止煤气中毒。', '教老人认一氧化碳报警器的声音，告知遇险拨打村干部电话。', '提醒老人不要把衣物搭在炉子上烘烤。', '提醒老人插线板不要放在炕上。'],
  house: ['提醒老人雨天注意用电安全。', '告知老人遇险拨打村干部电话。'],
};

const FESTIVAL_VISIT_OPENINGS = ['重阳节前夕，入户看望老人，', '重阳节前夕，和村干部一起上门看望老人，', '重阳节前夕，带志愿者入户看望老人，'];
const FESTIVAL_VISIT_CONTENT = ['陪老人聊了聊家常，老人很高兴。', '老人说今年身体还好，谢谢大家惦记。', '老人拉着手说了很久的话。', '给老人量了血压，提醒按时吃药。'];
const FESTIVAL_CALLS: Record<'double_ninth' | 'mid_autumn', string[]> = {
  double_ninth: ['重阳节当天电话问候老人，老人说儿女也打来了电话。', '重阳节电话给老人拜节，老人说身体还好。', '重阳节电话问候，提醒老人天冷添衣。'],
  mid_autumn: ['中秋节电话问候老人，老人说月饼收到了。', '中秋节给老人打电话拜节，老人说儿子回来过节了。', '中秋节电话问候老人过节安排，老人心情不错。'],
};
const CALL_CLOSINGS = ['', '约好节后入户看望。', '提醒老人按时吃药。', '告知老人有事随时给社工打电话。'];
const WELLBEING_WORDS: Record<number, string[]> = {
  3: ['老人精神一般，说最近腿脚不太利索。', '老人睡眠一般，偶尔头晕。'],
  4: ['老人精神状态较好，生活能自理。', '老人气色不错，心情很好。', '老人身体尚可，按时吃药。'],
  5: ['老人精神很好，家中收拾得干净整齐。'],
};

// ---------------------------------------------------------------------------------------------

/** A demo staff member acting through the care module: a station manager as their session would make them. */
export function staffActor(account: CareStaffAccount, stationId: string): Actor {
  return {
    userId: account.id,
    username: account.username,
    displayName: account.displayName,
    role: account.role,
    orgId: stationId,
    orgName: null,
    stationId,
    countyId: null,
    scopeLevel: 'station',
    stationIds: [stationId],
    permissions: new Set(permissionsOf(account.role)),
    sessionId: '',
  };
}

type TaskRow = typeof careTasks.$inferSelect;
type TaskEvent = typeof careTaskEvents.$inferInsert;
type ServiceRow = typeof serviceRecords.$inferInsert & { id: string; createdAt: Date; recordedBy: string };

/** What a service record made for a task holds, before its bookkeeping columns. */
interface RecordDraft {
  person: { id: string; villageId: string };
  kind: 'phone' | 'home_visit';
  serviceTypes: ServiceTypeCode[];
  startedAt: Date;
  durationMinutes: number;
  summary: string;
  workerId: string;
  wellbeing: number;
  checklist?: VisitChecklist;
  followUpOn?: string | null;
  goods?: string | null;
}

class StationCare {
  readonly loaded: LoadedCare = { personalPlans: 0, planTasks: 0, campaigns: 0, campaignTasks: 0, services: 0 };
  private readonly today: string;
  private readonly people: Map<string, HistoryPerson>;
  /** Where a person stands in the synthetic households: a stable order for choices (ids are random). */
  private readonly order: Map<string, number>;
  /** Summaries written here so far: no two records read the same. */
  private readonly written = new Set<string>();
  /** Rows to write: tasks made here, tasks changed since the module made them, their events, records. */
  private readonly newTasks: TaskRow[] = [];
  private readonly changedTasks = new Map<string, TaskRow>();
  private readonly events: TaskEvent[] = [];
  private readonly services: ServiceRow[] = [];

  constructor(
    private readonly tx: Ctx,
    private readonly rng: Rng,
    private readonly input: CareStationInput,
    private readonly now: Date,
  ) {
    this.today = shanghaiDay(now);
    const people = historyPeople(input.households, this.today);
    this.people = new Map(people.map((p) => [p.id, p]));
    this.order = new Map(people.map((p, i) => [p.id, i]));
  }

  async load(): Promise<LoadedCare> {
    // The manager set the station up a little before it began to work to the plans: villages shared out, the default rules.
    const setUp = at(addDays(this.today, -CONTACT_PLANS_SINCE_DAYS - 14), 9 * 60 + 20);
    await updateCareSettings(this.as(this.input.manager, setUp), zUpdateCareSettingsRequest.parse({ version: 0, villageWorkers: this.input.villageWorkers }));
    await this.pastCampaign('mid_autumn', ['empty_nest_elder', 'solitary_elder'], ['phone'], 7);
    await this.pastCampaign('double_ninth', ELDER_GROUPS, ['phone', 'home_visit'], 14);
    await this.personalPlans();
    await this.runningCampaign();
    // Written before the job's run at the start of the week, which must see the visits made before it.
    await this.write();
    // The job's run at the start of the week, then the week's work on its tasks.
    const week = this.recentWorkdays(7);
    const result = await generateForStation({ ...this.tx, now: at(week[0]!, 7 * 60) }, this.input.id, { wait: true });
    this.loaded.planTasks += result.created;
    await this.workTheWeek(week.slice(1));
    await this.write();
    // Today's run: what the station opens the app to.
    this.loaded.planTasks += (await generateForStation(this.tx, this.input.id, { wait: true })).created;
    return this.loaded;
  }

  private as(account: CareStaffAccount, when: Date): Ctx {
    return { ...this.tx, actor: staffActor(account, this.input.id), now: when };
  }

  private workerOf(userId: string | null): string {
    return this.input.workers.find((w) => w.id === userId)?.id ?? this.input.workers[0]?.id ?? this.input.manager.id;
  }

  private byOrder<T extends { personId: string }>(rows: T[]): T[] {
    return rows.sort((a, b) => (this.order.get(a.personId) ?? 0) - (this.order.get(b.personId) ?? 0));
  }

  private audienceOf(personId: string): 'elder' | 'child' {
    return (this.people.get(personId)?.age ?? 60) < 18 ? 'child' : 'elder';
  }

  /** The weekdays of the last `days` days before today, oldest first. */
  private recentWorkdays(days: number): string[] {
    const result: string[] = [];
    for (let i = days; i >= 1; i--) {
      const day = addDays(this.today, -i);
      if (weekday(day) !== 0 && weekday(day) !== 6) result.push(day);
    }
    return result;
  }

  /** A summary drawn again until it is one not yet written here. */
  private unique(draw: () => string): string {
    let summary = draw();
    for (let tries = 0; this.written.has(summary) && tries < 30; tries++) summary = draw();
    this.written.add(summary);
    return summary;
  }

  // -------------------------------------------------------------------------------------------
  // A task's history, as the module's service functions write it (tasks.service.ts).

  private changing(task: TaskRow): TaskRow {
    if (this.newTasks.includes(task)) return task;
    const row = this.changedTasks.get(task.id) ?? { ...task };
    this.changedTasks.set(task.id, row);
    return row;
  }

  private event(task: TaskRow, kind: TaskEventKind, when: Date, by: string | null, note: string | null, details: Record<string, unknown>): void {
    this.events.push({ id: this.rng.uuid(when), stationId: task.stationId, taskId: task.id, kind, at: when, byUserId: by, note, details });
  }

  /** markUnreachable: the task stays open and comes back the next day; the third try raises the alert. */
  private couldNotReach(original: TaskRow, when: Date): void {
    const task = this.changing(original);
    const retry = addDays(shanghaiDay(when), UNREACHABLE_RETRY_DAYS);
    const by = this.workerOf(task.assigneeId);
    Object.assign(task, { attempts: task.attempts + 1, lastAttemptAt: when, startOn: retry, dueDate: task.dueDate > retry ? task.dueDate : retry, updatedAt: when, version: task.version + 1 });
    this.event(task, 'unreachable', when, by, this.rng.pick(UNREACHABLE_NOTES[task.kind]), { attempt: task.attempts, alert: task.attempts >= UNREACHABLE_ALERT_ATTEMPTS });
  }

  /** postponeTask: a new day, with the reason. */
  private putOff(original: TaskRow, when: Date, until: string): void {
    const task = this.changing(original);
    const reason = this.rng.pick(POSTPONE_REASONS[this.audienceOf(task.personId)]);
    this.event(task, 'postponed', when, this.workerOf(task.assigneeId), reason, { from: task.dueDate, to: until });
    Object.assign(task, { startOn: until, dueDate: until, postponedReason: reason, updatedAt: when, version: task.version + 1 });
  }

  /** reassignTask: to a colleague, with the reason. */
  private handOver(original: TaskRow, when: Date): void {
    const task = this.changing(original);
    const from = this.input.workers.find((w) => w.id === task.assigneeId);
    const to = this.input.workers.find((w) => w.id !== task.assigneeId);
    if (!from || !to) return;
    const name = (account: CareStaffAccount) => account.displayName.replace(/^社工 /, '');
    this.event(task, 'reassigned', when, from.id, `${name(from)}本周外出培训，请${name(to)}代为入户`, { from: from.id, to: to.id });
    Object.assign(task, { assigneeId: to.id, updatedAt: when, version: task.version + 1 });
  }

  /** completeTask: the record written with the task's id, the task closed by it. */
  private complete(original: TaskRow, draft: RecordDraft, recordedAt: Date): void {
    const task = this.changing(original);
    const record = this.record(draft, recordedAt, task.id);
    Object.assign(task, { status: 'done', serviceId: record.id, completedAt: recordedAt, completedBy: record.recordedBy, updatedAt: recordedAt, version: task.version + 1 });
    this.event(task, 'completed', recordedAt, record.recordedBy, null, { serviceId: record.id, kind: record.kind });
  }

  /** Done by a record made without the task (the history's own), as generation closes plan tasks. */
  private satisfy(original: TaskRow, record: { id: string; createdAt: Date }): void {
    const task = this.changing(original);
    Object.assign(task, { status: 'done', serviceId: record.id, completedAt: record.createdAt, updatedAt: record.createdAt, version: task.version + 1 });
    this.event(task, 'satisfied', record.createdAt, null, null, { serviceId: record.id });
  }

  /** A service record as createService stores it (services.service.ts `prepare`). */
  private record(draft: RecordDraft, recordedAt: Date, taskId: string): ServiceRow {
    const checklist = draft.checklist ?? null;
    const followUpOn = draft.followUpOn ?? null;
    const goods = draft.goods ?? null;
    const content = {
      personId: draft.person.id,
      kind: draft.kind,
      serviceTypes: draft.serviceTypes,
      startedAt: draft.startedAt.toISOString(),
      durationMinutes: draft.durationMinutes,
      summary: draft.summary,
      taskId,
      workerIds: [draft.workerId],
      wellbeing: draft.wellbeing,
      followUpNeeded: followUpOn !== null,
      followUpOn,
      checklist,
      goods,
    };
    const row: ServiceRow = {
      id: this.rng.uuid(recordedAt),
      createdAt: recordedAt,
      updatedAt: recordedAt,
      version: 1,
      stationId: this.input.id,
      personId: draft.person.id,
      villageId: draft.person.villageId,
      caseId: null,
      taskId,
      kind: draft.kind,
      serviceTypes: draft.serviceTypes,
      reportTypes: reportTypes(draft.serviceTypes),
      startedAt: draft.startedAt,
      durationMinutes: draft.durationMinutes,
      summary: draft.summary,
      goalIds: [],
      workerIds: [draft.workerId],
      volunteerIds: [],
      servedBy: [draft.workerId],
      wellbeing: draft.wellbeing,
      followUpNeeded: followUpOn !== null,
      followUpOn,
      checklist: storedChecklist(checklist),
      concerns: concernsOf(checklist),
      goods,
      contentHash: contentHash(content),
      recordedBy: draft.workerId,
    };
    this.services.push(row);
    return row;
  }

  /** When a record of a contact that ended at `end` was written up: within a few hours, never after now. */
  private writtenUp(end: Date, maxMinutes = 240): Date {
    return new Date(Math.min(this.now.getTime() - 60_000, end.getTime() + this.rng.int(5, maxMinutes) * 60_000));
  }

  private async write(): Promise<void> {
    await insertChunked(this.services, (chunk) => this.tx.db.insert(serviceRecords).values(chunk));
    await insertChunked(this.newTasks, (chunk) => this.tx.db.insert(careTasks).values(chunk));
    for (const task of this.changedTasks.values()) {
      const { id, ...values } = task;
      await this.tx.db.update(careTasks).set(values).where(eq(careTasks.id, id));
    }
    await insertChunked(this.events, (chunk) => this.tx.db.insert(careTaskEvents).values(chunk));
    this.loaded.services += this.services.length;
    this.services.length = 0;
    this.newTasks.length = 0;
    this.changedTasks.clear();
    this.events.length = 0;
  }

  // -------------------------------------------------------------------------------------------
  // Personal plans: a few people whose situation the rules do not fit.

  private async personalPlans(): Promise<void> {
    const contacts = await lastContactsOfStation(this.tx, this.input.id);
    const candidates = [...this.people.values()].filter((p) => p.risk !== null);
    type Entry = { channel: ContactChannel; everyDays: number };
    // Days the person would be late on the new plan today: the one of each kind most on time is chosen, so the plan starts well.
    const lateness = (p: HistoryPerson, entries: readonly Entry[]) =>
      Math.max(
        ...entries.map((e) => {
          const last = e.channel === 'phone' ? contacts.get(p.id)?.call : contacts.get(p.id)?.visit;
          return last ? daysBetween(addDays(shanghaiDay(last), e.everyDays), this.today) : 365;
        }),
      );
    const chosen = new Set<string>();
    const rows: (typeof contactPlanOverrides.$inferInsert)[] = [];
    const add = (match: (p: HistoryPerson) => boolean, daysAgo: number, entries: Entry[], reason: string) => {
      const person = candidates.filter((p) => !chosen.has(p.id) && match(p)).sort((a, b) => lateness(a, entries) - lateness(b, entries) || this.order.get(a.id)! - this.order.get(b.id)!)[0];
      if (!person) return;
      chosen.add(person.id);
      // Checked by the API's own schema; the village's worker asked for it, the manager set it.
      const input = zSetContactPlanRequest.parse({ version: 0, plans: entries, reason });
      const when = at(addDays(this.today, -daysAgo), 10 * 60 + this.rng.int(0, 300));
      rows.push({
        id: this.rng.uuid(when),
        createdAt: when,
        updatedAt: when,
        version: 1,
        stationId: this.input.id,
        personId: person.id,
        plans: input.plans.map((p) => ({ channel: p.channel, everyDays: p.everyDays, responsibleId: p.responsibleId ?? null })),
        reason: input.reason,
        updatedBy: this.input.manager.id,
      });
    };
    const elder = (p: HistoryPerson) => p.groups.has('elder');
    add((p) => elder(p) && p.risk !== 'low' && (p.health === 'serious_illness' || p.health === 'chronic_illness'), 6, [{ channel: 'phone', everyDays: 3 }, { channel: 'home_visit', everyDays: 7 }], '刚出院，每三天电话一次、每周入户一次，一个月后再评估');
    add((p) => elder(p) && p.groups.has('empty_nest_elder') && p.childrenAway > 0, 24, [{ channel: 'phone', everyDays: 14 }], '入冬后随子女去兰州居住，暂停入户，每两周电话问候');
    add((p) => p.profile === 'left_behind_child' && p.risk !== 'high', 11, [{ channel: 'phone', everyDays: 7 }, { channel: 'home_visit', everyDays: 14 }], '奶奶住院，孩子暂由姑姑照看，每周电话一次、两周入户一次');
    add((p) => elder(p) && p.risk === 'high' && p.selfCare !== 'independent', 40, [{ channel: 'phone', everyDays: 7 }, { channel: 'home_visit', everyDays: 30 }], '卧床，儿子已辞工回家照护，改为每周电话、每月入户');
    if (rows.length > 0) await this.tx.db.insert(contactPlanOverrides).values(rows);
    this.loaded.personalPlans += rows.length;
  }

  // -------------------------------------------------------------------------------------------
  // This week: the job's tasks, some done, some calls not answered, a few visits put off, one handed over.

  private async workTheWeek(days: readonly string[]): Promise<void> {
    if (days.length === 0) return;
    const open = this.byOrder(
      await this.tx.db
        .select()
        .from(careTasks)
        .where(and(eq(careTasks.stationId, this.input.id), eq(careTasks.reason, 'plan'), eq(careTasks.status, 'open')))
        .orderBy(asc(careTasks.dueDate), asc(careTasks.kind)),
    );
    // People the history already reaches this week are left alone: today's run closes their tasks.
    const contacted = new Set(
      (
        await this.tx.db
          .selectDistinct({ personId: serviceRecords.personId })
          .from(serviceRecords)
          .where(and(eq(serviceRecords.stationId, this.input.id), gte(serviceRecords.startedAt, at(days[0]!, 0)), inArray(serviceRecords.kind, ['phone', 'online', 'home_visit'])))
      ).map((r) => r.personId),
    );
    const free = this.rng.shuffle(open.filter((t) => !contacted.has(t.personId) && t.dueDate <= days.at(-1)!));
    const taken = new Set<string>();
    const pick = (match: (t: TaskRow) => boolean) => {
      const task = free.find((t) => !taken.has(t.personId) && match(t));
      if (task) taken.add(task.personId);
      return task;
    };
    // Calls that did not get through: three days running for two people (the alert), once or twice for others.
    for (const tries of [3, 3, 2, 2, 1, 1]) {
      const task = pick((t) => t.kind === 'phone') ?? pick(() => true);
      if (!task) continue;
      for (const day of days.slice(-tries)) this.couldNotReach(task, at(day, (task.kind === 'phone' ? 9 * 60 : 14 * 60) + this.rng.int(0, 150)));
    }
    for (let i = 0; i < 2; i++) {
      const task = pick((t) => t.kind === 'home_visit');
      if (task) this.putOff(task, at(this.rng.pick(days), 16 * 60 + this.rng.int(0, 90)), addDays(this.today, this.rng.int(3, 10)));
    }
    for (let i = 0; i < 4; i++) {
      const task = pick((t) => t.kind === 'phone');
      if (task) this.completeCall(task, this.rng.pick(days));
    }
    const handed = this.input.workers.length > 1 ? pick((t) => t.kind === 'home_visit' && t.assigneeId !== null) : undefined;
    if (handed) this.handOver(handed, at(days[0]!, 8 * 60 + this.rng.int(30, 60)));
  }

  private completeCall(task: TaskRow, day: string): void {
    const audience = this.audienceOf(task.personId);
    const startedAt = at(day, (audience === 'child' ? 19 * 60 : 10 * 60) + this.rng.int(0, 90));
    const durationMinutes = this.rng.int(6, 18);
    const summary = this.unique(() => `${this.rng.pick(PLAN_CALLS[audience])}${this.rng.pick(PLAN_CALL_CONTENT[audience])}`);
    const draft: RecordDraft = { person: { id: task.personId, villageId: task.villageId }, kind: 'phone', serviceTypes: ['companionship'], startedAt, durationMinutes, summary, workerId: this.workerOf(task.assigneeId), wellbeing: this.rng.int(3, 5) };
    this.complete(task, draft, this.writtenUp(new Date(startedAt.getTime() + durationMinutes * 60_000), 30));
  }

  // -------------------------------------------------------------------------------------------
  // A campaign under way: the winter heating check (the flood-season house check in summer) of
  // elders living alone or only with a spouse, started by the manager a fortnight ago.

  private async runningCampaign(): Promise<void> {
    const startedDay = this.recentWorkdays(16)[0]!;
    const item = inHeatingSeason(this.today) ? 'heating' : 'house';
    const { campaign } = await createCampaign(
      this.as(this.input.manager, at(startedDay, 9 * 60 + 10)),
      zCreateCampaignRequest.parse({
        name: item === 'heating' ? '冬季取暖安全排查' : '汛期房屋安全排查',
        date: addDays(this.today, 21),
        groups: ['solitary_elder', 'empty_nest_elder'],
        kinds: ['home_visit'],
        // The window opens on the day the campaign starts.
        windowDays: daysBetween(startedDay, addDays(this.today, 21)),
      }),
    );
    this.loaded.campaigns++;
    this.loaded.campaignTasks += campaign.tasksCreated;
    const tasks = this.byOrder(await this.tx.db.select().from(careTasks).where(eq(careTasks.campaignId, campaign.id)));
    // Elders whose heating was already found unsafe: the check finds it still so.
    const unsafe = await openConcernsOfStation(this.tx, this.input.id, [`home_safety.${item}`]);
    const days = this.recentWorkdays(15).filter((d) => d > startedDay);
    // About two in five done so far, three doors that found no one, two visits put off.
    const shuffled = this.rng.shuffle(tasks);
    const done = Math.round(shuffled.length * 0.4);
    for (const task of shuffled.slice(0, done)) this.completeCheck(task, this.rng.pick(days), item, unsafe.has(task.personId));
    shuffled.slice(done, done + 3).forEach((task, i) => {
      for (const day of days.slice(-(i + 1))) this.couldNotReach(task, at(day, 14 * 60 + this.rng.int(0, 150)));
    });
    for (const task of shuffled.slice(done + 3, done + 5)) this.putOff(task, at(this.rng.pick(days), 16 * 60 + this.rng.int(0, 60)), addDays(this.today, this.rng.int(4, 12)));
  }

  private completeCheck(task: TaskRow, day: string, item: 'heating' | 'house', stillUnsafe: boolean): void {
    const startedAt = at(day, this.rng.pick([9 * 60 + this.rng.int(0, 120), 14 * 60 + 30 + this.rng.int(0, 120)]));
    const durationMinutes = this.rng.int(6, 12) * 5;
    const concern = stillUnsafe || this.rng.chance(0.06);
    const finding = concern ? this.rng.pick(CHECK_CONCERNS[item]) : null;
    // Parsed by the API's own schema: a checklist a phone could have sent.
    const checklist = zVisitChecklist.parse({ home_safety: { house: 'ok', power: 'ok', gas: 'ok', ...(item === 'heating' ? { heating: 'ok' } : {}), [item]: concern ? 'concern' : 'ok', note: finding ? `${finding}。` : null } });
    const label = item === 'heating' ? '冬季取暖安全排查：' : '汛期房屋安全排查：';
    const summary = this.unique(() => `${label}${this.rng.pick(CHECK_OPENINGS[item])}${finding ? `${finding}。` : this.rng.pick(CHECK_OK[item])}${this.rng.pick(CHECK_REMINDERS[item])}`);
    const draft: RecordDraft = {
      person: { id: task.personId, villageId: task.villageId },
      kind: 'home_visit',
      serviceTypes: concern ? ['safety_education', 'resource_linking'] : ['safety_education', 'companionship'],
      startedAt,
      durationMinutes,
      summary,
      workerId: this.workerOf(task.assigneeId),
      wellbeing: concern ? 3 : this.rng.int(3, 5),
      checklist,
      followUpOn: concern ? addDays(day, this.rng.int(3, 7)) : null,
    };
    this.complete(task, draft, this.writtenUp(new Date(startedAt.getTime() + durationMinutes * 60_000)));
  }

  // -------------------------------------------------------------------------------------------
  // Past campaigns, written as rows (createCampaign refuses a festival already past).

  /** The festival's latest day before today. */
  private lastDayOf(festival: FestivalCode): { day: string; year: number } | null {
    const year = Number(this.today.slice(0, 4));
    for (const y of [year, year - 1]) {
      const day = festivalDate(festival, y);
      if (day && day < this.today) return { day, year: y };
    }
    return null;
  }

  /**
   * A past festival campaign as createCampaign would have made it (one task per kind for every
   * active person of the groups, given to the village's worker), done by the calls and visits
   * the history recorded in its window; a task without one was done with a record of its own,
   * or is still open after a few tries.
   */
  private async pastCampaign(festival: 'mid_autumn' | 'double_ninth', groups: readonly GroupCode[], kinds: readonly ContactChannel[], windowDays: number): Promise<void> {
    const last = this.lastDayOf(festival);
    if (!last) return;
    const windowStart = addDays(last.day, -windowDays);
    const createdAt = at(addDays(windowStart, -this.rng.int(2, 5)), 10 * 60 + this.rng.int(0, 240));
    const campaignId = this.rng.uuid(createdAt);
    const people = this.byOrder((await peopleOfStationInGroups(this.tx, this.input.id, groups)).map((p) => ({ ...p, personId: p.id })));
    if (people.length === 0) return;
    const assignments = await villageAssignments(this.tx, this.input.id, await loadSettings(this.tx, this.input.id));
    const records = await this.tx.db
      .select({ id: serviceRecords.id, personId: serviceRecords.personId, kind: serviceRecords.kind, createdAt: serviceRecords.createdAt })
      .from(serviceRecords)
      .where(
        and(
          eq(serviceRecords.stationId, this.input.id),
          gte(serviceRecords.startedAt, dayStart(windowStart)),
          lt(serviceRecords.startedAt, dayStart(last.day, 1)),
          inArray(serviceRecords.kind, ['phone', 'online', 'home_visit']),
        ),
      )
      .orderBy(asc(serviceRecords.startedAt), asc(serviceRecords.id));
    const byPerson = new Map<string, typeof records>();
    for (const r of records) byPerson.set(r.personId, [...(byPerson.get(r.personId) ?? []), r]);
    const first = this.newTasks.length;
    for (const person of people) {
      const mine = byPerson.get(person.id) ?? [];
      let visit: { id: string; createdAt: Date } | null = mine.find((r) => r.kind === 'home_visit') ?? null;
      // The visit first: its record also answers the call.
      for (const kind of kinds.includes('home_visit') ? ['home_visit' as const, ...kinds.filter((k) => k !== 'home_visit')] : kinds) {
        const task: TaskRow = {
          id: this.rng.uuid(createdAt),
          createdAt,
          updatedAt: createdAt,
          version: 1,
          stationId: this.input.id,
          personId: person.id,
          villageId: person.villageId,
          kind,
          reason: 'campaign',
          campaignId,
          startOn: windowStart,
          dueDate: last.day,
          assigneeId: assignments.get(person.villageId) ?? null,
          status: 'open',
          attempts: 0,
          lastAttemptAt: null,
          postponedReason: null,
          serviceId: null,
          completedAt: null,
          completedBy: null,
        };
        this.newTasks.push(task);
        const found = kind === 'home_visit' ? visit : (mine.find((r) => r.kind !== 'home_visit') ?? visit);
        if (found) {
          this.satisfy(task, found);
        } else if (this.rng.chance(0.6)) {
          const draft = this.festivalDraft(festival, person, kind, this.workerOf(task.assigneeId), windowStart, last.day);
          this.complete(task, draft, this.writtenUp(new Date(draft.startedAt.getTime() + draft.durationMinutes * 60_000)));
          if (kind === 'home_visit') visit = { id: task.serviceId!, createdAt: task.completedAt! };
        } else {
          // Not reached before the festival: still open after a try or three.
          const tries = this.rng.int(1, 3);
          for (let i = tries; i >= 1; i--) this.couldNotReach(task, at(addDays(last.day, -2 * i), (kind === 'phone' ? 9 * 60 : 15 * 60) + this.rng.int(0, 120)));
        }
      }
    }
    const tasksCreated = this.newTasks.length - first;
    await this.tx.db.insert(campaigns).values({ id: campaignId, stationId: this.input.id, name: `${last.year} ${FESTIVALS[festival]['zh-CN']}`, festival, year: last.year, day: last.day, windowStart, groups: [...groups], kinds: [...kinds], tasksCreated, createdBy: this.input.manager.id, createdAt });
    await this.write();
    this.loaded.campaigns++;
    this.loaded.campaignTasks += tasksCreated;
  }

  /** A festival call or visit made for a campaign task, as the worker recorded it. */
  private festivalDraft(festival: 'mid_autumn' | 'double_ninth', person: { id: string; villageId: string }, kind: ContactChannel, workerId: string, from: string, to: string): RecordDraft {
    const visit = kind === 'home_visit';
    const day = visit ? addDays(to, -this.rng.int(1, Math.max(1, Math.min(10, daysBetween(from, to))))) : to;
    const startedAt = at(day, visit ? this.rng.pick([9 * 60 + this.rng.int(0, 120), 14 * 60 + 30 + this.rng.int(0, 120)]) : 9 * 60 + this.rng.int(0, 180));
    const wellbeing = this.rng.pick([3, 4, 4, 4, 5]);
    const summary = this.unique(() =>
      visit ? `${this.rng.pick(FESTIVAL_VISIT_OPENINGS)}送去米一袋、油一桶和重阳糕。${this.rng.pick(FESTIVAL_VISIT_CONTENT)}${this.rng.pick(WELLBEING_WORDS[wellbeing]!)}` : `${this.rng.pick(FESTIVAL_CALLS[festival])}${this.rng.pick(CALL_CLOSINGS)}`,
    );
    return {
      person,
      kind,
      serviceTypes: visit ? ['material_aid', 'companionship'] : ['companionship'],
      startedAt,
      durationMinutes: visit ? this.rng.int(6, 12) * 5 : this.rng.int(5, 15),
      summary,
      workerId,
      wellbeing,
      goods: visit && festival === 'double_ninth' ? '大米一袋、食用油一桶、重阳糕一盒' : null,
    };
  }
}

async function insertChunked<T>(rows: readonly T[], insert: (chunk: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += 500) await insert(rows.slice(i, i + 500));
}

/** Loads the care side of the demo township; `tx` is the demo loader's transaction, after the history. */
export async function loadDemoCare(tx: Ctx, input: DemoCareInput): Promise<LoadedCare> {
  const total: LoadedCare = { personalPlans: 0, planTasks: 0, campaigns: 0, campaignTasks: 0, services: 0 };
  for (const [index, station] of input.stations.entries()) {
    const loaded = await new StationCare(tx, new Rng(input.seed * 53 + index), station, input.now).load();
    for (const key of Object.keys(total) as (keyof LoadedCare)[]) total[key] += loaded[key];
  }
  return total;
}
