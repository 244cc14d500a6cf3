import { CHOICE_QUESTION_TYPES, type NeedTypeCode, type QuestionType, type SurveyStatus } from '../../../shared/codes';
import type { FieldMessageKey } from '../../../shared/errors';
import type { AnswerValue, Question, QuestionOption, QuestionResult } from '../../../shared/schemas/surveys';

/**
 * A problem with a survey's questions or with a response's answers, naming the question: the
 * details entry of a 400 carries `question` (its key) and `questionText` besides path and message.
 */
export interface QuestionProblem {
  path: string;
  messageKey: FieldMessageKey;
  question: string;
  questionText: string | null;
}

export const DEFAULT_SCALE = { min: 1, max: 5 } as const;

export function isChoice(type: QuestionType): boolean {
  return CHOICE_QUESTION_TYPES.includes(type);
}

export function scaleOf(question: Question): { min: number; max: number } {
  return { min: question.scale?.min ?? DEFAULT_SCALE.min, max: question.scale?.max ?? DEFAULT_SCALE.max };
}

// ---------------------------------------------------------------------------------------------
// Definitions

/**
 * Every problem of a survey's questions, each naming its question: duplicate keys, choice
 * questions without two options, options where none belong, duplicate option values, a scale or
 * range the wrong way round, and conditions (`showIf`) naming an unknown, later or text question
 * or a value the named question cannot take.
 */
export function checkSurveyDefinition(questions: readonly Question[]): QuestionProblem[] {
  const problems: QuestionProblem[] = [];
  const firstIndex = new Map<string, number>();
  questions.forEach((q, i) => {
    if (!firstIndex.has(q.key)) firstIndex.set(q.key, i);
  });
  questions.forEach((q, i) => {
    const at = (path: string, messageKey: FieldMessageKey) => problems.push({ path: `questions.${i}${path}`, messageKey, question: q.key, questionText: q.text });
    if (firstIndex.get(q.key) !== i) at('.key', 'survey.keyDuplicate');
    const options = q.options ?? [];
    if (isChoice(q.type)) {
      if (options.length < 2) at('.options', 'survey.optionsRequired');
      const seen = new Set<string>();
      options.forEach((option, j) => {
        if (seen.has(option.value)) at(`.options.${j}.value`, 'survey.optionDuplicate');
        seen.add(option.value);
      });
    } else if (options.length > 0) {
      at('.options', 'survey.optionsNotAllowed');
    }
    if (q.type === 'scale') {
      const { min, max } = scaleOf(q);
      if (min >= max) at('.scale', 'survey.scaleRange');
    }
    if (q.type === 'number' && q.range && typeof q.range.min === 'number' && typeof q.range.max === 'number' && q.range.min > q.range.max) at('.range', 'survey.rangeOrder');
    if (q.showIf) {
      const target = firstIndex.get(q.showIf.key);
      if (target === undefined) at('.showIf.key', 'survey.showIfUnknown');
      else if (target >= i) at('.showIf.key', 'survey.showIfLater');
      else {
        const named = questions[target]!;
        if (named.type === 'text') at('.showIf.key', 'survey.showIfType');
        else if (!showIfValueFits(named, q.showIf.equals)) at('.showIf.equals', 'survey.showIfValue');
      }
    }
  });
  return problems;
}

function showIfValueFits(named: Question, equals: string | number): boolean {
  if (isChoice(named.type)) return typeof equals === 'string' && (named.options ?? []).some((o) => o.value === equals);
  if (typeof equals !== 'number') return false;
  if (named.type === 'scale') {
    const { min, max } = scaleOf(named);
    return Number.isInteger(equals) && equals >= min && equals <= max;
  }
  return true;
}

/**
 * A question as stored: only the fields its type uses (a builder that changed a question's type
 * may still send the old type's settings), no empty values, a scale's points written out.
 */
export function normaliseQuestion(q: Question): Question {
  const out: Question = { key: q.key, type: q.type, text: q.text };
  if (q.prompt) out.prompt = q.prompt;
  if (q.help) out.help = q.help;
  if (q.section) out.section = q.section;
  if (q.required) out.required = true;
  if (isChoice(q.type)) {
    out.options = (q.options ?? []).map((o) => (o.needType ? { value: o.value, label: o.label, needType: o.needType } : { value: o.value, label: o.label }));
    if ((q.type === 'multi' || q.type === 'rank') && q.maxChoices) out.maxChoices = q.maxChoices;
  }
  if (q.type === 'scale') {
    const { min, max } = scaleOf(q);
    out.scale = { min, max, ...(q.scale?.minLabel ? { minLabel: q.scale.minLabel } : {}), ...(q.scale?.maxLabel ? { maxLabel: q.scale.maxLabel } : {}) };
  }
  if (q.type === 'number' && q.range) {
    const range: NonNullable<Question['range']> = {};
    if (typeof q.range.min === 'number') range.min = q.range.min;
    if (typeof q.range.max === 'number') range.max = q.range.max;
    if (q.range.integer) range.integer = true;
    if (q.range.unit) range.unit = q.range.unit;
    if (Object.keys(range).length > 0) out.range = range;
  }
  if (q.showIf) out.showIf = { key: q.showIf.key, equals: q.showIf.equals };
  return out;
}

/** JSON with object keys sorted, so two equal question lists compare equal whatever order the client wrote keys in. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value)
      .filter(([, v]) => v !== undefined && v !== null)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

export function sameQuestions(a: readonly Question[], b: readonly Question[]): boolean {
  return canonicalJson(a) === canonicalJson(b);
}

const STATUS_MOVES: Record<SurveyStatus, SurveyStatus[]> = {
  draft: ['open'],
  open: ['closed'],
  closed: ['open'],
};

/** draft → open → closed, and closed → open (reopen); staying put is always allowed. */
export function statusMoveAllowed(from: SurveyStatus, to: SurveyStatus): boolean {
  return from === to || STATUS_MOVES[from].includes(to);
}

// ---------------------------------------------------------------------------------------------
// Answers

/** Whether an answer to the question a condition names meets it (the answer as stored or sent). */
export function conditionHolds(named: Question, answer: unknown, equals: string | number): boolean {
  if (answer === null || answer === undefined) return false;
  switch (named.type) {
    case 'single':
      return typeof answer === 'string' && answer === String(equals);
    case 'multi':
    case 'rank':
      return Array.isArray(answer) && answer.includes(String(equals));
    case 'scale':
    case 'number':
      return typeof answer === 'number' && answer === Number(equals);
    default:
      return false;
  }
}

/**
 * The keys of the questions shown to a respondent with these answers. A question with a
 * condition is shown when the question it names is shown and its answer meets the condition, so
 * hiding one question hides every question that depends on it.
 */
export function visibleKeys(questions: readonly Question[], answers: Readonly<Record<string, unknown>>): Set<string> {
  const byKey = new Map(questions.map((q) => [q.key, q]));
  const visible = new Set<string>();
  for (const q of questions) {
    if (!q.showIf) {
      visible.add(q.key);
      continue;
    }
    const named = byKey.get(q.showIf.key);
    if (named && visible.has(named.key) && conditionHolds(named, answers[named.key], q.showIf.equals)) visible.add(q.key);
  }
  return visible;
}

function isBlank(value: unknown): boolean {
  return value === null || value === undefined || (typeof value === 'string' && value.trim() === '') || (Array.isArray(value) && value.length === 0);
}

/** One answer checked against its question: the stored value, or the problem. */
function checkOne(q: Question, value: unknown): { value: AnswerValue } | { problem: FieldMessageKey } {
  const offered = new Set((q.options ?? []).map((o) => o.value));
  switch (q.type) {
    case 'single':
      if (typeof value !== 'string') return { problem: 'survey.answerType' };
      if (!offered.has(value)) return { problem: 'survey.optionUnknown' };
      return { value };
    case 'multi': {
      if (!Array.isArray(value) || !value.every((v) => typeof v === 'string')) return { problem: 'survey.answerType' };
      const chosen = [...new Set(value)];
      if (chosen.some((v) => !offered.has(v))) return { problem: 'survey.optionUnknown' };
      if (q.maxChoices && chosen.length > q.maxChoices) return { problem: 'survey.tooManyChoices' };
      return { value: chosen };
    }
    case 'rank': {
      if (!Array.isArray(value) || !value.every((v) => typeof v === 'string')) return { problem: 'survey.answerType' };
      const ranked = value;
      if (ranked.some((v) => !offered.has(v))) return { problem: 'survey.optionUnknown' };
      if (new Set(ranked).size !== ranked.length) return { problem: 'survey.rankRepeated' };
      if (q.maxChoices && ranked.length > q.maxChoices) return { problem: 'survey.tooManyChoices' };
      return { value: ranked };
    }
    case 'scale': {
      if (typeof value !== 'number' || !Number.isFinite(value)) return { problem: 'survey.answerType' };
      const { min, max } = scaleOf(q);
      if (!Number.isInteger(value) || value < min || value > max) return { problem: 'survey.scaleOut' };
      return { value };
    }
    case 'number': {
      if (typeof value !== 'number' || !Number.isFinite(value)) return { problem: 'survey.answerType' };
      if (q.range?.integer && !Number.isInteger(value)) return { problem: 'survey.numberInteger' };
      if ((typeof q.range?.min === 'number' && value < q.range.min) || (typeof q.range?.max === 'number' && value > q.range.max)) return { problem: 'survey.numberOut' };
      return { value };
    }
    case 'text':
      if (typeof value !== 'string') return { problem: 'survey.answerType' };
      return { value: value.trim() };
    default:
      return { problem: 'survey.answerType' };
  }
}

export interface CheckedAnswers {
  problems: QuestionProblem[];
  /** The answers as stored: shown and answered questions only, blanks left out, multi choices without repeats, texts trimmed. */
  answers: Record<string, AnswerValue>;
}

/**
 * Checks a response's answers against the questions of its version: every answer names a
 * question and fits it, a question hidden by the skip logic is not answered, and every shown
 * required question is. Blank answers (null, '', []) count as not answered. Every problem is
 * reported, each at `answers.<key>` naming the question.
 */
export function checkAnswers(questions: readonly Question[], raw: Readonly<Record<string, unknown>>): CheckedAnswers {
  const problems: QuestionProblem[] = [];
  const answers: Record<string, AnswerValue> = {};
  const byKey = new Map(questions.map((q) => [q.key, q]));
  const visible = visibleKeys(questions, raw);
  for (const q of questions) {
    const value = raw[q.key];
    const problem = (messageKey: FieldMessageKey) => problems.push({ path: `answers.${q.key}`, messageKey, question: q.key, questionText: q.text });
    if (isBlank(value)) {
      if (q.required && visible.has(q.key)) problem('survey.answerRequired');
      continue;
    }
    if (!visible.has(q.key)) {
      problem('survey.answerHidden');
      continue;
    }
    const checked = checkOne(q, value);
    if ('problem' in checked) problem(checked.problem);
    else answers[q.key] = checked.value;
  }
  for (const key of Object.keys(raw)) {
    if (!byKey.has(key) && !isBlank(raw[key])) problems.push({ path: `answers.${key}`, messageKey: 'survey.questionUnknown', question: key, questionText: null });
  }
  return { problems, answers };
}

/**
 * The needs a response expresses: the need type of every chosen option (single, multi and rank
 * answers), and, for the ranking's "first choice", those chosen in single-choice answers or put
 * first in a ranking. In question order, each once.
 */
export function needTypesOf(questions: readonly Question[], answers: Readonly<Record<string, AnswerValue>>): { needTypes: NeedTypeCode[]; firstNeedTypes: NeedTypeCode[] } {
  const all = new Set<NeedTypeCode>();
  const first = new Set<NeedTypeCode>();
  for (const q of questions) {
    const value = answers[q.key];
    if (value === undefined || !isChoice(q.type)) continue;
    const needOf = new Map((q.options ?? []).filter((o): o is QuestionOption & { needType: NeedTypeCode } => !!o.needType).map((o) => [o.value, o.needType]));
    const chosen = Array.isArray(value) ? value : [String(value)];
    for (const v of chosen) {
      const need = needOf.get(v);
      if (need) all.add(need);
    }
    const lead = q.type === 'single' ? chosen[0] : q.type === 'rank' ? chosen[0] : undefined;
    const leadNeed = lead === undefined ? undefined : needOf.get(lead);
    if (leadNeed) first.add(leadNeed);
  }
  return { needTypes: [...all], firstNeedTypes: [...first] };
}

// ---------------------------------------------------------------------------------------------
// Arithmetic of results

export function roundTo(value: number, places: number): number {
  const factor = 10 ** places;
  return Math.round(value * factor) / factor;
}

/** count / of, 0–1, to four places; 0 when nobody answered. */
export function shareOf(count: number, of: number): number {
  return of > 0 ? roundTo(count / of, 4) : 0;
}

/** The mean place given an option by those who ranked it (1 = first), to two places; null when nobody did. */
export function meanRankOf(placeSum: number, count: number): number | null {
  return count > 0 ? roundTo(placeSum / count, 2) : null;
}

export interface ValueCount {
  value: number;
  count: number;
}

/** Mean, median, least and greatest of values given as counts per value; nulls when there are none. */
export function describeDistribution(distribution: readonly ValueCount[]): { mean: number | null; median: number | null; min: number | null; max: number | null } {
  const sorted = distribution.filter((d) => d.count > 0).sort((a, b) => a.value - b.value);
  const n = sorted.reduce((sum, d) => sum + d.count, 0);
  if (n === 0) return { mean: null, median: null, min: null, max: null };
  const total = sorted.reduce((sum, d) => sum + d.value * d.count, 0);
  // The median is the middle value (odd n) or the mean of the two middle values (even n), 1-based positions.
  const at = (position: number): number => {
    let seen = 0;
    for (const d of sorted) {
      seen += d.count;
      if (seen >= position) return d.value;
    }
    return sorted.at(-1)!.value;
  };
  const median = n % 2 === 1 ? at((n + 1) / 2) : (at(n / 2) + at(n / 2 + 1)) / 2;
  return { mean: roundTo(total / n, 2), median: roundTo(median, 2), min: sorted[0]!.value, max: sorted.at(-1)!.value };
}

/** Shanghai wall time of an instant as `YYYY-MM-DD HH:mm`, for ledgers. */
export function shanghaiMinute(instant: Date): string {
  return new Date(instant.getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
}

/** How an answer reads in a ledger cell: option labels (multi joined with 、, ranks numbered), numbers as numbers, text as written. */
export function answerCell(question: Question | undefined, value: AnswerValue | undefined, separator = '、'): string | number {
  if (value === undefined || value === null) return '';
  const label = (v: string) => question?.options?.find((o) => o.value === v)?.label ?? v;
  if (Array.isArray(value)) {
    if (question?.type === 'rank') return value.map((v, i) => `${i + 1}. ${label(v)}`).join(' ');
    return value.map(label).join(separator);
  }
  if (typeof value === 'number') return value;
  return question && isChoice(question.type) ? label(value) : value;
}

// ---------------------------------------------------------------------------------------------
// Results and cross-tabs from counted answers

/** How often one answer value was given: by how many respondents, the sum of its places (rank), how often first (rank). */
export interface ValueTally {
  count: number;
  placeSum: number;
  firstPlace: number;
}

export interface QuestionTally {
  /** Respondents shown the question. */
  asked: number;
  /** Respondents who answered it. */
  answered: number;
  /** Per answer value (an option value, or a number written as text). */
  values: ReadonlyMap<string, ValueTally>;
  /** Text answers, newest first. */
  texts?: readonly string[];
}

/** An option known only from an older version of the question: its label and need type there. */
export type KnownOptions = ReadonlyMap<string, { label: string; needType: QuestionOption['needType'] }>;

function numericValues(values: ReadonlyMap<string, ValueTally>): ValueCount[] {
  return [...values.entries()]
    .map(([value, tally]) => ({ value: Number(value), count: tally.count }))
    .filter((d) => Number.isFinite(d.value))
    .sort((a, b) => a.value - b.value);
}

/**
 * The result of one question from its counts: options with count, share of those who answered,
 * and for rankings the mean place and first places; distributions with mean and median for
 * scales and numbers; the latest texts. Values no longer offered (options of an older version)
 * follow the current options, labelled as they were.
 */
export function questionResult(question: Question, tally: QuestionTally, older: KnownOptions = new Map()): QuestionResult {
  const base = { key: question.key, type: question.type, text: question.text, section: question.section ?? null, asked: tally.asked, answered: tally.answered };
  if (isChoice(question.type)) {
    const offered = question.options ?? [];
    const offeredValues = new Set(offered.map((o) => o.value));
    const extra = [...tally.values.entries()]
      .filter(([value]) => !offeredValues.has(value))
      .sort((a, b) => b[1].count - a[1].count || (a[0] < b[0] ? -1 : 1))
      .map(([value]) => ({ value, label: older.get(value)?.label ?? value, needType: older.get(value)?.needType ?? null }));
    const rank = question.type === 'rank';
    const options = [...offered.map((o) => ({ value: o.value, label: o.label, needType: o.needType ?? null })), ...extra].map((o) => {
      const t = tally.values.get(o.value) ?? { count: 0, placeSum: 0, firstPlace: 0 };
      return {
        value: o.value,
        label: o.label,
        needType: o.needType,
        count: t.count,
        share: shareOf(t.count, tally.answered),
        meanRank: rank ? meanRankOf(t.placeSum, t.count) : null,
        firstPlace: rank ? t.firstPlace : null,
      };
    });
    return { ...base, options };
  }
  if (question.type === 'scale' || question.type === 'number') {
    let distribution = numericValues(tally.values);
    if (question.type === 'scale') {
      const { min, max } = scaleOf(question);
      const points = Array.from({ length: max - min + 1 }, (_, i) => min + i);
      const outside = distribution.filter((d) => d.value < min || d.value > max);
      distribution = [...points.map((value) => ({ value, count: tally.values.get(String(value))?.count ?? 0 })), ...outside].sort((a, b) => a.value - b.value);
    }
    return { ...base, distribution, ...describeDistribution(distribution) };
  }
  return { ...base, texts: [...(tally.texts ?? [])].slice(0, 50) };
}

export interface CrosstabCounts {
  /** Respondents who answered the question, per row value. */
  respondents: ReadonlyMap<string, number>;
  /** Per row value, per column value: respondents who chose it. */
  cells: ReadonlyMap<string, ReadonlyMap<string, number>>;
}

/** Cross-tab rows in the given order (rows nobody answered in are left out), each cell a count and a share of the row's respondents. */
export function crosstabRows(
  columns: readonly { value: string }[],
  rows: readonly { value: string; label: string }[],
  counts: CrosstabCounts,
): { value: string; label: string; respondents: number; cells: { value: string; count: number; share: number }[] }[] {
  return rows
    .filter((row) => (counts.respondents.get(row.value) ?? 0) > 0)
    .map((row) => {
      const respondents = counts.respondents.get(row.value) ?? 0;
      const cells = counts.cells.get(row.value);
      return {
        value: row.value,
        label: row.label,
        respondents,
        cells: columns.map((c) => {
          const count = cells?.get(c.value) ?? 0;
          return { value: c.value, count, share: shareOf(count, respondents) };
        }),
      };
    });
}

/**
 * The questions analysed across versions, matched by key: the current version's, in its order
 * and with its labels, then questions asked only in older versions (as last asked). For each
 * key, the options older versions offered, to label values the current one no longer offers.
 */
export function questionsAcrossVersions(versions: readonly { number: number; questions: readonly Question[] }[], current: number): { questions: Question[]; older: Map<string, KnownOptions> } {
  const newestFirst = [...versions].sort((a, b) => b.number - a.number);
  const currentQuestions = versions.find((v) => v.number === current)?.questions ?? [];
  const questions: Question[] = [...currentQuestions];
  const seen = new Set(questions.map((q) => q.key));
  const older = new Map<string, Map<string, { label: string; needType: QuestionOption['needType'] }>>();
  for (const version of newestFirst) {
    for (const q of version.questions) {
      if (!seen.has(q.key)) {
        seen.add(q.key);
        questions.push(q);
      }
      const known = older.get(q.key) ?? new Map<string, { label: string; needType: QuestionOption['needType'] }>();
      for (const option of q.options ?? []) if (!known.has(option.value)) known.set(option.value, { label: option.label, needType: option.needType ?? null });
      older.set(q.key, known);
    }
  }
  return { questions, older };
}

/**
 * The stored answer a condition needs, as a JSON object a response's answers contain exactly when
 * the named question was shown and its answer meets the condition (`answers @> this` in SQL).
 * Since hidden questions are never answered, this also covers chains of conditions.
 */
export function conditionContainment(questions: readonly Question[], question: Question): string | null {
  if (!question.showIf) return null;
  const named = questions.find((q) => q.key === question.showIf!.key);
  if (!named) return null;
  const { key, equals } = question.showIf;
  if (named.type === 'multi' || named.type === 'rank') return JSON.stringify({ [key]: [String(equals)] });
  if (named.type === 'scale' || named.type === 'number') return JSON.stringify({ [key]: Number(equals) });
  return JSON.stringify({ [key]: String(equals) });
}
