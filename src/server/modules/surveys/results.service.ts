import { and, eq, gte, lt, sql, type SQL } from 'drizzle-orm';
import type { Ctx } from '../../context';
import { surveyResponses } from '../../db/schema/index';
import { fieldError } from '../../errors';
import { dayStart } from '../../time';
import { villagesInScope } from '../orgs/orgs.service';
import { AGE_BAND_CODES, AGE_BANDS, GENDERS, GROUP_CODES, GROUPS, type GenderCode } from '../../../shared/codes';
import type { Label } from '../../../shared/i18n';
import type { Crosstab, CrosstabQuery, Question, ResultsQuery, SurveyResults } from '../../../shared/schemas/surveys';
import { conditionContainment, crosstabRows, isChoice, questionResult, questionsAcrossVersions, scaleOf, type KnownOptions, type ValueTally } from './surveys.rules';
import { loadSurveyRow, versionsOf, type SurveyRow } from './surveys.service';

/*
 * Results are counted in SQL (jsonb functions, the same on PGlite and PostgreSQL), not in memory:
 * two passes over the survey's responses (respondents and who was shown what per version; counts
 * per question and answer value) and, per text question, a read of its latest 50 answers along
 * the collected-at index. The arithmetic on those counts (shares, mean places, medians) is done
 * by the pure functions of surveys.rules.ts. No response is read into memory, so the reply does
 * not grow with the responses, and 20,000 of them are counted in a few hundred milliseconds at
 * most (on PostgreSQL on a busy two-core machine; an idle one is several times faster).
 */

const r = surveyResponses;

/** One answer as a set of rows (value, place): a list's elements in order, a single value at place 1. */
const elementsOf = (value: SQL) =>
  sql`jsonb_array_elements_text(case when jsonb_typeof(${value}) = 'array' then ${value} else jsonb_build_array(${value}) end) with ordinality`;

function analysisConditions(survey: SurveyRow, query: ResultsQuery): SQL[] {
  const conditions: SQL[] = [eq(r.surveyId, survey.id), eq(r.stationId, survey.stationId)];
  if (query.versionNumber) conditions.push(eq(r.versionNumber, query.versionNumber));
  if (query.villageId) conditions.push(eq(r.villageId, query.villageId));
  if (query.group) conditions.push(sql`${r.groups} @> array[${query.group}]::text[]`);
  if (query.gender) conditions.push(eq(r.gender, query.gender));
  if (query.ageBand) conditions.push(eq(r.ageBand, query.ageBand));
  if (query.from) conditions.push(gte(r.collectedAt, dayStart(query.from)));
  if (query.to) conditions.push(lt(r.collectedAt, dayStart(query.to, 1)));
  return conditions;
}

interface Analysed {
  survey: SurveyRow;
  versions: { number: number; questions: Question[] }[];
  questions: Question[];
  older: Map<string, KnownOptions>;
  where: SQL;
}

/** The survey, the versions analysed (one, or all with questions matched by key) and the filter. */
async function analysed(ctx: Ctx, surveyId: string, query: ResultsQuery): Promise<Analysed> {
  const survey = await loadSurveyRow(ctx, surveyId);
  const all = await versionsOf(ctx, survey);
  let versions = all;
  if (query.versionNumber) {
    versions = all.filter((v) => v.number === query.versionNumber);
    if (versions.length === 0) throw fieldError('versionNumber', 'survey.versionUnknown');
  }
  const current = query.versionNumber ?? survey.currentVersion;
  const { questions, older } = questionsAcrossVersions(versions, current);
  return { survey, versions, questions, older, where: and(...analysisConditions(survey, query))! };
}

async function rowsOf<T extends Record<string, unknown>>(ctx: Ctx, query: SQL): Promise<T[]> {
  const result = (await ctx.db.execute<T>(query)) as { rows: T[] };
  return result.rows;
}

/**
 * Respondents per version, how many of them were shown each question (skip logic hides some
 * from the rest), and how many answered each text question: one pass over the responses.
 */
async function versionCounts(ctx: Ctx, a: Analysed, textKeys: readonly string[]): Promise<{ respondents: number; asked: Map<string, number>; answeredTexts: Map<string, number> }> {
  const conditions = new Map<string, number>();
  const plan = a.versions.map((v) => ({
    number: v.number,
    questions: v.questions.map((q) => {
      const containment = conditionContainment(v.questions, q);
      if (containment !== null && !conditions.has(containment)) conditions.set(containment, conditions.size);
      return { key: q.key, containment };
    }),
  }));
  const columns = [
    ...[...conditions.keys()].map((json, i) => sql`count(*) filter (where ${r.answers} @> ${json}::jsonb)::int as ${sql.raw(`c${i}`)}`),
    ...textKeys.map((key, i) => sql`count(*) filter (where (${r.answers} -> ${key}) is not null)::int as ${sql.raw(`t${i}`)}`),
  ];
  const rows = await rowsOf<Record<string, number>>(
    ctx,
    sql`select ${r.versionNumber} as v, count(*)::int as n${columns.length > 0 ? sql`, ${sql.join(columns, sql`, `)}` : sql``} from ${r} where ${a.where} group by ${r.versionNumber}`,
  );
  const byVersion = new Map(rows.map((row) => [Number(row.v), row]));
  const asked = new Map<string, number>();
  const answeredTexts = new Map<string, number>(textKeys.map((key, i) => [key, rows.reduce((sum, row) => sum + Number(row[`t${i}`] ?? 0), 0)]));
  let respondents = 0;
  for (const version of plan) {
    const row = byVersion.get(version.number);
    if (!row) continue;
    respondents += Number(row.n);
    for (const q of version.questions) {
      const n = q.containment === null ? Number(row.n) : Number(row[`c${conditions.get(q.containment)!}`] ?? 0);
      asked.set(q.key, (asked.get(q.key) ?? 0) + n);
    }
  }
  return { respondents, asked, answeredTexts };
}

/** Per question and answer value: respondents, the sum of places and first places. */
async function valueTallies(ctx: Ctx, a: Analysed, keys: readonly string[]): Promise<Map<string, Map<string, ValueTally>>> {
  const tallies = new Map<string, Map<string, ValueTally>>();
  if (keys.length === 0) return tallies;
  const rows = await rowsOf<{ key: string; value: string; n: number; place_sum: number; first: number }>(
    ctx,
    sql`select a.key, e.value, count(*)::int as n, sum(e.ord)::int as place_sum, count(*) filter (where e.ord = 1)::int as first
        from ${r} cross join lateral jsonb_each(${r.answers}) as a(key, value)
        cross join lateral ${elementsOf(sql`a.value`)} as e(value, ord)
        where ${a.where} and a.key in (${sql.join(
          keys.map((k) => sql`${k}`),
          sql`, `,
        )})
        group by a.key, e.value`,
  );
  for (const row of rows) {
    const perKey = tallies.get(row.key) ?? new Map<string, ValueTally>();
    perKey.set(row.value, { count: Number(row.n), placeSum: Number(row.place_sum), firstPlace: Number(row.first) });
    tallies.set(row.key, perKey);
  }
  return tallies;
}

/** The latest 50 answers to a text question, newest first (read backwards along the survey's collected-at index). */
async function latestTexts(ctx: Ctx, a: Analysed, key: string): Promise<string[]> {
  const rows = await rowsOf<{ text: string }>(
    ctx,
    sql`select ${r.answers} ->> ${key} as text from ${r} where ${a.where} and (${r.answers} -> ${key}) is not null order by ${r.collectedAt} desc, ${r.id} desc limit 50`,
  );
  return rows.map((row) => row.text);
}

/** Per question: how many were asked and answered; option counts and shares (rank: mean place, first places); distributions; latest texts. */
export async function surveyResults(ctx: Ctx, surveyId: string, query: ResultsQuery): Promise<SurveyResults> {
  const a = await analysed(ctx, surveyId, query);
  const textKeys = a.questions.filter((q) => q.type === 'text').map((q) => q.key);
  // Queries one after another: the caller may be in a transaction, which has one connection.
  const { respondents, asked, answeredTexts } = await versionCounts(ctx, a, textKeys);
  const tallies = await valueTallies(
    ctx,
    a,
    a.questions.filter((q) => q.type !== 'text').map((q) => q.key),
  );
  const texts = new Map<string, string[]>();
  for (const key of textKeys) texts.set(key, await latestTexts(ctx, a, key));
  return {
    surveyId: a.survey.id,
    respondents,
    questions: a.questions.map((q) => {
      const values = tallies.get(q.key) ?? new Map<string, ValueTally>();
      // Every answer has exactly one element in first place, so the first places add up to the respondents who answered.
      const answered = q.type === 'text' ? (answeredTexts.get(q.key) ?? 0) : [...values.values()].reduce((sum, v) => sum + v.firstPlace, 0);
      return questionResult(q, { asked: asked.get(q.key) ?? 0, answered, values, texts: texts.get(q.key) ?? [] }, a.older.get(q.key));
    }),
  };
}

// ---------------------------------------------------------------------------------------------
// Cross-tabs

const NOT_RECORDED: Label = { 'zh-CN': '未登记', 'en-US': 'Not recorded' };

/** The row value of a response for a dimension, as SQL rows (a response is in each of its groups). */
function dimensionRows(by: CrosstabQuery['by']): SQL {
  switch (by) {
    case 'village':
      return sql`(select coalesce(${r.villageId}::text, '') as dim)`;
    case 'group':
      return sql`(select unnest(${r.groups}) as dim)`;
    case 'gender':
      return sql`(select coalesce(${r.gender}, '') as dim)`;
    case 'age_band':
      return sql`(select coalesce(${r.ageBand}, '') as dim)`;
  }
}

/** Per row value: respondents who answered the question (each answer has one element in first place) and counts per answer value. */
async function crossCounts(ctx: Ctx, a: Analysed, key: string, dimension: SQL): Promise<{ respondents: Map<string, number>; cells: Map<string, Map<string, number>> }> {
  const answer = sql`(${r.answers} -> ${key})`;
  const rows = await rowsOf<{ dim: string; value: string; n: number; first: number }>(
    ctx,
    sql`select d.dim, e.value, count(*)::int as n, count(*) filter (where e.ord = 1)::int as first
        from ${r} cross join lateral ${dimension} as d cross join lateral ${elementsOf(answer)} as e(value, ord)
        where ${a.where} and ${answer} is not null group by d.dim, e.value`,
  );
  const respondents = new Map<string, number>();
  const cells = new Map<string, Map<string, number>>();
  for (const row of rows) {
    const perRow = cells.get(row.dim) ?? new Map<string, number>();
    perRow.set(row.value, Number(row.n));
    cells.set(row.dim, perRow);
    respondents.set(row.dim, (respondents.get(row.dim) ?? 0) + Number(row.first));
  }
  return { respondents, cells };
}

/** Rows that do not overlap (every dimension but groups) add up to the total. */
function sumOfRows(counts: { respondents: Map<string, number>; cells: Map<string, Map<string, number>> }): { respondents: Map<string, number>; cells: Map<string, Map<string, number>> } {
  const cells = new Map<string, number>();
  for (const perRow of counts.cells.values()) for (const [value, n] of perRow) cells.set(value, (cells.get(value) ?? 0) + n);
  const respondents = [...counts.respondents.values()].reduce((sum, n) => sum + n, 0);
  return { respondents: new Map([['all', respondents]]), cells: new Map([['all', cells]]) };
}

async function rowLabels(ctx: Ctx, by: CrosstabQuery['by'], values: Iterable<string>): Promise<{ value: string; label: string }[]> {
  const lang = ctx.lang;
  const present = new Set(values);
  let rows: { value: string; label: string }[];
  switch (by) {
    case 'village': {
      const villages = await villagesInScope(ctx);
      rows = [...present]
        .filter((v) => v !== '')
        .map((value) => ({ value, label: villages.get(value)?.name ?? value }))
        .sort((x, y) => x.label.localeCompare(y.label, 'zh-CN'));
      break;
    }
    case 'group':
      rows = GROUP_CODES.filter((g) => present.has(g)).map((g) => ({ value: g, label: GROUPS[g][lang] }));
      break;
    case 'gender':
      rows = (Object.keys(GENDERS) as GenderCode[]).filter((g) => present.has(g)).map((g) => ({ value: g, label: GENDERS[g][lang] }));
      break;
    case 'age_band':
      rows = AGE_BAND_CODES.filter((b) => present.has(b)).map((b) => ({ value: b, label: AGE_BANDS[b][lang] }));
      break;
  }
  return present.has('') ? [...rows, { value: '', label: NOT_RECORDED[lang] }] : rows;
}

/** One question's answers by village, group, sex or age band: per row, respondents who answered and the share choosing each option (scale: each point). */
export async function surveyCrosstab(ctx: Ctx, surveyId: string, query: CrosstabQuery): Promise<Crosstab> {
  const a = await analysed(ctx, surveyId, query);
  const question = a.questions.find((q) => q.key === query.question);
  if (!question) throw fieldError('question', 'survey.questionUnknown');
  if (!isChoice(question.type) && question.type !== 'scale') throw fieldError('question', 'survey.crosstabType');

  let columns: { value: string; label: string }[];
  if (question.type === 'scale') {
    const { min, max } = scaleOf(question);
    columns = Array.from({ length: max - min + 1 }, (_, i) => {
      const point = min + i;
      const named = point === min ? question.scale?.minLabel : point === max ? question.scale?.maxLabel : null;
      return { value: String(point), label: named ? `${point} ${named}` : String(point) };
    });
  } else {
    columns = (question.options ?? []).map((o) => ({ value: o.value, label: o.label }));
  }
  const counts = await crossCounts(ctx, a, question.key, dimensionRows(query.by));
  // A response is in several groups, so group rows overlap and the total is counted on its own.
  const total = query.by === 'group' ? await crossCounts(ctx, a, question.key, sql`(select 'all' as dim)`) : sumOfRows(counts);
  // Values only older versions offered still count: they become columns after the current ones.
  const known = new Set(columns.map((c) => c.value));
  const older = a.older.get(question.key);
  for (const value of total.cells.get('all')?.keys() ?? []) {
    if (!known.has(value)) {
      known.add(value);
      columns.push({ value, label: older?.get(value)?.label ?? value });
    }
  }
  const [totalRow] = crosstabRows(columns, [{ value: 'all', label: '' }], total);
  return {
    question: { key: question.key, type: question.type, text: question.text },
    by: query.by,
    columns,
    rows: crosstabRows(columns, await rowLabels(ctx, query.by, counts.respondents.keys()), counts),
    total: totalRow ? { respondents: totalRow.respondents, cells: totalRow.cells } : { respondents: 0, cells: columns.map((c) => ({ value: c.value, count: 0, share: 0 })) },
  };
}
