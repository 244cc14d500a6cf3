import ExcelJS from 'exceljs';
import { and, count, desc, eq, lt, or, type SQL } from 'drizzle-orm';
import type { Ctx } from '../../context';
import { orgs, people, surveyResponses } from '../../db/schema/index';
import { AppError } from '../../errors';
import { recordAudit } from '../../audit/audit';
import { writtenDay } from '../../xlsx';
import { todayOf } from '../people/people.service';
import { userNames } from '../users/users.service';
import { AGE_BANDS, GENDERS, GROUPS, QUESTION_TYPES, RESPONSE_SOURCES, type AgeBand, type GroupCode } from '../../../shared/codes';
import type { Lang } from '../../../shared/i18n';
import type { ExportResponsesQuery, Question } from '../../../shared/schemas/surveys';
import { answerCell, questionsAcrossVersions, shanghaiMinute } from './surveys.rules';
import { loadSurveyRow, versionsOf } from './surveys.service';
import { responseConditions } from './responses.service';

export const MAX_RESPONSE_EXPORT_ROWS = 50_000;
const PAGE = 1000;

const TEXT = {
  sheet: { 'zh-CN': '答卷', 'en-US': 'Responses' },
  codebook: { 'zh-CN': '题目', 'en-US': 'Questions' },
  anonymous: { 'zh-CN': '匿名', 'en-US': 'Anonymous' },
  fileName: { 'zh-CN': '答卷', 'en-US': 'responses' },
  before: {
    'zh-CN': ['答卷编号', '问卷版本', '填写时间', '填写人', '填写方式', '受访者', '村(社区)', '性别', '年龄段', '服务对象类别'],
    'en-US': ['Response id', 'Version', 'Collected at', 'Collected by', 'Source', 'Respondent', 'Village', 'Sex', 'Age band', 'Groups'],
  },
  note: { 'zh-CN': '访谈备注', 'en-US': 'Interviewer’s note' },
  codebookHeaders: {
    'zh-CN': ['题目编号', '题型', '题目', '选项（值＝标签）', '必答', '出现在版本'],
    'en-US': ['Key', 'Type', 'Question', 'Options (value = label)', 'Required', 'In versions'],
  },
} as const;

/** A sheet name Excel accepts: at most 31 characters, none of []:*?/\ . */
function sheetName(name: string): string {
  return name.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31) || 'Sheet1';
}

/**
 * A survey's responses as a workbook: one row a response, one column a question (every key any
 * version asked, the current version's first), answers as their labels (multiple choices joined
 * with 、, rankings numbered), and a second sheet describing the questions. At most 50,000 rows,
 * read in keyset pages of 1,000. Audited.
 */
export async function exportResponses(ctx: Ctx, surveyId: string, query: ExportResponsesQuery): Promise<{ fileName: string; body: Buffer; rows: number }> {
  const lang: Lang = ctx.lang;
  const zh = lang === 'zh-CN';
  const survey = await loadSurveyRow(ctx, surveyId);
  const conditions = responseConditions(survey, query);
  const [total] = await ctx.db
    .select({ n: count() })
    .from(surveyResponses)
    .where(and(...conditions));
  if (Number(total?.n ?? 0) > MAX_RESPONSE_EXPORT_ROWS) throw new AppError('VALIDATION_FAILED', { details: [{ path: '', messageKey: 'survey.exportTooMany' }] });

  const versions = await versionsOf(ctx, survey);
  const byVersion = new Map(versions.map((v) => [v.number, new Map(v.questions.map((q) => [q.key, q]))]));
  const { questions } = questionsAcrossVersions(versions, survey.currentVersion);
  const seenTexts = new Set<string>();
  const questionHeaders = questions.map((q) => {
    const header = seenTexts.has(q.text) ? `${q.text} (${q.key})` : q.text;
    seenTexts.add(q.text);
    return header;
  });

  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'LastMeter 最后一米';
  const sheet = workbook.addWorksheet(sheetName(`${TEXT.sheet[lang]}-${survey.title}`));
  const headers = [...TEXT.before[lang], ...questionHeaders, TEXT.note[lang]];
  const header = sheet.addRow(headers);
  header.font = { bold: true };
  header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEFF5FB' } };
  header.alignment = { wrapText: true, vertical: 'top' };
  sheet.views = [{ state: 'frozen', ySplit: 1, xSplit: 1 }];
  const widths = [38, 8, 17, 10, 12, 10, 12, 6, 10, 18];
  headers.forEach((_, index) => (sheet.getColumn(index + 1).width = widths[index] ?? 22));

  const separator = zh ? '、' : ', ';
  let written = 0;
  let after: { at: Date; id: string } | null = null;
  for (;;) {
    const where: SQL[] = [...conditions];
    if (after) where.push(or(lt(surveyResponses.collectedAt, after.at), and(eq(surveyResponses.collectedAt, after.at), lt(surveyResponses.id, after.id)))!);
    const page = await ctx.db
      .select({ row: surveyResponses, personName: people.name, villageName: orgs.name })
      .from(surveyResponses)
      .leftJoin(people, eq(people.id, surveyResponses.personId))
      .leftJoin(orgs, eq(orgs.id, surveyResponses.villageId))
      .where(and(...where))
      .orderBy(desc(surveyResponses.collectedAt), desc(surveyResponses.id))
      .limit(PAGE);
    const collectors = await userNames(
      ctx,
      page.map((p) => p.row.collectedBy),
    );
    for (const { row, personName, villageName } of page) {
      const own = byVersion.get(row.versionNumber);
      sheet.addRow([
        row.id,
        row.versionNumber,
        shanghaiMinute(row.collectedAt),
        collectors.get(row.collectedBy) ?? '',
        RESPONSE_SOURCES[row.source][lang],
        row.personId ? (personName ?? '') : TEXT.anonymous[lang],
        villageName ?? '',
        row.gender ? GENDERS[row.gender][lang] : '',
        row.ageBand && row.ageBand in AGE_BANDS ? AGE_BANDS[row.ageBand as AgeBand][lang] : '',
        row.groups.map((g) => (g in GROUPS ? GROUPS[g as GroupCode][lang] : g)).join(separator),
        ...questions.map((q) => answerCell(own?.get(q.key) ?? q, row.answers[q.key], separator)),
        row.note ?? '',
      ]);
    }
    written += page.length;
    const last = page.at(-1);
    if (page.length < PAGE || !last) break;
    after = { at: last.row.collectedAt, id: last.row.id };
  }

  const codebook = workbook.addWorksheet(TEXT.codebook[lang]);
  const codebookHeader = codebook.addRow([...TEXT.codebookHeaders[lang]]);
  codebookHeader.font = { bold: true };
  [16, 10, 48, 60, 6, 12].forEach((width, index) => (codebook.getColumn(index + 1).width = width));
  const inVersions = (q: Question) =>
    versions
      .filter((v) => v.questions.some((vq) => vq.key === q.key))
      .map((v) => v.number)
      .join(', ');
  for (const q of questions) {
    codebook.addRow([
      q.key,
      QUESTION_TYPES[q.type][lang],
      q.text,
      (q.options ?? []).map((o) => `${o.value}＝${o.label}`).join(zh ? '；' : '; '),
      q.required ? (zh ? '是' : 'yes') : '',
      inVersions(q),
    ]);
  }

  await recordAudit(ctx, {
    action: 'survey.responses.export',
    entityType: 'survey',
    entityId: survey.id,
    stationId: survey.stationId,
    details: { surveyId: survey.id, rows: written, filters: { ...query } },
  });
  const body = Buffer.from(await workbook.xlsx.writeBuffer());
  return { fileName: `${survey.title}-${TEXT.fileName[lang]}-${writtenDay(todayOf(ctx), lang)}.xlsx`, body, rows: written };
}
