import type { Question } from './survey-types';

/**
 * A stored answer as a person reads it: option labels for choices (a ranking as `1. … 2. …`),
 * a number with its unit, text as written. An option the question no longer offers shows as its
 * value. Returns null when there is no answer.
 */
export function answerText(question: Pick<Question, 'type' | 'options' | 'range'>, value: unknown, separator: string): string | null {
  if (value === null || value === undefined || value === '') return null;
  const labelOf = (code: string) => question.options?.find((option) => option.value === code)?.label ?? code;
  if (Array.isArray(value)) {
    if (value.length === 0) return null;
    const codes = value.map(String);
    if (question.type === 'rank') return codes.map((code, index) => `${index + 1}. ${labelOf(code)}`).join(' ');
    return codes.map(labelOf).join(separator);
  }
  if (typeof value === 'number') {
    const unit = question.type === 'number' ? question.range?.unit : null;
    return unit ? `${value} ${unit}` : String(value);
  }
  if (typeof value === 'string') return question.type === 'single' ? labelOf(value) : value;
  return null;
}
