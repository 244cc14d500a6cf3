import { describe, expect, it } from 'vitest';
import {
  addOption,
  addQuestion,
  blankSurvey,
  conditionSources,
  conditionValues,
  draftProblems,
  duplicateQuestion,
  firstErrorPath,
  fromSurvey,
  issuePath,
  moveQuestion,
  questionErrors,
  removeQuestion,
  toSurveyFields,
  updateOption,
  updateQuestion,
  type DraftSurvey,
} from './builder-values';

/** A draft of three questions: a single with two options, a multi shown when the first is o1, a text. */
function threeQuestions(): DraftSurvey {
  let draft = blankSurvey();
  draft = { ...draft, title: '老人需求调查', audience: 'elder' };
  draft = updateQuestion(draft, 0, { text: '您最需要哪方面的帮助？' });
  draft = updateOption(draft, 0, 0, { label: '看病', needType: 'healthcare' });
  draft = updateOption(draft, 0, 1, { label: '学习' });
  draft = addQuestion(draft, 'multi');
  draft = updateQuestion(draft, 1, { text: '具体是哪些？' });
  draft = updateOption(draft, 1, 0, { label: '上门体检' });
  draft = updateOption(draft, 1, 1, { label: '陪同就医' });
  draft = updateQuestion(draft, 1, { showIf: { key: 'q1', equals: 'healthcare' } });
  draft = addQuestion(draft, 'text');
  return updateQuestion(draft, 2, { text: '还有什么想说的？' });
}

const keys = (draft: DraftSurvey) => draft.questions.map((question) => question.key);

describe('keys and values', () => {
  it('new questions take their position as key, options their need type or position as value', () => {
    const draft = threeQuestions();
    expect(keys(draft)).toEqual(['q1', 'q2', 'q3']);
    expect(draft.questions[0]!.options.map((option) => option.value)).toEqual(['healthcare', 'o2']);
    expect(draft.questions[1]!.options.map((option) => option.value)).toEqual(['o1', 'o2']);
  });

  it('moving renumbers automatic keys, and a condition follows the question it names', () => {
    let draft = threeQuestions();
    draft = moveQuestion(draft, 2, -1);
    expect(draft.questions.map((question) => question.text)).toEqual(['您最需要哪方面的帮助？', '还有什么想说的？', '具体是哪些？']);
    expect(keys(draft)).toEqual(['q1', 'q2', 'q3']);
    expect(draft.questions[2]!.showIf).toEqual({ key: 'q1', equals: 'healthcare' });

    // The first question moves below: its key becomes q2 and the condition names q2, now a later question.
    draft = moveQuestion(draft, 0, 1);
    expect(draft.questions[0]!.text).toBe('还有什么想说的？');
    expect(draft.questions[2]!.showIf).toEqual({ key: 'q2', equals: 'healthcare' });
    draft = moveQuestion(draft, 2, -1);
    draft = moveQuestion(draft, 1, -1);
    // 具体是哪些？ is now first, above the question it names: the condition stays for the server to refuse by name.
    expect(draft.questions[0]!.text).toBe('具体是哪些？');
    expect(draft.questions[0]!.showIf).toEqual({ key: 'q3', equals: 'healthcare' });
    expect(draft.questions[2]!.text).toBe('您最需要哪方面的帮助？');
  });

  it('a typed key stays put, and conditions naming it follow the typing', () => {
    let draft = threeQuestions();
    draft = updateQuestion(draft, 0, { key: 'main_need' });
    expect(draft.questions[1]!.showIf).toEqual({ key: 'main_need', equals: 'healthcare' });
    draft = moveQuestion(draft, 0, 1);
    expect(keys(draft)).toEqual(['q1', 'main_need', 'q3']);
    draft = addQuestion(draft, 'scale', 0);
    expect(keys(draft)).toEqual(['q1', 'q2', 'main_need', 'q4']);
  });

  it('an automatic key does not take a typed one', () => {
    let draft = threeQuestions();
    draft = updateQuestion(draft, 2, { key: 'q1' });
    expect(keys(draft)).toEqual(['q1_2', 'q2', 'q1']);
    expect(draft.questions[1]!.showIf).toEqual({ key: 'q1_2', equals: 'healthcare' });
  });

  it('changing a need type changes an automatic value, and a condition on it follows; a typed value stays', () => {
    let draft = threeQuestions();
    draft = updateOption(draft, 0, 0, { needType: 'recreation' });
    expect(draft.questions[0]!.options[0]!.value).toBe('recreation');
    expect(draft.questions[1]!.showIf).toEqual({ key: 'q1', equals: 'recreation' });
    draft = updateOption(draft, 0, 0, { value: 'fun' });
    expect(draft.questions[1]!.showIf).toEqual({ key: 'q1', equals: 'fun' });
    draft = updateOption(draft, 0, 0, { needType: 'healthcare' });
    expect(draft.questions[0]!.options[0]!.value).toBe('fun');
  });

  it('two options of one need type get distinct values', () => {
    let draft = threeQuestions();
    draft = updateOption(draft, 0, 1, { needType: 'healthcare' });
    expect(draft.questions[0]!.options.map((option) => option.value)).toEqual(['healthcare', 'healthcare_2']);
    draft = addOption(draft, 0);
    expect(draft.questions[0]!.options.map((option) => option.value)).toEqual(['healthcare', 'healthcare_2', 'o3']);
  });

  it('a duplicate takes the next key and copies the condition; deleting the question a condition names drops it', () => {
    let draft = duplicateQuestion(threeQuestions(), 1);
    expect(keys(draft)).toEqual(['q1', 'q2', 'q3', 'q4']);
    expect(draft.questions[2]!.showIf).toEqual({ key: 'q1', equals: 'healthcare' });
    expect(draft.questions[2]!.options[0]!.uid).not.toBe(draft.questions[1]!.options[0]!.uid);
    draft = removeQuestion(draft, 0);
    expect(draft.questions.map((question) => question.showIf)).toEqual([null, null, null]);
  });

  it('a saved survey keeps its keys whatever moves (results are matched by key)', () => {
    let draft = fromSurvey({
      title: 't',
      description: null,
      audience: 'woman',
      mode: 'interview',
      templateKey: null,
      questions: [
        { key: 'kids', type: 'single', text: 'Children?', options: [{ value: 'yes', label: 'Yes' }, { value: 'no', label: 'No' }] },
        { key: 'worry', type: 'text', text: 'Worry', showIf: { key: 'kids', equals: 'yes' } },
      ],
    });
    draft = addQuestion(draft, 'text', 0);
    expect(keys(draft)).toEqual(['q1', 'kids', 'worry']);
    draft = moveQuestion(draft, 2, -1);
    expect(keys(draft)).toEqual(['q1', 'worry', 'kids']);
    expect(draft.questions[1]!.showIf).toEqual({ key: 'kids', equals: 'yes' });
  });

  it('changing a choice question to a text drops its options and its limit', () => {
    let draft = updateQuestion(threeQuestions(), 1, { maxChoices: 2 });
    draft = updateQuestion(draft, 1, { type: 'text' });
    expect(draft.questions[1]!.options).toEqual([]);
    expect(draft.questions[1]!.maxChoices).toBeNull();
    draft = updateQuestion(draft, 1, { type: 'rank' });
    expect(draft.questions[1]!.options).toHaveLength(2);
  });
});

describe('conditions', () => {
  it('only earlier questions other than texts can be named, with their options or points', () => {
    let draft = addQuestion(threeQuestions(), 'scale', 0);
    draft = updateQuestion(draft, 0, { scale: { min: 1, max: 3, minLabel: '', maxLabel: '' } });
    draft = addQuestion(draft, 'number');
    expect(conditionSources(draft, 4).map((question) => question.key)).toEqual(['q1', 'q2', 'q3']);
    expect(conditionSources(draft, 5).map((question) => question.key)).toEqual(['q1', 'q2', 'q3', 'q5']);
    expect(conditionValues(draft.questions[4]!)).toEqual([]);
    expect(conditionSources(draft, 0)).toEqual([]);
    expect(conditionValues(draft.questions[0]!)).toEqual([
      { value: 1, label: '1' },
      { value: 2, label: '2' },
      { value: 3, label: '3' },
    ]);
    expect(conditionValues(draft.questions[1]!)).toEqual([
      { value: 'healthcare', label: '看病' },
      { value: 'o2', label: '学习' },
    ]);
  });
});

describe('saving', () => {
  it('the request carries the questions as the API takes them', () => {
    const fields = toSurveyFields(threeQuestions());
    expect(fields.title).toBe('老人需求调查');
    expect(fields.description).toBeNull();
    expect(fields.questions[0]).toEqual({
      key: 'q1',
      type: 'single',
      text: '您最需要哪方面的帮助？',
      required: true,
      options: [
        { value: 'healthcare', label: '看病', needType: 'healthcare' },
        { value: 'o2', label: '学习' },
      ],
    });
    expect(fields.questions[1]).toMatchObject({ key: 'q2', type: 'multi', showIf: { key: 'q1', equals: 'healthcare' } });
    expect(fields.questions[2]).toEqual({ key: 'q3', type: 'text', text: '还有什么想说的？', required: false });
  });

  it('empty options are left out of the request', () => {
    const draft = addOption(threeQuestions(), 0);
    expect(toSurveyFields(draft).questions[0]!.options).toHaveLength(2);
  });

  it('the builder names what is missing before saving', () => {
    let draft = blankSurvey();
    expect(draftProblems(draft)).toEqual({
      title: 'titleRequired',
      audience: 'audienceRequired',
      'questions.0.text': 'textRequired',
      'questions.0.options': 'optionsRequired',
    });
    draft = updateQuestion(threeQuestions(), 2, { key: 'Bad key' });
    draft = updateQuestion(draft, 1, { type: 'scale', scale: { min: 5, max: 5, minLabel: '', maxLabel: '' } });
    expect(draftProblems(draft)).toEqual({ 'questions.2.key': 'keyShape', 'questions.1.scale': 'scaleRange' });
    draft = updateQuestion(draft, 0, { key: 'need' });
    draft = updateQuestion(draft, 2, { key: 'need' });
    expect(draftProblems(draft)['questions.2.key']).toBe('keyDuplicate');
  });

  it("a server issue lands on its question's field, its option, or its card", () => {
    const errors = {
      'questions.1.key': 'dup',
      'questions.1.showIf.key': 'later',
      'questions.1.options.0.value': 'bad value',
      'questions.1': 'whole',
      'questions.10.text': 'another question',
      title: 'title',
    };
    expect(questionErrors(errors, 1)).toEqual({ fields: { key: 'dup', showIf: 'later' }, options: { 0: 'bad value' }, other: ['whole'] });
    expect(firstErrorPath(errors)).toBe('title');
    expect(firstErrorPath({ 'questions.10.text': 'x', 'questions.2.key': 'y' })).toBe('questions.2.key');
    expect(issuePath({ path: 'questions', question: 'q2' }, threeQuestions())).toBe('questions.1');
    expect(issuePath({ path: 'questions.2.showIf', question: 'q3' }, threeQuestions())).toBe('questions.2.showIf');
  });
});
