import { describe, expect, it } from 'vitest';
import type { Question } from './survey-types';
import { answerProblems, answersToSend, dropHidden, isAnswered, matches, moveRank, progressOf, scalePoints, tapRank, toggleChoice, visibleQuestions } from './survey-logic';

const options = (...values: string[]) => values.map((value) => ({ value, label: value.toUpperCase() }));

/** Lives alone? → (yes) who helps? → (neighbour) how often? ; a scale whose 1 asks why; a free text. */
const QUESTIONS: Question[] = [
  { key: 'alone', type: 'single', text: 'Lives alone?', required: true, options: options('yes', 'no') },
  { key: 'helpers', type: 'multi', text: 'Who helps?', required: true, options: options('neighbour', 'child', 'nobody'), maxChoices: 2, showIf: { key: 'alone', equals: 'yes' } },
  { key: 'often', type: 'number', text: 'Visits a week', range: { min: 0, max: 14, integer: true }, showIf: { key: 'helpers', equals: 'neighbour' } },
  { key: 'mood', type: 'scale', text: 'Mood', scale: { min: 1, max: 5 } },
  { key: 'why', type: 'text', text: 'Why so low?', required: true, showIf: { key: 'mood', equals: 1 } },
  { key: 'note', type: 'text', text: 'Anything else' },
];

const keysOf = (questions: Question[]) => questions.map((question) => question.key);

describe('skip logic', () => {
  it('a single answer matches its option, a multi or rank answer any chosen option, a number the same number', () => {
    expect(matches('yes', 'yes')).toBe(true);
    expect(matches('no', 'yes')).toBe(false);
    expect(matches(['child', 'neighbour'], 'neighbour')).toBe(true);
    expect(matches(['child'], 'neighbour')).toBe(false);
    expect(matches(1, 1)).toBe(true);
    expect(matches(1, '1')).toBe(true);
    expect(matches(2, 1)).toBe(false);
    expect(matches(null, 'yes')).toBe(false);
    expect(matches(undefined, 1)).toBe(false);
  });

  it('before anything is answered, only the questions without conditions are shown', () => {
    expect(keysOf(visibleQuestions(QUESTIONS, {}))).toEqual(['alone', 'mood', 'note']);
  });

  it('an answer shows the questions that wait for it, and a chain follows through', () => {
    expect(keysOf(visibleQuestions(QUESTIONS, { alone: 'yes' }))).toEqual(['alone', 'helpers', 'mood', 'note']);
    expect(keysOf(visibleQuestions(QUESTIONS, { alone: 'yes', helpers: ['neighbour'] }))).toEqual(['alone', 'helpers', 'often', 'mood', 'note']);
    expect(keysOf(visibleQuestions(QUESTIONS, { mood: 1 }))).toEqual(['alone', 'mood', 'why', 'note']);
  });

  it('a hidden question shows nothing further even if its old answer would', () => {
    // "helpers" still holds neighbour, but "alone" is now no: helpers is hidden, and so is "often".
    expect(keysOf(visibleQuestions(QUESTIONS, { alone: 'no', helpers: ['neighbour'] }))).toEqual(['alone', 'mood', 'note']);
  });

  it('the answers of hidden questions are dropped', () => {
    expect(dropHidden(QUESTIONS, { alone: 'no', helpers: ['neighbour'], often: 3, mood: 4, why: 'lonely' })).toEqual({ alone: 'no', mood: 4 });
  });
});

describe('answers', () => {
  it('an empty text, an empty list or null is no answer; zero is one', () => {
    expect(isAnswered('  ')).toBe(false);
    expect(isAnswered([])).toBe(false);
    expect(isAnswered(null)).toBe(false);
    expect(isAnswered(undefined)).toBe(false);
    expect(isAnswered(0)).toBe(true);
    expect(isAnswered(['a'])).toBe(true);
    expect(isAnswered('ok')).toBe(true);
  });

  it('progress counts the questions shown', () => {
    expect(progressOf(QUESTIONS, {})).toEqual({ answered: 0, total: 3 });
    expect(progressOf(QUESTIONS, { alone: 'yes', helpers: ['child'] })).toEqual({ answered: 2, total: 4 });
  });

  it('a required question is missed only when it is shown', () => {
    expect(answerProblems(QUESTIONS, {})).toEqual({ alone: 'required' });
    expect(answerProblems(QUESTIONS, { alone: 'yes' })).toEqual({ helpers: 'required' });
    expect(answerProblems(QUESTIONS, { alone: 'no', mood: 1 })).toEqual({ why: 'required' });
    expect(answerProblems(QUESTIONS, { alone: 'no', mood: 1, why: 'tired' })).toEqual({});
  });

  it('too many choices, a number out of range and a fraction where a whole number is asked are caught', () => {
    expect(answerProblems(QUESTIONS, { alone: 'yes', helpers: ['neighbour', 'child', 'nobody'] })).toEqual({ helpers: 'tooManyChoices' });
    expect(answerProblems(QUESTIONS, { alone: 'yes', helpers: ['neighbour'], often: 15 })).toEqual({ often: 'numberOut' });
    expect(answerProblems(QUESTIONS, { alone: 'yes', helpers: ['neighbour'], often: 2.5 })).toEqual({ often: 'numberInteger' });
    expect(answerProblems(QUESTIONS, { alone: 'yes', helpers: ['neighbour'], often: 0 })).toEqual({});
  });

  it('what is sent leaves out hidden and empty answers and trims text', () => {
    expect(answersToSend(QUESTIONS, { alone: 'no', helpers: ['child'], mood: 3, note: '  thanks ', why: 'x' })).toEqual({ alone: 'no', mood: 3, note: 'thanks' });
    expect(answersToSend(QUESTIONS, { alone: 'yes', helpers: [], note: '   ' })).toEqual({ alone: 'yes' });
  });
});

describe('controls', () => {
  it('a scale has its points, 1–5 by default', () => {
    expect(scalePoints({ scale: null })).toEqual([1, 2, 3, 4, 5]);
    expect(scalePoints({ scale: { min: 0, max: 3 } })).toEqual([0, 1, 2, 3]);
  });

  it('a multi question refuses a choice past its limit and lets one go', () => {
    expect(toggleChoice(['a', 'b'], 'c', 2)).toEqual(['a', 'b']);
    expect(toggleChoice(['a', 'b'], 'a', 2)).toEqual(['b']);
    expect(toggleChoice(['a'], 'c', null)).toEqual(['a', 'c']);
  });

  it('tapping ranks in order, tapping again removes and the later ones move up, up and down swap places', () => {
    let order = tapRank([], 'health', 3);
    order = tapRank(order, 'school', 3);
    order = tapRank(order, 'fun', 3);
    expect(order).toEqual(['health', 'school', 'fun']);
    expect(tapRank(order, 'work', 3)).toEqual(['health', 'school', 'fun']);
    expect(tapRank(order, 'health', 3)).toEqual(['school', 'fun']);
    expect(moveRank(order, 'fun', -1)).toEqual(['health', 'fun', 'school']);
    expect(moveRank(order, 'health', -1)).toEqual(['health', 'school', 'fun']);
    expect(moveRank(order, 'fun', 1)).toEqual(['health', 'school', 'fun']);
  });
});
