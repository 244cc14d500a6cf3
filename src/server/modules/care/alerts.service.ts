import ExcelJS from 'exceljs';
import { and, count, eq, gte } from 'drizzle-orm';
import type { FastifyReply } from 'fastify';
import type { Ctx } from '../../context';
import { careTasks } from '../../db/schema/index';
import { fieldError } from '../../errors';
import { recordAudit } from '../../audit/audit';
import { decodeCursor, encodeCursor } from '../../pagination';
import { dayStart, shanghaiDay } from '../../time';
import { sendXlsx, writtenDay } from '../../xlsx';
import {
  CARE_ALERTS,
  CARE_GROUPS,
  CHANNEL_SATISFIED_BY,
  CONTACT_CHANNELS,
  DANGER_CHECKLIST_ITEMS,
  ELDER_GROUPS,
  GROUPS,
  TASK_REASONS,
  UNREACHABLE_ALERT_ATTEMPTS,
  VISIT_CHECKLIST,
  type CareAlertType,
  type ChecklistSection,
  type GroupCode,
} from '../../../shared/codes';
import type { Lang } from '../../../shared/i18n';
import type { Alert, AlertsQuery, AlertSummary, VisitRate } from '../../../shared/schemas/care';
import { peopleOfStationByIds, peopleOfStationInGroups, todayOf, type CareCandidate } from '../people/people.service';
import { getOrg, villagesOfStation } from '../orgs/orgs.service';
import { stationStaff, userNames } from '../users/users.service';
import { lastContactsOfStation, latestWellbeingOfStation, openConcernsOfStation, peopleContactedBetween } from '../services/services.service';
import { careStation, loadSettings, overridesOfStation, villageAssignments, type EffectiveSettings } from './care-settings.service';
import { daysBetween, inSpecialDifficulty, plansInForce, wellbeingFalling } from './care.rules';

/*
 * Alerts are computed, not stored: each list is worked out from the station's people, tasks and
 * records when asked. A station has at most a few thousand people in care groups, so its
 * candidates are computed in memory and the sorted array is paged by (sort key, id).
 */

const ALERT_TYPES = Object.keys(CARE_ALERTS) as CareAlertType[];
const VISIT_KINDS = CHANNEL_SATISFIED_BY.phone;

/** Lists that read best newest first (the record that raised the alert); the others put the longest waiting first. */
const NEWEST_FIRST: ReadonlySet<CareAlertType> = new Set(['wellbeing_drop', 'danger']);

type TaskRow = typeof careTasks.$inferSelect;

/** An alert before its assignee's name is looked up, with the key it is sorted and paged by. */
interface Draft {
  alert: Omit<Alert, 'assignee'>;
  assigneeId: string | null;
  sortKey: string;
  /** Unique within a type: the task for task alerts, else the person. */
  id: string;
}

type NoPlanCause = 'no_risk_level' | 'no_worker' | 'responsible_left' | 'override_empty' | 'rules_empty';

const TEXT = {
  'zh-CN': {
    overdue: (channel: string, days: number) => `${channel}已逾期 ${days} 天`,
    unreachable: (channel: string, attempts: number) => `${channel}已 ${attempts} 次未联系上`,
    campaign: (text: string) => `${text}（${TASK_REASONS.campaign['zh-CN']}）`,
    noPlan: {
      no_risk_level: '未评估风险等级，无法确定联系频次',
      no_worker: '所在村(社区)没有负责社工，联系任务无人承担',
      responsible_left: '联系计划指定的负责人已不在本站',
      override_empty: '个人联系计划未安排任何联系',
      rules_empty: '本站联系规则对该风险等级未安排联系',
    } satisfies Record<NoPlanCause, string>,
    silent: (days: number) => `已 ${days} 天未联系（电话、视频或入户）`,
    neverContacted: (days: number) => `建档 ${days} 天以来从未联系`,
    wellbeing: (scores: number[]) => `状态评分连续下降：${scores.join(' → ')}`,
    danger: (items: string[]) => `最近探访发现：${items.join('、')}`,
    unassigned: '未分配',
  },
  'en-US': {
    overdue: (channel: string, days: number) => `${channel} ${plural(days, 'day')} overdue`,
    unreachable: (channel: string, attempts: number) => `${channel}: could not reach ${plural(attempts, 'time')}`,
    campaign: (text: string) => `${text} (${TASK_REASONS.campaign['en-US']})`,
    noPlan: {
      no_risk_level: 'Risk level not assessed, so no contact cadence applies',
      no_worker: 'No worker is responsible for the village, so no one holds the tasks',
      responsible_left: "The plan's responsible person is no longer with the station",
      override_empty: "The person's own plan has no contact",
      rules_empty: "The station's rules set no contact at this risk level",
    } satisfies Record<NoPlanCause, string>,
    silent: (days: number) => `Not contacted (call, video or visit) for ${plural(days, 'day')}`,
    neverContacted: (days: number) => `Never contacted in the ${plural(days, 'day')} since the file was made`,
    wellbeing: (scores: number[]) => `Wellbeing fell at two contacts in a row: ${scores.join(' → ')}`,
    danger: (items: string[]) => `Found at the latest visit: ${items.join(', ')}`,
    unassigned: 'Unassigned',
  },
};

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function checklistLabel(key: string, lang: Lang): string {
  const [section, item] = key.split('.') as [ChecklistSection, string];
  const items: Record<string, { 'zh-CN': string; 'en-US': string }> = VISIT_CHECKLIST[section].items;
  return `${VISIT_CHECKLIST[section].label[lang]}·${items[item]?.[lang] ?? item}`;
}

function compareDrafts(a: Pick<Draft, 'sortKey' | 'id'>, b: Pick<Draft, 'sortKey' | 'id'>): number {
  if (a.sortKey !== b.sortKey) return a.sortKey < b.sortKey ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

function monthBounds(month: string): { from: Date; to: Date } {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const next = m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
  return { from: dayStart(`${month}-01`), to: dayStart(`${next}-01`) };
}

/** 0–1, to four places. A station or village with no elders on file has not met the target: nobody was visited. */
function rateOf(visited: number, elders: number): number {
  return elders === 0 ? 0 : Math.round((visited / elders) * 10_000) / 10_000;
}

/**
 * One station's alerts as of now. Each source (people, tasks, records, settings) is read once
 * and shared by the lists that need it, so the summary costs little more than one list.
 */
class StationAlerts {
  readonly today: string;
  readonly lang: Lang;
  private readonly loaded: {
    settings?: Promise<EffectiveSettings>;
    villages?: Promise<Map<string, string>>;
    staff?: Promise<Set<string>>;
    carePeople?: Promise<CareCandidate[]>;
    assignments?: Promise<Map<string, string>>;
    overrides?: ReturnType<typeof overridesOfStation>;
    openTasks?: Promise<TaskRow[]>;
  } = {};
  private readonly draftsOf = new Map<CareAlertType, Promise<Draft[]>>();

  constructor(
    private readonly ctx: Ctx,
    readonly stationId: string,
  ) {
    this.today = todayOf(ctx);
    this.lang = ctx.lang;
  }

  settings(): Promise<EffectiveSettings> {
    return (this.loaded.settings ??= loadSettings(this.ctx, this.stationId));
  }

  villages(): Promise<Map<string, string>> {
    return (this.loaded.villages ??= villagesOfStation(this.ctx, this.stationId).then((list) => new Map(list.map((v) => [v.id, v.name]))));
  }

  /** Active workers and volunteers: a plan naming anyone else has no one to do it. */
  staffIds(): Promise<Set<string>> {
    return (this.loaded.staff ??= stationStaff(this.ctx, this.stationId).then((staff) => new Set([...staff.workers, ...staff.volunteers].map((s) => s.id))));
  }

  careGroupPeople(): Promise<CareCandidate[]> {
    return (this.loaded.carePeople ??= peopleOfStationInGroups(this.ctx, this.stationId, CARE_GROUPS));
  }

  private assignments(): Promise<Map<string, string>> {
    return (this.loaded.assignments ??= Promise.all([this.settings(), this.careGroupPeople()]).then(([settings, people]) => villageAssignments(this.ctx, this.stationId, settings, people)));
  }

  private overrides() {
    return (this.loaded.overrides ??= overridesOfStation(this.ctx, this.stationId));
  }

  /** The open tasks of the station (bounded: one open plan task per person and channel, plus campaign tasks). */
  openTasks(): Promise<TaskRow[]> {
    return (this.loaded.openTasks ??= this.ctx.db
      .select()
      .from(careTasks)
      .where(and(eq(careTasks.stationId, this.stationId), eq(careTasks.status, 'open')))
      .then((rows) => rows));
  }

  /** Active people by id, for alerts that start from tasks or records. */
  private async activePeople(ids: readonly string[]): Promise<Map<string, CareCandidate>> {
    const found = await peopleOfStationByIds(this.ctx, this.stationId, ids);
    return new Map(found.filter((p) => p.status === 'active').map((p) => [p.id, p]));
  }

  /** The plans in force for a person, and who is responsible: the plan's person if still with the station, else the village's worker. */
  private async responsibility(): Promise<(person: CareCandidate) => { plans: ReturnType<typeof plansInForce>; responsibleId: string | null }> {
    const [settings, overrides, assignments, staff] = await Promise.all([this.settings(), this.overrides(), this.assignments(), this.staffIds()]);
    return (person) => {
      const villageWorker = assignments.get(person.villageId) ?? null;
      const plans = plansInForce(person, settings.rules, overrides.get(person.id)?.plans ?? null, villageWorker);
      const named = plans.plans.map((p) => p.responsibleId).find((id): id is string => Boolean(id && staff.has(id)));
      return { plans, responsibleId: named ?? villageWorker };
    };
  }

  private async personAlert(type: CareAlertType, person: CareCandidate): Promise<Omit<Alert, 'assignee' | 'since' | 'days' | 'detail' | 'taskId' | 'serviceId'>> {
    const villages = await this.villages();
    return { type, personId: person.id, personName: person.name, villageId: person.villageId, villageName: villages.get(person.villageId) ?? null, groups: person.groups, riskLevel: person.riskLevel };
  }

  drafts(type: CareAlertType): Promise<Draft[]> {
    let drafts = this.draftsOf.get(type);
    if (!drafts) {
      drafts = this.computeDrafts(type);
      this.draftsOf.set(type, drafts);
    }
    return drafts;
  }

  private computeDrafts(type: CareAlertType): Promise<Draft[]> {
    switch (type) {
      case 'overdue':
      case 'unreachable':
        return this.taskDrafts(type);
      case 'no_plan':
        return this.noPlanDrafts();
      case 'silent':
        return this.silentDrafts();
      case 'wellbeing_drop':
        return this.wellbeingDrafts();
      case 'danger':
        return this.dangerDrafts();
    }
  }

  private async taskDrafts(type: 'overdue' | 'unreachable'): Promise<Draft[]> {
    const text = TEXT[this.lang];
    const tasks = (await this.openTasks()).filter((t) => (type === 'overdue' ? t.dueDate < this.today : t.attempts >= UNREACHABLE_ALERT_ATTEMPTS));
    const people = await this.activePeople(tasks.map((t) => t.personId));
    const drafts: Draft[] = [];
    for (const task of tasks) {
      const person = people.get(task.personId);
      if (!person) continue;
      const channel = CONTACT_CHANNELS[task.kind][this.lang];
      const overdueDays = Math.max(0, daysBetween(task.dueDate, this.today));
      const said = type === 'overdue' ? text.overdue(channel, overdueDays) : text.unreachable(channel, task.attempts);
      drafts.push({
        alert: {
          ...(await this.personAlert(type, person)),
          since: type === 'overdue' ? task.dueDate : (task.lastAttemptAt?.toISOString() ?? null),
          days: type === 'overdue' ? overdueDays : null,
          detail: task.reason === 'campaign' ? text.campaign(said) : said,
          taskId: task.id,
          serviceId: null,
        },
        assigneeId: task.assigneeId,
        sortKey: task.dueDate,
        id: task.id,
      });
    }
    return drafts;
  }

  private async noPlanDrafts(): Promise<Draft[]> {
    const [people, responsibility, staff] = await Promise.all([this.careGroupPeople(), this.responsibility(), this.staffIds()]);
    const drafts: Draft[] = [];
    for (const person of people) {
      const { plans, responsibleId } = responsibility(person);
      let cause: NoPlanCause | null = null;
      if (plans.plans.length === 0) {
        cause = plans.noPlanReason === 'no_risk_level' ? 'no_risk_level' : plans.source === 'override' ? 'override_empty' : 'rules_empty';
      } else if (plans.plans.some((p) => !p.responsibleId)) {
        cause = 'no_worker';
      } else if (plans.plans.some((p) => p.responsibleId && !staff.has(p.responsibleId))) {
        cause = 'responsible_left';
      }
      if (!cause) continue;
      drafts.push({
        alert: { ...(await this.personAlert('no_plan', person)), since: null, days: null, detail: TEXT[this.lang].noPlan[cause], taskId: null, serviceId: null },
        assigneeId: responsibleId,
        sortKey: person.namePinyin,
        id: person.id,
      });
    }
    return drafts;
  }

  private async silentDrafts(): Promise<Draft[]> {
    const [people, responsibility, settings, contacts] = await Promise.all([this.careGroupPeople(), this.responsibility(), this.settings(), lastContactsOfStation(this.ctx, this.stationId)]);
    const text = TEXT[this.lang];
    const drafts: Draft[] = [];
    for (const person of people) {
      const last = contacts.get(person.id)?.call ?? null;
      // Never contacted: the silence began when the person was put on file.
      const from = last ?? person.createdAt;
      const days = daysBetween(shanghaiDay(from), this.today);
      if (days < settings.silenceDays) continue;
      drafts.push({
        alert: { ...(await this.personAlert('silent', person)), since: last?.toISOString() ?? null, days, detail: last ? text.silent(days) : text.neverContacted(days), taskId: null, serviceId: null },
        assigneeId: responsibility(person).responsibleId,
        sortKey: from.toISOString(),
        id: person.id,
      });
    }
    return drafts;
  }

  private async wellbeingDrafts(): Promise<Draft[]> {
    const latest = await latestWellbeingOfStation(this.ctx, this.stationId);
    const falling = [...latest].filter(([, records]) => wellbeingFalling(records.map((r) => r.wellbeing).reverse()));
    const [people, responsibility] = await Promise.all([this.activePeople(falling.map(([id]) => id)), this.responsibility()]);
    const drafts: Draft[] = [];
    for (const [personId, records] of falling) {
      const person = people.get(personId);
      const newest = records[0];
      if (!person || !newest) continue;
      drafts.push({
        alert: {
          ...(await this.personAlert('wellbeing_drop', person)),
          since: newest.startedAt.toISOString(),
          days: null,
          detail: TEXT[this.lang].wellbeing(records.map((r) => r.wellbeing).reverse()),
          taskId: null,
          serviceId: newest.id,
        },
        assigneeId: responsibility(person).responsibleId,
        sortKey: newest.startedAt.toISOString(),
        id: person.id,
      });
    }
    return drafts;
  }

  private async dangerDrafts(): Promise<Draft[]> {
    const concerns = await openConcernsOfStation(this.ctx, this.stationId, DANGER_CHECKLIST_ITEMS);
    const [people, responsibility] = await Promise.all([this.activePeople([...concerns.keys()]), this.responsibility()]);
    const drafts: Draft[] = [];
    for (const [personId, found] of concerns) {
      const person = people.get(personId);
      if (!person || found.length === 0) continue;
      const items = [...found].sort((a, b) => DANGER_CHECKLIST_ITEMS.indexOf(a.item) - DANGER_CHECKLIST_ITEMS.indexOf(b.item));
      const latest = found.reduce((a, b) => (b.startedAt > a.startedAt ? b : a));
      drafts.push({
        alert: {
          ...(await this.personAlert('danger', person)),
          since: latest.startedAt.toISOString(),
          days: null,
          detail: TEXT[this.lang].danger(items.map((f) => checklistLabel(f.item, this.lang))),
          taskId: null,
          serviceId: latest.serviceId,
        },
        assigneeId: responsibility(person).responsibleId,
        sortKey: latest.startedAt.toISOString(),
        id: person.id,
      });
    }
    return drafts;
  }

  /** Drafts with the assignee's name, sorted as the list shows them. */
  async alerts(type: CareAlertType, drafts?: Draft[]): Promise<Alert[]> {
    const list = [...(drafts ?? (await this.drafts(type)))];
    const direction = NEWEST_FIRST.has(type) ? -1 : 1;
    list.sort((a, b) => direction * compareDrafts(a, b));
    const names = await userNames(
      this.ctx,
      list.map((d) => d.assigneeId).filter((id): id is string => Boolean(id)),
    );
    return list.map((draft) => ({ ...draft.alert, assignee: draft.assigneeId ? { id: draft.assigneeId, name: names.get(draft.assigneeId) ?? '—' } : null }));
  }

  async visitRate(month: string): Promise<VisitRate> {
    const { from, to } = monthBounds(month);
    const [elderPeople, villages, contacted] = await Promise.all([
      peopleOfStationInGroups(this.ctx, this.stationId, ELDER_GROUPS),
      this.villages(),
      peopleContactedBetween(this.ctx, this.stationId, VISIT_KINDS, from, to),
    ]);
    // An elder counts in a month if on file by its end, or contacted in it (files are sometimes made after the first visit).
    const elders = elderPeople.filter((p) => inSpecialDifficulty(p) && (p.createdAt < to || contacted.has(p.id)));
    const perVillage = new Map<string, { elders: number; visited: number }>();
    for (const elder of elders) {
      const row = perVillage.get(elder.villageId) ?? { elders: 0, visited: 0 };
      row.elders += 1;
      if (contacted.has(elder.id)) row.visited += 1;
      perVillage.set(elder.villageId, row);
    }
    const visited = elders.filter((e) => contacted.has(e.id)).length;
    const station = await getOrg(this.ctx, this.stationId);
    return {
      month,
      target: 1,
      station: { id: this.stationId, name: station.name, elders: elders.length, visited, rate: rateOf(visited, elders.length) },
      // Villages without an elder in special difficulty have nothing to count.
      villages: [...perVillage]
        .map(([id, row]) => ({ id, name: villages.get(id) ?? '—', elders: row.elders, visited: row.visited, rate: rateOf(row.visited, row.elders) }))
        .sort((a, b) => a.name.localeCompare(b.name, 'zh-CN') || (a.id < b.id ? -1 : 1)),
    };
  }

  /** Open, overdue and unreachable tasks per assignee, and those done this month; unassigned tasks last. */
  async byWorker(): Promise<AlertSummary['byWorker']> {
    const [open, staff] = await Promise.all([this.openTasks(), this.staffIds()]);
    const active = await this.activePeople(open.map((t) => t.personId));
    const doneRows = await this.ctx.db
      .select({ assigneeId: careTasks.assigneeId, n: count() })
      .from(careTasks)
      .where(and(eq(careTasks.stationId, this.stationId), eq(careTasks.status, 'done'), gte(careTasks.completedAt, monthBounds(this.today.slice(0, 7)).from)))
      .groupBy(careTasks.assigneeId);
    const rows = new Map<string | null, { open: number; overdue: number; unreachable: number; doneThisMonth: number }>();
    const rowOf = (id: string | null) => {
      let row = rows.get(id);
      if (!row) rows.set(id, (row = { open: 0, overdue: 0, unreachable: 0, doneThisMonth: 0 }));
      return row;
    };
    for (const task of open) {
      if (!active.has(task.personId)) continue;
      const row = rowOf(task.assigneeId);
      row.open += 1;
      if (task.dueDate < this.today) row.overdue += 1;
      if (task.attempts >= UNREACHABLE_ALERT_ATTEMPTS) row.unreachable += 1;
    }
    for (const done of doneRows) {
      // Someone who has left, and the unassigned row, are shown only while they hold open tasks.
      if (!rows.has(done.assigneeId) && (!done.assigneeId || !staff.has(done.assigneeId))) continue;
      rowOf(done.assigneeId).doneThisMonth = Number(done.n);
    }
    const names = await userNames(
      this.ctx,
      [...rows.keys()].filter((id): id is string => Boolean(id)),
    );
    const named = [...rows]
      .filter((entry): entry is [string, typeof entry[1]] => entry[0] !== null)
      .map(([id, row]) => ({ id, name: names.get(id) ?? '—', ...row }))
      .sort((a, b) => a.name.localeCompare(b.name, 'zh-CN') || (a.id < b.id ? -1 : 1));
    const unassigned = rows.get(null);
    return unassigned ? [...named, { id: null, name: TEXT[this.lang].unassigned, ...unassigned }] : named;
  }
}

async function checkVillage(alerts: StationAlerts, villageId: string | undefined): Promise<void> {
  if (villageId && !(await alerts.villages()).has(villageId)) throw fieldError('villageId', 'care.villageUnknown');
}

/** The people an alert of one type is about, filtered by village and assignee, in keyset pages. */
export async function findAlerts(ctx: Ctx, query: AlertsQuery): Promise<{ items: Alert[]; nextCursor: string | null }> {
  const alerts = new StationAlerts(ctx, careStation(ctx, query.stationId));
  await checkVillage(alerts, query.villageId);
  const direction = NEWEST_FIRST.has(query.type) ? -1 : 1;
  const filters: ((d: Draft) => boolean)[] = [];
  if (query.villageId) filters.push((d) => d.alert.villageId === query.villageId);
  if (query.assigneeId) filters.push((d) => d.assigneeId === query.assigneeId);
  if (query.cursor) {
    const [sortKey, id] = decodeCursor(query.cursor, 2);
    filters.push((d) => direction * compareDrafts(d, { sortKey, id }) > 0);
  }
  const drafts = (await alerts.drafts(query.type)).filter((d) => filters.every((keep) => keep(d)));
  // Sorting first and naming only the page keeps the name lookup to one page.
  drafts.sort((a, b) => direction * compareDrafts(a, b));
  const page = drafts.slice(0, query.limit);
  const items = await alerts.alerts(query.type, page);
  const last = page.at(-1);
  return { items, nextCursor: drafts.length > query.limit && last ? encodeCursor([last.sortKey, last.id]) : null };
}

/** Counts per alert type, tasks per worker and this month's visit rate: the manager's home page. */
export async function alertSummary(ctx: Ctx, stationId?: string): Promise<AlertSummary> {
  const alerts = new StationAlerts(ctx, careStation(ctx, stationId));
  const counts: Record<CareAlertType, number> = { overdue: 0, unreachable: 0, no_plan: 0, silent: 0, wellbeing_drop: 0, danger: 0 };
  for (const type of ALERT_TYPES) counts[type] = (await alerts.drafts(type)).length;
  const settings = await alerts.settings();
  return { stationId: alerts.stationId, silenceDays: settings.silenceDays, counts, byWorker: await alerts.byWorker(), visitRate: await alerts.visitRate(alerts.today.slice(0, 7)) };
}

/** Share of elders in special difficulty visited or phoned in a month (default: this month). */
export async function visitRate(ctx: Ctx, query: { month?: string | undefined; stationId?: string | undefined }): Promise<VisitRate> {
  const alerts = new StationAlerts(ctx, careStation(ctx, query.stationId));
  return alerts.visitRate(query.month ?? alerts.today.slice(0, 7));
}

const SHEET_HEADERS: Record<Lang, string[]> = {
  'zh-CN': ['服务对象', '村(社区)', '类别', '风险等级', '详情', '起始', '天数', '负责人'],
  'en-US': ['Person', 'Village', 'Groups', 'Risk', 'Detail', 'Since', 'Days', 'Assignee'],
};
const RISK_LABELS: Record<Lang, Record<string, string>> = {
  'zh-CN': { high: '高', medium: '中', low: '低' },
  'en-US': { high: 'High', medium: 'Medium', low: 'Low' },
};

function styleHeader(row: ExcelJS.Row): void {
  row.font = { bold: true };
  row.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEFF5FB' } };
}

/**
 * Every alert of the station and the month's visit rate as a workbook in the caller's language:
 * a summary sheet and one sheet per alert type. It names residents, so the export is audited
 * with its counts.
 */
export async function exportAlerts(ctx: Ctx, reply: FastifyReply, stationId?: string): Promise<FastifyReply> {
  const alerts = new StationAlerts(ctx, careStation(ctx, stationId));
  const lang = ctx.lang;
  const zh = lang === 'zh-CN';
  const today = alerts.today;
  const lists = new Map<CareAlertType, Alert[]>();
  for (const type of ALERT_TYPES) lists.set(type, await alerts.alerts(type));
  const rate = await alerts.visitRate(today.slice(0, 7));
  const counts: Record<CareAlertType, number> = { overdue: 0, unreachable: 0, no_plan: 0, silent: 0, wellbeing_drop: 0, danger: 0 };
  for (const type of ALERT_TYPES) counts[type] = lists.get(type)!.length;

  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'LastMeter 最后一米';
  const summary = workbook.addWorksheet(zh ? '汇总' : 'Summary');
  summary.getCell(1, 1).value = `${zh ? '关爱提醒' : 'Care alerts'} — ${rate.station.name} — ${zh ? '导出于' : 'exported'} ${writtenDay(today, lang)}`;
  summary.getCell(1, 1).font = { bold: true, size: 13 };
  summary.mergeCells(1, 1, 1, 4);
  styleHeader(summary.addRow(zh ? ['提醒类型', '人次'] : ['Alert', 'Count']));
  for (const type of ALERT_TYPES) summary.addRow([CARE_ALERTS[type][lang], counts[type]]);
  summary.addRow([]);
  summary.addRow([zh ? `${rate.month} 特殊困难老年人月度探访率（目标 100%）` : `Monthly visit rate of elders in special difficulty, ${rate.month} (target 100%)`]).font = { bold: true };
  styleHeader(summary.addRow(zh ? ['村(社区)', '特殊困难老年人', '已探访或电话', '探访率'] : ['Village', 'Elders in special difficulty', 'Visited or phoned', 'Rate']));
  for (const row of [...rate.villages, rate.station]) {
    const added = summary.addRow([row.id === rate.station.id ? (zh ? `合计（${row.name}）` : `Total (${row.name})`) : row.name, row.elders, row.visited, row.rate]);
    added.getCell(4).numFmt = '0.0%';
    if (row.id === rate.station.id) added.font = { bold: true };
  }
  [30, 18, 16, 10].forEach((width, index) => (summary.getColumn(index + 1).width = width));

  for (const type of ALERT_TYPES) {
    const sheet = workbook.addWorksheet(CARE_ALERTS[type][lang]);
    styleHeader(sheet.addRow(SHEET_HEADERS[lang]));
    sheet.views = [{ state: 'frozen', ySplit: 1 }];
    for (const alert of lists.get(type)!) {
      sheet.addRow([
        alert.personName,
        alert.villageName ?? '',
        alert.groups.map((g) => GROUPS[g as GroupCode]?.[lang] ?? g).join(zh ? '、' : ', '),
        alert.riskLevel ? RISK_LABELS[lang][alert.riskLevel] : '',
        alert.detail,
        alert.since ? (alert.since.length === 10 ? alert.since : shanghaiDay(new Date(alert.since))) : '',
        alert.days ?? '',
        alert.assignee?.name ?? '',
      ]);
    }
    [10, 14, 24, 8, 44, 12, 7, 10].forEach((width, index) => (sheet.getColumn(index + 1).width = width));
  }

  await recordAudit(ctx, { action: 'care.alerts_export', entityType: 'station', entityId: alerts.stationId, stationId: alerts.stationId, details: { counts } });
  const body = Buffer.from(await workbook.xlsx.writeBuffer());
  return sendXlsx(reply, `${zh ? '关爱提醒' : 'care-alerts'}_${today}.xlsx`, `care-alerts_${today}.xlsx`, body);
}
