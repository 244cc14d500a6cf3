import { and, asc, desc, eq, ilike, inArray, lt, or, sql, type SQL } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import { actorOf, inTransaction, type Ctx } from '../../context';
import { surveyResponses, surveys, surveyVersions } from '../../db/schema/index';
import { AppError, fieldError, notFound } from '../../errors';
import { isStationInScope, stationScope } from '../../auth/scope';
import { recordAudit } from '../../audit/audit';
import { decodeCursor, encodeCursor } from '../../pagination';
import { getOrg } from '../orgs/orgs.service';
import { userNames } from '../users/users.service';
import type { GroupCode } from '../../../shared/codes';
import type { ListSurveysQuery, Question, Survey, SurveySummary, SurveyVersion, UpdateSurveyRequest, zCreateSurveyRequest } from '../../../shared/schemas/surveys';
import type { z } from 'zod';
import { checkSurveyDefinition, normaliseQuestion, sameQuestions, statusMoveAllowed, type QuestionProblem } from './surveys.rules';

export type SurveyRow = typeof surveys.$inferSelect;

/** One advisory-lock space for surveys; the second key is the survey. See `lockSurveyForIntake`. */
export const SURVEY_LOCK_SPACE = 0x4c4d_5356; // "LMSV"

/** A 400 naming every bad question (or answer): each details entry carries the question's key and text. */
export function questionProblemsError(problems: readonly QuestionProblem[]): AppError {
  return new AppError('VALIDATION_FAILED', { details: problems.map((p) => ({ path: p.path, messageKey: p.messageKey, question: p.question, questionText: p.questionText })) });
}

/** A survey in the caller's scope, or 404. */
export async function loadSurveyRow(ctx: Ctx, id: string): Promise<SurveyRow> {
  const [row] = await ctx.db
    .select()
    .from(surveys)
    .where(and(eq(surveys.id, id), stationScope(ctx, surveys.stationId)));
  if (!row) throw notFound();
  return row;
}

/** Every version of a survey, oldest first (a handful: a new one is made only when questions change after responses came in). */
export async function versionsOf(ctx: Ctx, survey: Pick<SurveyRow, 'id' | 'stationId'>): Promise<{ number: number; createdAt: Date; questions: Question[] }[]> {
  return ctx.db
    .select({ number: surveyVersions.number, createdAt: surveyVersions.createdAt, questions: surveyVersions.questions })
    .from(surveyVersions)
    .where(and(eq(surveyVersions.surveyId, survey.id), eq(surveyVersions.stationId, survey.stationId)))
    .orderBy(asc(surveyVersions.number));
}

function staffRef(names: Map<string, string>, id: string) {
  return { id, name: names.get(id) ?? '—' };
}

function summaryOf(row: SurveyRow, extra: { questionCount: number; responseCount: number; lastResponseAt: Date | null; creatorName: string }): SurveySummary {
  return {
    id: row.id,
    stationId: row.stationId,
    title: row.title,
    audience: row.audience as GroupCode,
    mode: row.mode,
    status: row.status,
    currentVersion: row.currentVersion,
    questionCount: extra.questionCount,
    responseCount: extra.responseCount,
    lastResponseAt: extra.lastResponseAt?.toISOString() ?? null,
    templateKey: row.templateKey,
    createdAt: row.createdAt.toISOString(),
    createdBy: { id: row.createdBy, name: extra.creatorName },
    updatedAt: row.updatedAt.toISOString(),
    version: row.version,
  };
}

/** The whole survey: its current questions and every version with its response count. */
export async function surveyReply(ctx: Ctx, row: SurveyRow): Promise<Survey> {
  const versions = await versionsOf(ctx, row);
  const counts = await ctx.db
    .select({ number: surveyResponses.versionNumber, n: sql<number>`count(*)::int`, last: sql<Date | string | null>`max(${surveyResponses.collectedAt})` })
    .from(surveyResponses)
    .where(and(eq(surveyResponses.surveyId, row.id), eq(surveyResponses.stationId, row.stationId)))
    .groupBy(surveyResponses.versionNumber);
  const byNumber = new Map(counts.map((c) => [c.number, Number(c.n)]));
  const lasts = counts.map((c) => (c.last ? new Date(c.last).getTime() : 0)).filter((t) => t > 0);
  const names = await userNames(ctx, [row.createdBy]);
  const current = versions.find((v) => v.number === row.currentVersion);
  const questions = current?.questions ?? [];
  return {
    ...summaryOf(row, {
      questionCount: questions.length,
      responseCount: counts.reduce((sum, c) => sum + Number(c.n), 0),
      lastResponseAt: lasts.length > 0 ? new Date(Math.max(...lasts)) : null,
      creatorName: staffRef(names, row.createdBy).name,
    }),
    description: row.description,
    questions,
    versions: versions.map((v) => ({ number: v.number, createdAt: v.createdAt.toISOString(), responseCount: byNumber.get(v.number) ?? 0, questionCount: v.questions.length })),
  };
}

/** The station a new survey belongs to: a station user's own; a caller who sees several stations names one. */
async function surveyStation(ctx: Ctx, stationId: string | undefined): Promise<string> {
  const actor = actorOf(ctx);
  if (stationId) {
    if (!isStationInScope(ctx, stationId)) throw notFound();
    if (stationId === actor.stationId) return stationId;
    const org = await getOrg(ctx, stationId);
    if (org.level !== 'station') throw fieldError('stationId', 'survey.stationRequired');
    return stationId;
  }
  if (actor.stationId) return actor.stationId;
  throw fieldError('stationId', 'survey.stationRequired');
}

/** Checks and normalises questions as a survey will store them; 400 naming every bad question. */
export function preparedQuestions(questions: readonly Question[]): Question[] {
  const problems = checkSurveyDefinition(questions);
  if (problems.length > 0) throw questionProblemsError(problems);
  return questions.map(normaliseQuestion);
}

type CreateInput = z.output<typeof zCreateSurveyRequest>;

export async function createSurvey(ctx: Ctx, input: CreateInput): Promise<Survey> {
  const actor = actorOf(ctx);
  const questions = preparedQuestions(input.questions);
  const stationId = await surveyStation(ctx, input.stationId);
  const row: SurveyRow = {
    id: uuidv7(),
    stationId,
    title: input.title,
    description: input.description ?? null,
    audience: input.audience,
    mode: input.mode,
    status: input.status,
    currentVersion: 1,
    templateKey: input.templateKey ?? null,
    createdBy: actor.userId,
    updatedBy: actor.userId,
    createdAt: ctx.now,
    updatedAt: ctx.now,
    version: 1,
  };
  await inTransaction(ctx, async (tx) => {
    await tx.db.insert(surveys).values(row);
    await tx.db.insert(surveyVersions).values({ id: uuidv7(), stationId, surveyId: row.id, number: 1, questions, createdAt: ctx.now, createdBy: actor.userId });
    await recordAudit(tx, {
      action: 'survey.create',
      entityType: 'survey',
      entityId: row.id,
      stationId,
      details: { title: row.title, audience: row.audience, status: row.status, questions: questions.length, templateKey: row.templateKey },
    });
  });
  return {
    ...summaryOf(row, { questionCount: questions.length, responseCount: 0, lastResponseAt: null, creatorName: actor.displayName }),
    description: row.description,
    questions,
    versions: [{ number: 1, createdAt: ctx.now.toISOString(), responseCount: 0, questionCount: questions.length }],
  };
}

export async function getSurvey(ctx: Ctx, id: string): Promise<Survey> {
  return surveyReply(ctx, await loadSurveyRow(ctx, id));
}

export async function getSurveyVersion(ctx: Ctx, id: string, number: number): Promise<SurveyVersion> {
  const survey = await loadSurveyRow(ctx, id);
  const [row] = await ctx.db
    .select()
    .from(surveyVersions)
    .where(and(eq(surveyVersions.surveyId, survey.id), eq(surveyVersions.stationId, survey.stationId), eq(surveyVersions.number, number)));
  if (!row) throw notFound();
  return { surveyId: survey.id, number: row.number, createdAt: row.createdAt.toISOString(), questions: row.questions };
}

/** Surveys newest first (keyset on created_at, id), with each page's response counts counted from the responses. */
export async function findSurveys(ctx: Ctx, query: ListSurveysQuery): Promise<{ items: SurveySummary[]; nextCursor: string | null }> {
  const conditions: SQL[] = [stationScope(ctx, surveys.stationId)];
  if (query.stationId) conditions.push(eq(surveys.stationId, query.stationId));
  if (query.status) conditions.push(eq(surveys.status, query.status));
  if (query.audience) conditions.push(eq(surveys.audience, query.audience));
  if (query.q) conditions.push(ilike(surveys.title, `%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`));
  if (query.cursor) {
    const [at, id] = decodeCursor(query.cursor, 2);
    const after = new Date(at);
    if (Number.isNaN(after.getTime())) throw fieldError('cursor', 'cursor.invalid');
    conditions.push(or(lt(surveys.createdAt, after), and(eq(surveys.createdAt, after), lt(surveys.id, id)))!);
  }
  const rows = await ctx.db
    .select({ row: surveys, questionCount: sql<number>`jsonb_array_length(${surveyVersions.questions})::int` })
    .from(surveys)
    .innerJoin(surveyVersions, and(eq(surveyVersions.surveyId, surveys.id), eq(surveyVersions.number, surveys.currentVersion)))
    .where(and(...conditions))
    .orderBy(desc(surveys.createdAt), desc(surveys.id))
    .limit(query.limit + 1);
  const page = rows.slice(0, query.limit);
  const ids = page.map((r) => r.row.id);
  const counts =
    ids.length === 0
      ? []
      : await ctx.db
          .select({ surveyId: surveyResponses.surveyId, n: sql<number>`count(*)::int`, last: sql<Date | string | null>`max(${surveyResponses.collectedAt})` })
          .from(surveyResponses)
          .where(inArray(surveyResponses.surveyId, ids))
          .groupBy(surveyResponses.surveyId);
  const bySurvey = new Map(counts.map((c) => [c.surveyId, c]));
  const names = await userNames(
    ctx,
    page.map((r) => r.row.createdBy),
  );
  const items = page.map(({ row, questionCount }) => {
    const count = bySurvey.get(row.id);
    return summaryOf(row, {
      questionCount: Number(questionCount),
      responseCount: Number(count?.n ?? 0),
      lastResponseAt: count?.last ? new Date(count.last) : null,
      creatorName: staffRef(names, row.createdBy).name,
    });
  });
  const last = page.at(-1);
  return { items, nextCursor: rows.length > query.limit && last ? encodeCursor([last.row.createdAt.toISOString(), last.row.id]) : null };
}

/**
 * Changes a survey. New questions replace the current version's in place while it has no
 * responses; once it has, they become a new version (number + 1) and the old responses keep
 * theirs. Title, description, audience, mode and status never make a version. Status moves
 * draft → open → closed, and closed → open (reopen). A stale `version` → 409 with the current survey.
 */
export async function updateSurvey(ctx: Ctx, id: string, patch: UpdateSurveyRequest): Promise<Survey> {
  const actor = actorOf(ctx);
  const found = await loadSurveyRow(ctx, id);
  if (found.version !== patch.version) throw new AppError('VERSION_CONFLICT', { details: { current: await surveyReply(ctx, found) } });
  if (patch.status && !statusMoveAllowed(found.status, patch.status)) throw fieldError('status', 'survey.statusTransition');
  const questions = patch.questions ? preparedQuestions(patch.questions) : null;

  const fields: Partial<Pick<SurveyRow, 'title' | 'description' | 'audience' | 'mode' | 'status'>> = {};
  if (patch.title !== undefined) fields.title = patch.title;
  if (patch.description !== undefined) fields.description = patch.description ?? null;
  if (patch.audience !== undefined) fields.audience = patch.audience;
  if (patch.mode !== undefined) fields.mode = patch.mode;
  if (patch.status !== undefined) fields.status = patch.status;

  const updated = await inTransaction(ctx, async (tx) => {
    let currentVersion = found.currentVersion;
    let questionsChange: 'none' | 'edited' | 'new_version' = 'none';
    if (questions) {
      // Waits for intakes that are checking answers against the current questions (they hold the
      // lock shared), so no response is accepted against questions changed under it.
      await tx.db.execute(sql`select pg_advisory_xact_lock(${SURVEY_LOCK_SPACE}, hashtext(${id}))`);
      const [current] = await tx.db
        .select({ id: surveyVersions.id, questions: surveyVersions.questions })
        .from(surveyVersions)
        .where(and(eq(surveyVersions.surveyId, id), eq(surveyVersions.number, found.currentVersion)));
      if (!current) throw new Error(`survey ${id} has no version ${found.currentVersion}`);
      if (!sameQuestions(current.questions, questions)) {
        const answered = await tx.db
          .select({ one: sql<number>`1` })
          .from(surveyResponses)
          .where(and(eq(surveyResponses.surveyId, id), eq(surveyResponses.stationId, found.stationId), eq(surveyResponses.versionNumber, found.currentVersion)))
          .limit(1);
        if (answered.length > 0) {
          currentVersion = found.currentVersion + 1;
          questionsChange = 'new_version';
          await tx.db.insert(surveyVersions).values({ id: uuidv7(), stationId: found.stationId, surveyId: id, number: currentVersion, questions, createdAt: ctx.now, createdBy: actor.userId });
        } else {
          questionsChange = 'edited';
          await tx.db.update(surveyVersions).set({ questions }).where(eq(surveyVersions.id, current.id));
        }
      }
    }
    const [row] = await tx.db
      .update(surveys)
      .set({ ...fields, currentVersion, updatedAt: ctx.now, updatedBy: actor.userId, version: found.version + 1 })
      .where(and(eq(surveys.id, id), eq(surveys.version, patch.version)))
      .returning();
    if (!row) throw new AppError('VERSION_CONFLICT', { details: { current: await surveyReply(tx, await loadSurveyRow(tx, id)) } });
    await recordAudit(tx, {
      action: 'survey.update',
      entityType: 'survey',
      entityId: id,
      stationId: found.stationId,
      details: { fields: Object.keys(fields), questions: questionsChange, currentVersion, ...(fields.status ? { status: { from: found.status, to: fields.status } } : {}) },
    });
    return row;
  });
  return surveyReply(ctx, updated);
}
