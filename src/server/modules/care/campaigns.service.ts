import { and, desc, eq, inArray, lt, or, sql, type SQL } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import { actorOf, inTransaction, type Ctx } from '../../context';
import { campaigns, careTasks } from '../../db/schema/index';
import { fieldError, isUniqueViolation, notFound } from '../../errors';
import { stationScope } from '../../auth/scope';
import { recordAudit } from '../../audit/audit';
import { decodeCursor, encodeCursor } from '../../pagination';
import { FESTIVALS, type FestivalCode } from '../../../shared/codes';
import type { Campaign, CampaignDetail, CreateCampaignRequest } from '../../../shared/schemas/care';
import { peopleOfStationByIds, peopleOfStationInGroups, todayOf } from '../people/people.service';
import { villagesOfStation } from '../orgs/orgs.service';
import { stationStaff, userNames } from '../users/users.service';
import { goodsOfServices } from '../services/services.service';
import { careStation, loadSettings, overridesOfStation, villageAssignments } from './care-settings.service';
import { addDays } from './care.rules';
import { insertNewTasks } from './tasks.service';
import { festivalDate, nextOccurrence } from './festivals';

type CampaignRow = typeof campaigns.$inferSelect;
type Progress = Campaign['progress'];

function emptyProgress(): Progress {
  return { done: 0, open: 0, unreachable: 0, total: 0 };
}

/** Done / open / could-not-reach counts of campaigns' tasks (cancelled ones are not counted). */
async function progressOf(ctx: Ctx, ids: string[], groupBy?: 'village' | 'assignee'): Promise<Map<string, Progress>> {
  if (ids.length === 0) return new Map();
  const key = groupBy === 'village' ? careTasks.villageId : groupBy === 'assignee' ? careTasks.assigneeId : careTasks.campaignId;
  const rows = await ctx.db
    .select({
      key,
      done: sql<number>`count(*) filter (where ${careTasks.status} = 'done')`.mapWith(Number),
      open: sql<number>`count(*) filter (where ${careTasks.status} = 'open')`.mapWith(Number),
      unreachable: sql<number>`count(*) filter (where ${careTasks.status} = 'open' and ${careTasks.attempts} > 0)`.mapWith(Number),
    })
    .from(careTasks)
    .where(and(inArray(careTasks.campaignId, ids), sql`${careTasks.status} <> 'cancelled'`))
    .groupBy(key);
  return new Map(rows.map((r) => [r.key ?? '', { done: r.done, open: r.open, unreachable: r.unreachable, total: r.done + r.open }]));
}

async function toCampaigns(ctx: Ctx, rows: CampaignRow[]): Promise<Campaign[]> {
  const [progress, names] = await Promise.all([
    progressOf(
      ctx,
      rows.map((r) => r.id),
    ),
    userNames(
      ctx,
      rows.map((r) => r.createdBy),
    ),
  ]);
  return rows.map((row) => ({
    id: row.id,
    stationId: row.stationId,
    name: row.name,
    festival: row.festival as Campaign['festival'],
    year: row.year,
    date: row.day,
    windowStart: row.windowStart,
    groups: row.groups,
    kinds: row.kinds as Campaign['kinds'],
    tasksCreated: row.tasksCreated,
    createdAt: row.createdAt.toISOString(),
    createdBy: { id: row.createdBy, name: names.get(row.createdBy) ?? '—' },
    progress: progress.get(row.id) ?? emptyProgress(),
  }));
}

async function existingCampaign(ctx: Ctx, stationId: string, festival: string, year: number): Promise<CampaignRow | undefined> {
  const [row] = await ctx.db
    .select()
    .from(campaigns)
    .where(and(eq(campaigns.stationId, stationId), eq(campaigns.festival, festival), eq(campaigns.year, year)));
  return row;
}

/** The festival's next day, or null beyond the calendar tables (Tibetan days end in 2050). */
function nextOccurrenceOrNull(festival: FestivalCode, today: string): { year: number; date: string } | null {
  try {
    return nextOccurrence(festival, today);
  } catch {
    return null;
  }
}

/** The day a campaign's window ends on, and its festival year: the festival's date, or the day given. */
function campaignDay(input: CreateCampaignRequest, today: string): { day: string; year: number | null } {
  if (input.festival) {
    if (input.year === undefined) {
      // The next occurrence itself, not "that year's": a Gregorian year can hold two Labas.
      const next = nextOccurrenceOrNull(input.festival, today);
      if (!next) throw fieldError('festival', 'care.festivalPast');
      return { day: next.date, year: next.year };
    }
    const day = festivalDate(input.festival, input.year);
    if (!day || day < today) throw fieldError('year', 'care.festivalPast');
    return { day, year: input.year };
  }
  if (!input.date) throw fieldError('festival', 'care.festivalOrDate');
  if (input.date < today) throw fieldError('date', 'care.datePast');
  return { day: input.date, year: null };
}

/**
 * Starts a festival campaign: one task per kind for every active person of the groups in the
 * station, due within the window that ends on the festival, each given to the worker of the
 * person's village (or the person's own responsible worker or volunteer). Running it again for
 * the same festival and year creates nothing new. Campaign and tasks are written together.
 */
export async function createCampaign(ctx: Ctx, input: CreateCampaignRequest): Promise<{ campaign: Campaign; created: boolean }> {
  const stationId = careStation(ctx, input.stationId);
  const today = todayOf(ctx);
  const { day, year } = campaignDay(input, today);
  if (input.festival && year !== null) {
    const existing = await existingCampaign(ctx, stationId, input.festival, year);
    if (existing) return { campaign: { ...(await toCampaigns(ctx, [existing]))[0]!, tasksCreated: 0 }, created: false };
  }

  const groups = [...new Set(input.groups)];
  const kinds = [...new Set(input.kinds)];
  const people = await peopleOfStationInGroups(ctx, stationId, groups);
  if (people.length === 0) throw fieldError('groups', 'care.noPeople');
  const settings = await loadSettings(ctx, stationId);
  // One after another: the demo calls this inside its transaction, on one connection.
  const assignments = await villageAssignments(ctx, stationId, settings);
  const overrides = await overridesOfStation(ctx, stationId);
  const staff = await stationStaff(ctx, stationId);
  const active = new Set([...staff.workers, ...staff.volunteers].map((s) => s.id));
  const windowStart = addDays(day, -input.windowDays);
  const startOn = windowStart > today ? windowStart : today;
  const name = input.name ?? (input.festival ? `${year} ${FESTIVALS[input.festival][ctx.lang]}` : day);
  const id = uuidv7();
  const actor = actorOf(ctx);

  try {
    const tasksCreated = await inTransaction(ctx, async (tx) => {
      await tx.db.insert(campaigns).values({
        id,
        stationId,
        name,
        festival: input.festival ?? null,
        year,
        day,
        windowStart,
        groups,
        kinds,
        tasksCreated: 0,
        createdBy: actor.userId,
        createdAt: ctx.now,
      });
      const tasks = people.flatMap((person) =>
        kinds.map((kind) => {
          const own = overrides.get(person.id)?.plans.find((plan) => plan.channel === kind)?.responsibleId;
          return {
            id: uuidv7(),
            stationId,
            personId: person.id,
            villageId: person.villageId,
            kind,
            reason: 'campaign' as const,
            campaignId: id,
            startOn,
            dueDate: day,
            assigneeId: own && active.has(own) ? own : (assignments.get(person.villageId) ?? null),
            createdAt: ctx.now,
            updatedAt: ctx.now,
            version: 1,
          };
        }),
      );
      const created = await insertNewTasks(tx, tasks);
      await tx.db.update(campaigns).set({ tasksCreated: created }).where(eq(campaigns.id, id));
      await recordAudit(tx, { action: 'campaign.create', entityType: 'campaign', entityId: id, stationId, details: { festival: input.festival ?? null, year, day, groups, kinds, tasks: created } });
      return created;
    });
    const [row] = await ctx.db.select().from(campaigns).where(eq(campaigns.id, id));
    return { campaign: { ...(await toCampaigns(ctx, [row!]))[0]!, tasksCreated }, created: true };
  } catch (error) {
    // Two managers started the same festival at once: the other one's campaign stands.
    if (input.festival && year !== null && isUniqueViolation(error)) {
      const existing = await existingCampaign(ctx, stationId, input.festival, year);
      if (existing) return { campaign: { ...(await toCampaigns(ctx, [existing]))[0]!, tasksCreated: 0 }, created: false };
    }
    throw error;
  }
}

/** Campaigns of the caller's stations, latest day first. */
export async function findCampaigns(ctx: Ctx, query: { year?: number | undefined; limit: number; cursor?: string | undefined }): Promise<{ items: Campaign[]; nextCursor: string | null }> {
  const conditions: SQL[] = [stationScope(ctx, campaigns.stationId)];
  if (query.year) conditions.push(sql`${campaigns.day} between ${`${query.year}-01-01`} and ${`${query.year}-12-31`}`);
  if (query.cursor) {
    const [day, id] = decodeCursor(query.cursor, 2);
    conditions.push(or(lt(campaigns.day, day), and(eq(campaigns.day, day), lt(campaigns.id, id)))!);
  }
  const rows = await ctx.db
    .select()
    .from(campaigns)
    .where(and(...conditions))
    .orderBy(desc(campaigns.day), desc(campaigns.id))
    .limit(query.limit + 1);
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return { items: await toCampaigns(ctx, page), nextCursor: rows.length > query.limit && last ? encodeCursor([last.day, last.id]) : null };
}

/** A campaign with its progress by village and by worker, and the goods its visits gave. */
export async function getCampaign(ctx: Ctx, id: string): Promise<CampaignDetail> {
  const [row] = await ctx.db
    .select()
    .from(campaigns)
    .where(and(eq(campaigns.id, id), stationScope(ctx, campaigns.stationId)));
  if (!row) throw notFound();
  const [campaign] = await toCampaigns(ctx, [row]);
  const [byVillage, byAssignee, villages, doneTasks] = await Promise.all([
    progressOf(ctx, [id], 'village'),
    progressOf(ctx, [id], 'assignee'),
    villagesOfStation(ctx, row.stationId),
    ctx.db
      .select({ serviceId: careTasks.serviceId })
      .from(careTasks)
      .where(and(eq(careTasks.campaignId, id), eq(careTasks.status, 'done'))),
  ]);
  const villageNames = new Map(villages.map((v) => [v.id, v.name]));
  const assigneeNames = await userNames(
    ctx,
    [...byAssignee.keys()].filter((key) => key !== ''),
  );
  const goods = await goodsOfServices(
    ctx,
    row.stationId,
    doneTasks.map((t) => t.serviceId).filter((s): s is string => Boolean(s)),
  );
  const goodsPeople = new Map((await peopleOfStationByIds(ctx, row.stationId, goods.map((g) => g.personId))).map((p) => [p.id, p]));
  const unassigned = ctx.lang === 'zh-CN' ? '未分配' : 'Unassigned';
  const rowsOf = (progress: Map<string, Progress>, nameOf: (key: string) => string) =>
    [...progress.entries()].map(([key, p]) => ({ id: key === '' ? null : key, name: nameOf(key), ...p })).sort((a, b) => b.total - a.total || a.name.localeCompare(b.name, 'zh-CN'));
  await recordAudit(ctx, { action: 'campaign.read', entityType: 'campaign', entityId: id, stationId: row.stationId });
  return {
    ...campaign!,
    byVillage: rowsOf(byVillage, (key) => villageNames.get(key) ?? '—'),
    byAssignee: rowsOf(byAssignee, (key) => (key === '' ? unassigned : (assigneeNames.get(key) ?? '—'))),
    goods: goods.map((g) => {
      const person = goodsPeople.get(g.personId);
      return { serviceId: g.id, personId: g.personId, personName: person?.name ?? '—', villageName: person ? (villageNames.get(person.villageId) ?? null) : null, goods: g.goods, startedAt: g.startedAt.toISOString() };
    }),
  };
}
