import type { Answers, Question } from './survey-types';

/**
 * The rules a form applies while it is filled in: skip logic (showIf), what counts as answered,
 * progress, and the checks worth making before the server does. The server checks everything
 * again; these only spare the respondent a round trip.
 */

type Value = Answers[string] | undefined;

/** Whether `value` satisfies a showIf's `equals`: the chosen option (single), among the chosen (multi, rank), or the number. */
export function matches(value: Value, equals: string | number): boolean {
  if (value === null || value === undefined) return false;
  if (Array.isArray(value)) return value.includes(String(equals));
  if (typeof value === 'number') return value === (typeof equals === 'number' ? equals : Number(equals));
  return value === String(equals);
}

/**
 * The questions shown for these answers, in order. A question is shown when it has no showIf, or
 * when the question it names is itself shown and its answer matches; a hidden question's answer
 * never shows anything further (so chains of conditions work).
 */
export function visibleQuestions<Q extends Pick<Question, 'key' | 'showIf'>>(questions: readonly Q[], answers: Answers): Q[] {
  const shown = new Set<string>();
  const out: Q[] = [];
  for (const question of questions) {
    const rule = question.showIf;
    if (rule && !(shown.has(rule.key) && matches(answers[rule.key], rule.equals))) continue;
    shown.add(question.key);
    out.push(question);
  }
  return out;
}

/** The answers without those of hidden questions (what is sent, and what the form keeps). */
export function dropHidden(questions: readonly Question[], answers: Answers): Answers {
  const kept: Answers = {};
  for (const question of visibleQuestions(questions, answers)) {
    const value = answers[question.key];
    if (value !== undefined) kept[question.key] = value;
  }
  return kept;
}

/** Whether a value is an answer: a chosen option, a non-empty list, a number, some text. */
export function isAnswered(value: Value): boolean {
  if (value === null || value === undefined) return false;
  if (Array.isArray(value)) return value.length > 0;
  if (typeof value === 'number') return Number.isFinite(value);
  return value.trim().length > 0;
}

/** Answered and total among the questions shown. */
export function progressOf(questions: readonly Question[], answers: Answers): { answered: number; total: number } {
  const shown = visibleQuestions(questions, answers);
  return { answered: shown.filter((question) => isAnswered(answers[question.key])).length, total: shown.length };
}

/** Why an answer cannot be sent yet; the keys are messages of `surveys.fill.errors`. */
export type AnswerProblem = 'required' | 'tooManyChoices' | 'numberOut' | 'numberInteger';

/** The problems the form can see itself, for the questions shown: question key → problem. */
export function answerProblems(questions: readonly Question[], answers: Answers): Record<string, AnswerProblem> {
  const problems: Record<string, AnswerProblem> = {};
  for (const question of visibleQuestions(questions, answers)) {
    const value = answers[question.key];
    if (!isAnswered(value)) {
      if (question.required) problems[question.key] = 'required';
      continue;
    }
    if (question.type === 'multi' && Array.isArray(value) && question.maxChoices && value.length > question.maxChoices) {
      problems[question.key] = 'tooManyChoices';
    }
    if (question.type === 'number' && typeof value === 'number') {
      const range = question.range;
      if (range?.integer && !Number.isInteger(value)) problems[question.key] = 'numberInteger';
      else if ((typeof range?.min === 'number' && value < range.min) || (typeof range?.max === 'number' && value > range.max)) problems[question.key] = 'numberOut';
    }
  }
  return problems;
}

/** The answers as the API takes them: shown questions only, trimmed text, empty answers left out. */
export function answersToSend(questions: readonly Question[], answers: Answers): Record<string, string | number | string[]> {
  const out: Record<string, string | number | string[]> = {};
  for (const [key, value] of Object.entries(dropHidden(questions, answers))) {
    if (!isAnswered(value) || value === null) continue;
    out[key] = typeof value === 'string' ? value.trim() : value;
  }
  return out;
}

/** The points of a scale question, lowest first (default 1–5). */
export function scalePoints(question: Pick<Question, 'scale'>): number[] {
  const min = question.scale?.min ?? 1;
  const max = question.scale?.max ?? 5;
  const points: number[] = [];
  for (let point = min; point <= max; point++) points.push(point);
  return points;
}

/** Toggles an option of a multi question, refusing a choice past maxChoices. */
export function toggleChoice(chosen: readonly string[], value: string, maxChoices: number | null | undefined): string[] {
  if (chosen.includes(value)) return chosen.filter((item) => item !== value);
  if (maxChoices && chosen.length >= maxChoices) return [...chosen];
  return [...chosen, value];
}

/**
 * Taps an option of a rank question: an unranked option takes the next place (while places are
 * left), a ranked one leaves and the ones after it move up.
 */
export function tapRank(order: readonly string[], value: string, maxChoices: number | null | undefined): string[] {
  if (order.includes(value)) return order.filter((item) => item !== value);
  if (maxChoices && order.length >= maxChoices) return [...order];
  return [...order, value];
}

/** Moves a ranked option one place up (-1) or down (+1). */
export function moveRank(order: readonly string[], value: string, step: -1 | 1): string[] {
  const index = order.indexOf(value);
  const target = index + step;
  if (index < 0 || target < 0 || target >= order.length) return [...order];
  const next = [...order];
  next[index] = order[target]!;
  next[target] = value;
  return next;
}
