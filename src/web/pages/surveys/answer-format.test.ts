import { describe, expect, it } from 'vitest';
import { answerText } from './answer-format';

const options = [
  { value: 'health', label: '医疗保健' },
  { value: 'study', label: '老年教育' },
  { value: 'fun', label: '文体娱乐' },
];

describe('an answer as a person reads it', () => {
  it('a single choice shows its label, an option since removed its value', () => {
    expect(answerText({ type: 'single', options }, 'study', '、')).toBe('老年教育');
    expect(answerText({ type: 'single', options }, 'gone', '、')).toBe('gone');
  });

  it('a multiple choice joins its labels, a ranking numbers its places', () => {
    expect(answerText({ type: 'multi', options }, ['health', 'fun'], '、')).toBe('医疗保健、文体娱乐');
    expect(answerText({ type: 'rank', options }, ['fun', 'health'], '、')).toBe('1. 文体娱乐 2. 医疗保健');
  });

  it('a number carries its unit, a scale point and a text show as they are', () => {
    expect(answerText({ type: 'number', range: { unit: '次' } }, 3, '、')).toBe('3 次');
    expect(answerText({ type: 'scale' }, 4, '、')).toBe('4');
    expect(answerText({ type: 'text' }, '想学用手机', '、')).toBe('想学用手机');
  });

  it('nothing, an empty list or an empty text is no answer', () => {
    expect(answerText({ type: 'text' }, undefined, '、')).toBeNull();
    expect(answerText({ type: 'multi', options }, [], '、')).toBeNull();
    expect(answerText({ type: 'text' }, '', '、')).toBeNull();
  });
});
