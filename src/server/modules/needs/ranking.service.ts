import ExcelJS from 'exceljs';
import { actorOf, type Ctx } from '../../context';
import { recordAudit } from '../../audit/audit';
import { writtenDay } from '../../xlsx';
import { allStations } from '../orgs/orgs.service';
import { todayOf } from '../people/people.service';
import { needCountsOfResponses, type NeedCountsFilter } from '../surveys/need-counts.service';
import { loadSurveyRow } from '../surveys/surveys.service';
import { GROUPS, NEED_TYPES } from '../../../shared/codes';
import type { Lang } from '../../../shared/i18n';
import type { Ranking, RankingQuery } from '../../../shared/schemas/needs';
import { rankNeeds } from './needs.rules';
import { requireStationFilter, requireVillageFilter } from './needs.service';
import { rankingChartHeight, rankingChartOption, renderChartSvg } from './ranking-chart';

const TEXT = {
  'zh-CN': {
    ranking: '需求排序',
    headers: ['排序', '需求', '人数', '占比', '首选人数'],
    station: '社工站',
    allStations: '全部社工站',
    village: '村(社区)',
    survey: '问卷',
    period: '时间',
    allDates: '全部时间',
    respondents: (n: number) => `受访 ${n} 人`,
    people: (n: number) => `${n} 人`,
    exported: '导出于',
    separator: '；',
  },
  'en-US': {
    ranking: 'Needs ranking',
    headers: ['Rank', 'Need', 'Respondents', 'Share', 'First choice'],
    station: 'Station',
    allStations: 'all stations',
    village: 'Village',
    survey: 'Survey',
    period: 'Period',
    allDates: 'all dates',
    respondents: (n: number) => `${n} respondent${n === 1 ? '' : 's'}`,
    people: (n: number) => String(n),
    exported: 'exported',
    separator: '; ',
  },
} satisfies Record<Lang, unknown>;

interface CheckedQuery {
  query: RankingQuery;
  villageName: string | null;
  surveyTitle: string | null;
}

/** A station or survey named must be in the caller's scope (404, as for their records); a village must be one they see (400). */
async function checkQuery(ctx: Ctx, query: RankingQuery): Promise<CheckedQuery> {
  requireStationFilter(ctx, query.stationId);
  const village = await requireVillageFilter(ctx, query.villageId, query.stationId);
  const survey = query.surveyId ? await loadSurveyRow(ctx, query.surveyId) : null;
  return { query, villageName: village?.name ?? null, surveyTitle: survey?.title ?? null };
}

async function rank(ctx: Ctx, query: RankingQuery): Promise<Ranking> {
  const filter: NeedCountsFilter = { group: query.group };
  if (query.stationId) filter.stationId = query.stationId;
  if (query.villageId) filter.villageId = query.villageId;
  if (query.surveyId) filter.surveyId = query.surveyId;
  if (query.from) filter.from = query.from;
  if (query.to) filter.to = query.to;
  const counts = await needCountsOfResponses(ctx, filter);
  return {
    group: query.group,
    respondents: counts.respondents,
    items: rankNeeds(counts.respondents, counts.needs).map((need) => ({ ...need, label: NEED_TYPES[need.needType][ctx.lang] })),
  };
}

/**
 * The needs of a group ranked by how many respondents expressed them (GET /api/needs/ranking),
 * over the survey responses in the caller's stations. A station or survey named must be in scope
 * (404); a village must be one the caller sees, in that station (400).
 */
export async function needsRanking(ctx: Ctx, query: RankingQuery): Promise<Ranking> {
  const { query: checked } = await checkQuery(ctx, query);
  return rank(ctx, checked);
}

/** What the ranking is of, in words: station, village, survey and period. */
async function describeFilters(ctx: Ctx, checked: CheckedQuery): Promise<string> {
  const text = TEXT[ctx.lang];
  const { query } = checked;
  const actor = actorOf(ctx);
  const stationId = query.stationId ?? actor.stationId;
  const station = stationId ? ((await allStations(ctx)).find((s) => s.id === stationId)?.name ?? '—') : text.allStations;
  const colon = ctx.lang === 'zh-CN' ? '：' : ': ';
  const period =
    query.from || query.to ? `${query.from ? writtenDay(query.from, ctx.lang) : '…'} – ${query.to ? writtenDay(query.to, ctx.lang) : '…'}` : text.allDates;
  const parts = [`${text.station}${colon}${station}`];
  if (checked.villageName) parts.push(`${text.village}${colon}${checked.villageName}`);
  if (checked.surveyTitle) parts.push(`${text.survey}${colon}${checked.surveyTitle}`);
  parts.push(`${text.period}${colon}${period}`);
  return parts.join(text.separator);
}

function titleOf(ctx: Ctx, ranking: Ranking): string {
  const text = TEXT[ctx.lang];
  return ctx.lang === 'zh-CN'
    ? `${GROUPS[ranking.group][ctx.lang]}${text.ranking}（${text.respondents(ranking.respondents)}）`
    : `${text.ranking}: ${GROUPS[ranking.group][ctx.lang]} (${text.respondents(ranking.respondents)})`;
}

function fileNameOf(ctx: Ctx, ranking: Ranking, extension: string): string {
  const text = TEXT[ctx.lang];
  return `${text.ranking}-${GROUPS[ranking.group][ctx.lang]}-${todayOf(ctx)}.${extension}`;
}

async function auditExport(ctx: Ctx, query: RankingQuery, format: 'xlsx' | 'svg', ranking: Ranking): Promise<void> {
  await recordAudit(ctx, {
    action: 'needs.ranking.export',
    entityType: 'needs_ranking',
    stationId: query.stationId ?? actorOf(ctx).stationId,
    details: { format, filters: { ...query }, respondents: ranking.respondents, items: ranking.items.length },
  });
}

/**
 * The ranking as an Excel table: a title row naming the group, the filters and the respondents,
 * then rank, need, count, share (as a percentage) and first choices. Audited.
 */
export async function exportRanking(ctx: Ctx, query: RankingQuery): Promise<{ fileName: string; body: Buffer }> {
  const checked = await checkQuery(ctx, query);
  const ranking = await rank(ctx, checked.query);
  const text = TEXT[ctx.lang];
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'LastMeter 最后一米';
  const sheet = workbook.addWorksheet(text.ranking);
  const filters = await describeFilters(ctx, checked);
  sheet.getCell(1, 1).value = `${titleOf(ctx, ranking)} — ${filters} — ${text.exported} ${writtenDay(todayOf(ctx), ctx.lang)}`;
  sheet.getCell(1, 1).font = { bold: true, size: 13 };
  sheet.mergeCells(1, 1, 1, text.headers.length);
  const header = sheet.addRow(text.headers);
  header.font = { bold: true };
  header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEFF5FB' } };
  sheet.views = [{ state: 'frozen', ySplit: 2 }];
  [8, 28, 12, 10, 12].forEach((width, index) => (sheet.getColumn(index + 1).width = width));
  for (const item of ranking.items) sheet.addRow([item.rank, item.label, item.count, item.share, item.firstChoice]);
  sheet.getColumn(4).numFmt = '0.0%';
  await auditExport(ctx, query, 'xlsx', ranking);
  return { fileName: fileNameOf(ctx, ranking, 'xlsx'), body: Buffer.from(await workbook.xlsx.writeBuffer()) };
}

/** The ranking as a horizontal bar chart of shares, drawn on the server as SVG. Audited as an export. */
export async function rankingChartSvg(ctx: Ctx, query: RankingQuery): Promise<{ fileName: string; svg: string }> {
  const checked = await checkQuery(ctx, query);
  const ranking = await rank(ctx, checked.query);
  const text = TEXT[ctx.lang];
  const bars = ranking.items.map((item) => ({ label: item.label, share: item.share, count: item.count, rank: item.rank }));
  const svg = renderChartSvg(rankingChartOption(titleOf(ctx, ranking), bars, text.people), rankingChartHeight(bars.length));
  await auditExport(ctx, query, 'svg', ranking);
  return { fileName: fileNameOf(ctx, ranking, 'svg'), svg };
}
