import { and, asc, desc, eq, isNull, sql } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import type { z } from 'zod';
import { actorOf, inTransaction, type Ctx } from '../../context';
import { dangerReports, households, orgs, people, personBenefits, users } from '../../db/schema/index';
import { AppError, fieldError, notFound } from '../../errors';
import { stationScope } from '../../auth/scope';
import { recordAudit } from '../../audit/audit';
import { villagesInScope } from '../orgs/orgs.service';
import type { BenefitCode } from '../../../shared/codes';
import type { zCreateHouseholdRequest, zDangerReportRequest, zHousehold, zSetBenefitRequest, zUpdateHouseholdRequest, zDangerReport } from '../../../shared/schemas/people';
import { loadPersonRow, peopleScope, personDetail, todayOf } from './people.service';
import { toPersonSummary } from './people.reply';
import type { Person } from '../../../shared/schemas/people';

type Household = z.infer<typeof zHousehold>;
type HouseholdRow = typeof households.$inferSelect;

async function householdReply(ctx: Ctx, row: HouseholdRow): Promise<Household> {
  const members = await ctx.db
    .select({ row: people, villageName: orgs.name })
    .from(people)
    .leftJoin(orgs, eq(orgs.id, people.villageId))
    .where(and(eq(people.stationId, row.stationId), eq(people.householdId, row.id), peopleScope(ctx)))
    .orderBy(asc(people.birthDate))
    .limit(50);
  const today = todayOf(ctx);
  return {
    id: row.id,
    stationId: row.stationId,
    villageId: row.villageId,
    address: row.address,
    headPersonId: row.headPersonId,
    tags: row.tags,
    notes: row.notes,
    version: row.version,
    members: members.map((m) => ({ ...toPersonSummary(m.row, m.villageName, ctx.actor, today), relationToHead: m.row.relationToHead })),
  };
}

async function loadHousehold(ctx: Ctx, id: string): Promise<HouseholdRow> {
  const [row] = await ctx.db.select().from(households).where(and(eq(households.id, id), stationScope(ctx, households.stationId)));
  if (!row) throw notFound();
  return row;
}

export async function getHousehold(ctx: Ctx, id: string): Promise<Household> {
  return householdReply(ctx, await loadHousehold(ctx, id));
}

async function checkHead(ctx: Ctx, headPersonId: string | null | undefined, stationId: string): Promise<void> {
  if (!headPersonId) return;
  const { row } = await loadPersonRow(ctx, headPersonId).catch(() => ({ row: null }));
  if (!row || row.stationId !== stationId) throw fieldError('headPersonId', 'person.unknown');
}

export async function createHousehold(ctx: Ctx, input: z.infer<typeof zCreateHouseholdRequest>): Promise<Household> {
  const village = (await villagesInScope(ctx)).get(input.villageId);
  if (!village) throw fieldError('villageId', 'village.unknown');
  await checkHead(ctx, input.headPersonId, village.stationId);
  const row: HouseholdRow = {
    id: uuidv7(),
    stationId: village.stationId,
    villageId: village.id,
    address: input.address ?? null,
    headPersonId: input.headPersonId ?? null,
    tags: input.tags,
    notes: input.notes ?? null,
    createdAt: ctx.now,
    updatedAt: ctx.now,
    version: 1,
  };
  await inTransaction(ctx, async (tx) => {
    await tx.db.insert(households).values(row);
    await recordAudit(tx, { action: 'household.create', entityType: 'household', entityId: row.id, stationId: row.stationId });
  });
  return householdReply(ctx, row);
}

export async function updateHousehold(ctx: Ctx, id: string, input: z.infer<typeof zUpdateHouseholdRequest>): Promise<Household> {
  const current = await loadHousehold(ctx, id);
  await checkHead(ctx, input.headPersonId, current.stationId);
  return inTransaction(ctx, async (tx) => {
    const [updated] = await tx.db
      .update(households)
      .set({
        ...(input.address === undefined ? {} : { address: input.address }),
        ...(input.headPersonId === undefined ? {} : { headPersonId: input.headPersonId }),
        ...(input.tags === undefined ? {} : { tags: input.tags }),
        ...(input.notes === undefined ? {} : { notes: input.notes }),
        updatedAt: tx.now,
        version: sql`${households.version} + 1`,
      })
      .where(and(eq(households.id, id), eq(households.version, input.version)))
      .returning();
    if (!updated) throw new AppError('VERSION_CONFLICT', { details: { current: await householdReply(tx, await loadHousehold(tx, id)) } });
    await recordAudit(tx, { action: 'household.update', entityType: 'household', entityId: id, stationId: current.stationId });
    return householdReply(tx, updated);
  });
}

/** Records a benefit's state for a person (one row per benefit, changed in place with its history in the audit trail). */
export async function setBenefit(ctx: Ctx, personId: string, benefit: BenefitCode, input: z.infer<typeof zSetBenefitRequest>): Promise<Person> {
  const { row } = await loadPersonRow(ctx, personId);
  await inTransaction(ctx, async (tx) => {
    await tx.db
      .insert(personBenefits)
      .values({
        id: uuidv7(),
        stationId: row.stationId,
        personId,
        benefit,
        status: input.status,
        appliedOn: input.appliedOn ?? null,
        since: input.since ?? null,
        note: input.note ?? null,
        createdAt: tx.now,
        updatedAt: tx.now,
        version: 1,
      })
      .onConflictDoUpdate({
        target: [personBenefits.stationId, personBenefits.personId, personBenefits.benefit],
        set: { status: input.status, appliedOn: input.appliedOn ?? null, since: input.since ?? null, note: input.note ?? null, updatedAt: tx.now, version: sql`${personBenefits.version} + 1` },
      });
    await recordAudit(tx, { action: 'person.benefit', entityType: 'person', entityId: personId, stationId: row.stationId, details: { benefit, status: input.status } });
  });
  const found = await loadPersonRow(ctx, personId);
  return personDetail(ctx, found.row, found.villageName);
}

type DangerReport = z.infer<typeof zDangerReport>;

/** 强制报告: records that a child in danger was reported to the police. The manager's home page shows it until acknowledged. */
export async function reportDanger(ctx: Ctx, personId: string, input: z.infer<typeof zDangerReportRequest>): Promise<DangerReport> {
  const { row, villageName } = await loadPersonRow(ctx, personId);
  const reportedAt = new Date(input.reportedAt);
  if (reportedAt.getTime() > ctx.now.getTime() + 5 * 60_000) throw fieldError('reportedAt', 'birthDate.future');
  const id = uuidv7();
  const actor = actorOf(ctx);
  await inTransaction(ctx, async (tx) => {
    await tx.db.insert(dangerReports).values({ id, stationId: row.stationId, personId, reportedAt, reportedTo: input.reportedTo, what: input.what, reportedBy: actor.userId, createdAt: tx.now });
    await recordAudit(tx, { action: 'person.danger_report', entityType: 'person', entityId: personId, stationId: row.stationId, details: { reportId: id } });
  });
  return { id, personId, personName: row.name, villageName, reportedAt: reportedAt.toISOString(), reportedTo: input.reportedTo, what: input.what, reportedBy: actor.displayName, acknowledgedAt: null };
}

export async function listDangerReports(ctx: Ctx, options: { open: boolean }): Promise<DangerReport[]> {
  const rows = await ctx.db
    .select({ report: dangerReports, personName: people.name, villageName: orgs.name, reporter: users.displayName })
    .from(dangerReports)
    .innerJoin(people, eq(people.id, dangerReports.personId))
    .leftJoin(orgs, eq(orgs.id, people.villageId))
    .leftJoin(users, eq(users.id, dangerReports.reportedBy))
    .where(and(stationScope(ctx, dangerReports.stationId), peopleScope(ctx), options.open ? isNull(dangerReports.acknowledgedAt) : sql`true`))
    .orderBy(desc(dangerReports.reportedAt))
    .limit(200);
  return rows.map(({ report, personName, villageName, reporter }) => ({
    id: report.id,
    personId: report.personId,
    personName,
    villageName,
    reportedAt: report.reportedAt.toISOString(),
    reportedTo: report.reportedTo,
    what: report.what,
    reportedBy: reporter,
    acknowledgedAt: report.acknowledgedAt?.toISOString() ?? null,
  }));
}

export async function acknowledgeDangerReport(ctx: Ctx, id: string): Promise<void> {
  const [report] = await ctx.db.select().from(dangerReports).where(and(eq(dangerReports.id, id), stationScope(ctx, dangerReports.stationId)));
  if (!report) throw notFound();
  if (report.acknowledgedAt) return;
  await inTransaction(ctx, async (tx) => {
    await tx.db.update(dangerReports).set({ acknowledgedAt: tx.now, acknowledgedBy: actorOf(tx).userId }).where(eq(dangerReports.id, id));
    await recordAudit(tx, { action: 'danger_report.acknowledge', entityType: 'danger_report', entityId: id, stationId: report.stationId });
  });
}
