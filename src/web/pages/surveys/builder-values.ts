import { CHOICE_QUESTION_TYPES, type GroupCode, type NeedTypeCode, type QuestionType, type SurveyMode } from '../../../shared/codes';
import type { CreateSurveyRequest, Question, Survey, SurveyTemplate } from './survey-types';

/**
 * The survey builder's draft: the survey as it is being edited, with what the API does not keep
 * (a stable id per card and option for React, and whether a key or value is still the automatic
 * one), and the pure operations on it. Keys of new questions follow their position (q1, q2 …)
 * until someone types one; conditions that name a renumbered question follow it.
 */

export interface DraftOption {
  uid: string;
  label: string;
  value: string;
  /** The value follows the need type (or the position) until it is typed. */
  autoValue: boolean;
  needType: NeedTypeCode | null;
}

export interface DraftQuestion {
  uid: string;
  key: string;
  /** The key follows the position until it is typed; saved questions keep theirs (results match by key). */
  autoKey: boolean;
  type: QuestionType;
  text: string;
  help: string;
  prompt: string;
  section: string;
  required: boolean;
  options: DraftOption[];
  maxChoices: number | null;
  scale: { min: number; max: number; minLabel: string; maxLabel: string };
  range: { min: number | null; max: number | null; integer: boolean; unit: string };
  showIf: { key: string; equals: string | number } | null;
}

export interface DraftSurvey {
  title: string;
  description: string;
  audience: GroupCode | null;
  mode: SurveyMode;
  templateKey: string | null;
  questions: DraftQuestion[];
}

let serial = 0;
/** A local id for a card or an option (never sent). */
export function newUid(): string {
  serial += 1;
  return `u${serial.toString(36)}${Math.random().toString(36).slice(2, 8)}`;
}

export const isChoiceType = (type: QuestionType) => CHOICE_QUESTION_TYPES.includes(type);

function blankOption(): DraftOption {
  return { uid: newUid(), label: '', value: '', autoValue: true, needType: null };
}

export function blankQuestion(type: QuestionType, section = ''): DraftQuestion {
  return {
    uid: newUid(),
    key: '',
    autoKey: true,
    type,
    text: '',
    help: '',
    prompt: '',
    section,
    required: false,
    options: isChoiceType(type) ? [blankOption(), blankOption()] : [],
    maxChoices: null,
    scale: { min: 1, max: 5, minLabel: '', maxLabel: '' },
    range: { min: null, max: null, integer: true, unit: '' },
    showIf: null,
  };
}

export function blankSurvey(): DraftSurvey {
  return normalise({ title: '', description: '', audience: null, mode: 'questionnaire', templateKey: null, questions: [{ ...blankQuestion('single'), required: true }] });
}

/** A saved question as a card: its key and option values are its own from now on. */
function fromQuestion(question: Question): DraftQuestion {
  return {
    uid: newUid(),
    key: question.key,
    autoKey: false,
    type: question.type,
    text: question.text,
    help: question.help ?? '',
    prompt: question.prompt ?? '',
    section: question.section ?? '',
    required: question.required ?? false,
    options: (question.options ?? []).map((option) => ({ uid: newUid(), label: option.label, value: option.value, autoValue: false, needType: option.needType ?? null })),
    maxChoices: question.maxChoices ?? null,
    scale: {
      min: question.scale?.min ?? 1,
      max: question.scale?.max ?? 5,
      minLabel: question.scale?.minLabel ?? '',
      maxLabel: question.scale?.maxLabel ?? '',
    },
    range: {
      min: question.range?.min ?? null,
      max: question.range?.max ?? null,
      integer: question.range?.integer ?? false,
      unit: question.range?.unit ?? '',
    },
    showIf: question.showIf ? { key: question.showIf.key, equals: question.showIf.equals } : null,
  };
}

export function fromSurvey(survey: Pick<Survey, 'title' | 'description' | 'audience' | 'mode' | 'templateKey' | 'questions'>): DraftSurvey {
  return {
    title: survey.title,
    description: survey.description ?? '',
    audience: survey.audience,
    mode: survey.mode,
    templateKey: survey.templateKey,
    questions: survey.questions.map(fromQuestion),
  };
}

export function fromTemplate(template: SurveyTemplate): DraftSurvey {
  return {
    title: template.title,
    description: template.description,
    audience: template.audience,
    mode: template.mode,
    templateKey: template.key,
    questions: template.questions.map(fromQuestion),
  };
}

const KEY_SHAPE = /^[a-z][a-z0-9_]{0,39}$/;
const VALUE_SHAPE = /^[a-z0-9_]{1,40}$/;

/** A free key: `q{position}`, or with a suffix when a typed key already has it. */
function freeKey(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}_${n}`)) return `${base}_${n}`;
}

/**
 * Gives automatic keys their positions and automatic option values their need type (or
 * position), keeping typed ones; conditions naming a renumbered key or value follow it, and a
 * condition naming a question that was deleted is dropped.
 */
export function normalise(draft: DraftSurvey): DraftSurvey {
  const fixedKeys = new Set(draft.questions.filter((q) => !q.autoKey).map((q) => q.key));
  const keyByUid = new Map<string, string>();
  const renamedKey = new Map<string, string>();
  const taken = new Set(fixedKeys);
  draft.questions.forEach((question, index) => {
    if (!question.autoKey) {
      keyByUid.set(question.uid, question.key);
      return;
    }
    const key = freeKey(`q${index + 1}`, taken);
    taken.add(key);
    keyByUid.set(question.uid, key);
    if (question.key && question.key !== key) renamedKey.set(question.key, key);
  });

  const renamedValue = new Map<string, Map<string, string>>();
  const questions = draft.questions.map((question) => {
    const key = keyByUid.get(question.uid) ?? question.key;
    if (!isChoiceType(question.type)) return { ...question, key };
    const fixedValues = new Set(question.options.filter((o) => !o.autoValue).map((o) => o.value));
    const values = new Set(fixedValues);
    const renamed = new Map<string, string>();
    const options = question.options.map((option, index) => {
      if (!option.autoValue) return option;
      const value = freeKey(option.needType ?? `o${index + 1}`, values);
      values.add(value);
      if (option.value && option.value !== value) renamed.set(option.value, value);
      return { ...option, value };
    });
    if (renamed.size > 0) renamedValue.set(question.key, renamed);
    return { ...question, key, options };
  });

  // Conditions still name the keys the draft came in with: follow each to its question's key now.
  const oldKeys = new Set(draft.questions.map((question) => question.key));
  // A condition on a question moved below it stays, so the save names the problem on its card.
  const withRules = questions.map((question) => {
    let showIf = question.showIf;
    if (showIf) {
      const target = oldKeys.has(showIf.key) ? (renamedKey.get(showIf.key) ?? showIf.key) : null;
      const values = renamedValue.get(showIf.key);
      const equals = typeof showIf.equals === 'string' ? (values?.get(showIf.equals) ?? showIf.equals) : showIf.equals;
      showIf = target === null ? null : { key: target, equals };
    }
    return showIf?.key === question.showIf?.key && showIf?.equals === question.showIf?.equals ? question : { ...question, showIf };
  });
  return { ...draft, questions: withRules };
}

export function addQuestion(draft: DraftSurvey, type: QuestionType, at = draft.questions.length): DraftSurvey {
  const before = draft.questions[at - 1];
  const questions = [...draft.questions];
  questions.splice(at, 0, blankQuestion(type, before?.section ?? ''));
  return normalise({ ...draft, questions });
}

export function moveQuestion(draft: DraftSurvey, index: number, step: -1 | 1): DraftSurvey {
  const target = index + step;
  if (target < 0 || target >= draft.questions.length) return draft;
  const questions = [...draft.questions];
  [questions[index], questions[target]] = [questions[target]!, questions[index]!];
  return normalise({ ...draft, questions });
}

export function duplicateQuestion(draft: DraftSurvey, index: number): DraftSurvey {
  const source = draft.questions[index];
  if (!source) return draft;
  const copy: DraftQuestion = {
    ...source,
    uid: newUid(),
    key: '',
    autoKey: true,
    options: source.options.map((option) => ({ ...option, uid: newUid() })),
  };
  const questions = [...draft.questions];
  questions.splice(index + 1, 0, copy);
  return normalise({ ...draft, questions });
}

export function removeQuestion(draft: DraftSurvey, index: number): DraftSurvey {
  return normalise({ ...draft, questions: draft.questions.filter((_, i) => i !== index) });
}

/** Conditions that name `key` (and, with `value`, that value of it) name the new one instead. */
function followRename(questions: DraftQuestion[], key: string, next: { key?: string; value?: [string, string] }): DraftQuestion[] {
  return questions.map((question) => {
    const rule = question.showIf;
    if (!rule || rule.key !== key) return question;
    const equals = next.value && rule.equals === next.value[0] ? next.value[1] : rule.equals;
    return { ...question, showIf: { key: next.key ?? rule.key, equals } };
  });
}

export function updateQuestion(draft: DraftSurvey, index: number, patch: Partial<DraftQuestion>): DraftSurvey {
  const current = draft.questions[index];
  const renamed = current && patch.key !== undefined && patch.key !== current.key;
  const base = renamed ? followRename(draft.questions, current.key, { key: patch.key }) : draft.questions;
  const questions = base.map((question, i) => {
    if (i !== index) return question;
    const next = { ...question, ...patch };
    if (patch.type && patch.type !== question.type) {
      // A choice question that becomes another type loses its options; one that becomes a choice gets two empty ones.
      if (!isChoiceType(patch.type)) next.options = [];
      else if (next.options.length === 0) next.options = [blankOption(), blankOption()];
      if (patch.type !== 'multi' && patch.type !== 'rank') next.maxChoices = null;
    }
    if (patch.key !== undefined) next.autoKey = false;
    return next;
  });
  return normalise({ ...draft, questions });
}

export function addOption(draft: DraftSurvey, index: number): DraftSurvey {
  const question = draft.questions[index];
  if (!question) return draft;
  return updateQuestion(draft, index, { options: [...question.options, blankOption()] });
}

export function updateOption(draft: DraftSurvey, index: number, optionIndex: number, patch: Partial<DraftOption>): DraftSurvey {
  const question = draft.questions[index];
  if (!question) return draft;
  const options = question.options.map((option, i) => (i === optionIndex ? { ...option, ...patch, autoValue: patch.value !== undefined ? false : option.autoValue } : option));
  const old = question.options[optionIndex];
  const typed = old && patch.value !== undefined && patch.value !== old.value ? patch.value : null;
  const base = typed !== null && old ? { ...draft, questions: followRename(draft.questions, question.key, { value: [old.value, typed] }) } : draft;
  return updateQuestion(base, index, { options });
}

export function removeOption(draft: DraftSurvey, index: number, optionIndex: number): DraftSurvey {
  const question = draft.questions[index];
  if (!question) return draft;
  return updateQuestion(draft, index, { options: question.options.filter((_, i) => i !== optionIndex) });
}

/** The earlier questions a condition may name: any but a text, before `index`. */
export function conditionSources(draft: DraftSurvey, index: number): DraftQuestion[] {
  return draft.questions.slice(0, index).filter((question) => question.type !== 'text');
}

/** The values a condition on `source` can compare with: its options, or its points; a number question's is typed. */
export function conditionValues(source: DraftQuestion): Array<{ value: string | number; label: string }> {
  if (source.type === 'number') return [];
  if (source.type === 'scale') {
    const points: Array<{ value: number; label: string }> = [];
    for (let point = source.scale.min; point <= source.scale.max; point++) points.push({ value: point, label: String(point) });
    return points;
  }
  return source.options.map((option) => ({ value: option.value, label: option.label || option.value }));
}

const orNull = (text: string) => (text.trim() === '' ? null : text.trim());

/** One card as the API's question; `forPreview` keeps half-written options so the preview shows them. */
export function toQuestion(question: DraftQuestion, forPreview = false): Question {
  const out: Question = { key: question.key, type: question.type, text: question.text.trim(), required: question.required };
  if (orNull(question.help)) out.help = orNull(question.help);
  if (orNull(question.prompt)) out.prompt = orNull(question.prompt);
  if (orNull(question.section)) out.section = orNull(question.section);
  if (isChoiceType(question.type)) {
    out.options = question.options
      .filter((option) => forPreview || option.label.trim() !== '')
      .map((option) => ({ value: option.value, label: option.label.trim(), ...(option.needType ? { needType: option.needType } : {}) }));
    if ((question.type === 'multi' || question.type === 'rank') && question.maxChoices) out.maxChoices = question.maxChoices;
  }
  if (question.type === 'scale') {
    out.scale = { min: question.scale.min, max: question.scale.max, minLabel: orNull(question.scale.minLabel), maxLabel: orNull(question.scale.maxLabel) };
  }
  if (question.type === 'number') {
    const range = question.range;
    out.range = { min: range.min, max: range.max, integer: range.integer, unit: orNull(range.unit) };
  }
  if (question.showIf) out.showIf = { key: question.showIf.key, equals: question.showIf.equals };
  return out;
}

export function toQuestions(draft: DraftSurvey, forPreview = false): Question[] {
  return draft.questions.map((question) => toQuestion(question, forPreview));
}

/** The draft as the body of POST /api/surveys (and, with a version, of PUT). */
export function toSurveyFields(draft: DraftSurvey): Omit<CreateSurveyRequest, 'status' | 'stationId'> & { audience: GroupCode } {
  return {
    title: draft.title.trim(),
    description: orNull(draft.description),
    // The builder refuses to save without an audience; the cast keeps the request's type honest there.
    audience: draft.audience ?? 'elder',
    mode: draft.mode,
    templateKey: draft.templateKey,
    questions: toQuestions(draft),
  };
}

/** Messages keyed like the server's paths (`title`, `questions.3.options.1.label`). */
export type DraftErrors = Record<string, string>;

/** What the builder itself finds wrong: keys of the messages `surveys.builder.errors`. */
export type DraftProblem =
  | 'titleRequired'
  | 'audienceRequired'
  | 'questionsRequired'
  | 'textRequired'
  | 'keyShape'
  | 'keyDuplicate'
  | 'optionsRequired'
  | 'valueShape'
  | 'valueDuplicate'
  | 'scaleRange'
  | 'rangeOrder';

/** The checks the builder makes before saving, keyed like the server's paths (the server makes them all again). */
export function draftProblems(draft: DraftSurvey): Record<string, DraftProblem> {
  const errors: Record<string, DraftProblem> = {};
  if (draft.title.trim() === '') errors.title = 'titleRequired';
  if (!draft.audience) errors.audience = 'audienceRequired';
  if (draft.questions.length === 0) errors.questions = 'questionsRequired';
  const keys = new Map<string, number>();
  draft.questions.forEach((question, index) => {
    const at = `questions.${index}`;
    if (question.text.trim() === '') errors[`${at}.text`] = 'textRequired';
    if (!KEY_SHAPE.test(question.key)) errors[`${at}.key`] = 'keyShape';
    else if (keys.has(question.key)) errors[`${at}.key`] = 'keyDuplicate';
    keys.set(question.key, index);
    if (isChoiceType(question.type)) {
      const filled = question.options.filter((option) => option.label.trim() !== '');
      if (filled.length < 2) errors[`${at}.options`] = 'optionsRequired';
      const values = new Set<string>();
      question.options.forEach((option, optionIndex) => {
        if (option.label.trim() === '') return;
        if (!VALUE_SHAPE.test(option.value)) errors[`${at}.options.${optionIndex}.value`] = 'valueShape';
        else if (values.has(option.value)) errors[`${at}.options.${optionIndex}.value`] = 'valueDuplicate';
        values.add(option.value);
      });
    }
    if (question.type === 'scale' && !(question.scale.min < question.scale.max)) errors[`${at}.scale`] = 'scaleRange';
    if (question.type === 'number' && question.range.min !== null && question.range.max !== null && question.range.min > question.range.max) {
      errors[`${at}.range`] = 'rangeOrder';
    }
  });
  return errors;
}

/** Where one question's errors go on its card: fields, options by index, and the rest (the card's top). */
export interface QuestionErrors {
  fields: Partial<Record<'key' | 'type' | 'text' | 'help' | 'prompt' | 'section' | 'options' | 'maxChoices' | 'scale' | 'range' | 'showIf', string>>;
  options: Record<number, string>;
  other: string[];
}

const CARD_FIELDS = new Set(['key', 'type', 'text', 'help', 'prompt', 'section', 'options', 'maxChoices', 'scale', 'range', 'showIf']);

export function questionErrors(errors: DraftErrors, index: number): QuestionErrors {
  const out: QuestionErrors = { fields: {}, options: {}, other: [] };
  const prefix = `questions.${index}`;
  for (const [path, message] of Object.entries(errors)) {
    if (path !== prefix && !path.startsWith(`${prefix}.`)) continue;
    const [field = '', second, ...rest] = path.slice(prefix.length + 1).split('.');
    if (field === 'options' && second !== undefined && /^\d+$/.test(second)) {
      const optionIndex = Number(second);
      out.options[optionIndex] = out.options[optionIndex] ? `${out.options[optionIndex]} ${message}` : message;
      void rest;
    } else if (CARD_FIELDS.has(field)) {
      const name = field as keyof QuestionErrors['fields'];
      out.fields[name] = out.fields[name] ? `${out.fields[name]} ${message}` : message;
    } else out.other.push(message);
  }
  return out;
}

/** The first path of a set of errors in the order of the page (survey fields, then questions in order). */
export function firstErrorPath(errors: DraftErrors): string | null {
  const paths = Object.keys(errors);
  if (paths.length === 0) return null;
  const rank = (path: string) => {
    const match = /^questions\.(\d+)/.exec(path);
    return match ? 10 + Number(match[1]) : ['title', 'description', 'audience', 'mode', 'questions'].indexOf(path.split('.')[0] ?? '');
  };
  return [...paths].sort((a, b) => rank(a) - rank(b))[0] ?? null;
}

/**
 * A server issue's path on the draft: `questions.3.key` as given, or, when the issue names only
 * the question (`{ path: 'questions', question: 'q3' }`), that question's card.
 */
export function issuePath(issue: { path: string; question?: string | null }, draft: DraftSurvey): string {
  if (/^questions\.\d+/.test(issue.path) || !issue.question) return issue.path;
  const index = draft.questions.findIndex((question) => question.key === issue.question);
  return index >= 0 ? `questions.${index}` : issue.path;
}
