import { describe, expect, it } from 'vitest';
import type { Question } from '../../../shared/schemas/surveys';
import { LANGS } from '../../../shared/i18n';
import { NEED_TYPES } from '../../../shared/codes';
import {
  answerCell,
  checkAnswers,
  checkSurveyDefinition,
  conditionContainment,
  crosstabRows,
  describeDistribution,
  meanRankOf,
  needTypesOf,
  normaliseQuestion,
  questionResult,
  questionsAcrossVersions,
  sameQuestions,
  shareOf,
  statusMoveAllowed,
  visibleKeys,
} from './surveys.rules';
import { surveyTemplates } from './survey-templates';

const living: Question = {
  key: 'living',
  type: 'single',
  text: '您和谁一起住？',
  required: true,
  options: [
    { value: 'alone', label: '独居' },
    { value: 'spouse', label: '与老伴' },
  ],
};
const carer: Question = { key: 'carer', type: 'text', text: '谁照顾您？', required: true, showIf: { key: 'living', equals: 'alone' } };
const needs: Question = {
  key: 'needs',
  type: 'rank',
  text: '最需要哪些帮助？',
  required: true,
  maxChoices: 3,
  options: [
    { value: 'health', label: '医疗保健', needType: 'healthcare' },
    { value: 'school', label: '老年教育', needType: 'elder_education' },
    { value: 'fun', label: '文体娱乐', needType: 'recreation' },
    { value: 'talk', label: '聊天陪伴', needType: 'companionship' },
  ],
};
const activities: Question = {
  key: 'activities',
  type: 'multi',
  text: '喜欢的活动',
  maxChoices: 2,
  options: [
    { value: 'dance', label: '跳舞' },
    { value: 'chess', label: '下棋' },
    { value: 'none', label: '都不喜欢' },
  ],
};
const whyNone: Question = { key: 'why_none', type: 'single', text: '为什么？', required: true, showIf: { key: 'activities', equals: 'none' }, options: [
  { value: 'ill', label: '身体不好', needType: 'healthcare' },
  { value: 'far', label: '离得远' },
] };
const whyIll: Question = { key: 'why_ill', type: 'text', text: '哪里不舒服？', required: true, showIf: { key: 'why_none', equals: 'ill' } };
const health: Question = { key: 'health', type: 'scale', text: '身体状况', scale: { min: 1, max: 5 } };
const age: Question = { key: 'age', type: 'number', text: '年龄', range: { min: 60, max: 120, integer: true } };
const survey = [living, carer, needs, activities, whyNone, whyIll, health, age];

describe('checking a survey definition', () => {
  it('a good survey has no problems', () => {
    expect(checkSurveyDefinition(survey)).toEqual([]);
  });

  it('a duplicate key is refused at the second question, naming it', () => {
    const problems = checkSurveyDefinition([living, { ...health, key: 'living' }]);
    expect(problems).toEqual([{ path: 'questions.1.key', messageKey: 'survey.keyDuplicate', question: 'living', questionText: '身体状况' }]);
  });

  it('choice questions need two options, and others take none', () => {
    const problems = checkSurveyDefinition([
      { ...living, options: [{ value: 'alone', label: '独居' }] },
      { ...activities, options: [] },
      { key: 'rank_it', type: 'rank', text: '排序' },
      { ...health, options: [{ value: 'a', label: 'A' }] },
      { key: 'note', type: 'text', text: '备注', options: [{ value: 'a', label: 'A' }] },
      { ...age, key: 'count', options: [{ value: 'a', label: 'A' }] },
    ]);
    expect(problems.map((p) => [p.path, p.messageKey, p.question])).toEqual([
      ['questions.0.options', 'survey.optionsRequired', 'living'],
      ['questions.1.options', 'survey.optionsRequired', 'activities'],
      ['questions.2.options', 'survey.optionsRequired', 'rank_it'],
      ['questions.3.options', 'survey.optionsNotAllowed', 'health'],
      ['questions.4.options', 'survey.optionsNotAllowed', 'note'],
      ['questions.5.options', 'survey.optionsNotAllowed', 'count'],
    ]);
  });

  it('an option value given twice is refused at the repeat', () => {
    const problems = checkSurveyDefinition([{ ...living, options: [...living.options!, { value: 'alone', label: '一个人' }] }]);
    expect(problems).toEqual([{ path: 'questions.0.options.2.value', messageKey: 'survey.optionDuplicate', question: 'living', questionText: '您和谁一起住？' }]);
  });

  it('a scale whose lowest point is not below its highest, and a number range the wrong way round, are refused', () => {
    const problems = checkSurveyDefinition([
      { ...health, scale: { min: 5, max: 5 } },
      { ...health, key: 'h2', scale: { min: 7, max: 3 } },
      { ...age, range: { min: 120, max: 60 } },
      { ...age, key: 'a2', range: { min: 60, max: 60 } },
    ]);
    expect(problems.map((p) => [p.path, p.messageKey])).toEqual([
      ['questions.0.scale', 'survey.scaleRange'],
      ['questions.1.scale', 'survey.scaleRange'],
      ['questions.2.range', 'survey.rangeOrder'],
    ]);
  });

  it('a condition naming an unknown question, a later one or itself is refused', () => {
    const problems = checkSurveyDefinition([
      { ...carer, key: 'c1', showIf: { key: 'nobody', equals: 'x' } },
      { ...carer, key: 'c2', showIf: { key: 'living', equals: 'alone' } },
      { ...carer, key: 'c3', showIf: { key: 'c3', equals: 'x' } },
      living,
    ]);
    expect(problems.map((p) => [p.path, p.messageKey, p.question, p.questionText])).toEqual([
      ['questions.0.showIf.key', 'survey.showIfUnknown', 'c1', '谁照顾您？'],
      ['questions.1.showIf.key', 'survey.showIfLater', 'c2', '谁照顾您？'],
      ['questions.2.showIf.key', 'survey.showIfLater', 'c3', '谁照顾您？'],
    ]);
  });

  it("a condition's value must be an option of a choice question, a point of a scale, a number for a number question; text questions cannot be named", () => {
    const problems = checkSurveyDefinition([
      living,
      health,
      age,
      carer,
      { key: 'q1', type: 'text', text: 'a', showIf: { key: 'living', equals: 'with_children' } },
      { key: 'q2', type: 'text', text: 'b', showIf: { key: 'health', equals: 9 } },
      { key: 'q3', type: 'text', text: 'c', showIf: { key: 'age', equals: 'old' } },
      { key: 'q4', type: 'text', text: 'd', showIf: { key: 'carer', equals: '女儿' } },
      { key: 'q5', type: 'text', text: 'e', showIf: { key: 'health', equals: 2 } },
      { key: 'q6', type: 'text', text: 'f', showIf: { key: 'age', equals: 80 } },
    ]);
    expect(problems.map((p) => [p.path, p.messageKey, p.question])).toEqual([
      ['questions.4.showIf.equals', 'survey.showIfValue', 'q1'],
      ['questions.5.showIf.equals', 'survey.showIfValue', 'q2'],
      ['questions.6.showIf.equals', 'survey.showIfValue', 'q3'],
      ['questions.7.showIf.key', 'survey.showIfType', 'q4'],
    ]);
  });

  it('reports every problem at once', () => {
    const problems = checkSurveyDefinition([living, { ...living }, { ...health, scale: { min: 3, max: 1 }, showIf: { key: 'later', equals: 1 } }, { ...age, key: 'later' }]);
    expect(problems.map((p) => p.messageKey)).toEqual(['survey.keyDuplicate', 'survey.scaleRange', 'survey.showIfLater']);
  });

  it('a question is stored with only what its type uses', () => {
    expect(normaliseQuestion({ key: 'h', type: 'scale', text: '分数', options: [], maxChoices: 2, prompt: '', required: false })).toEqual({ key: 'h', type: 'scale', text: '分数', scale: { min: 1, max: 5 } });
    expect(normaliseQuestion({ ...needs, range: { min: 1 }, scale: { min: 1, max: 3 }, help: null })).toEqual(needs);
    expect(normaliseQuestion({ ...living, maxChoices: 1 })).toEqual(living);
  });

  it('the same questions compare equal whatever order their fields were written in', () => {
    const reverse = (value: unknown): unknown =>
      Array.isArray(value) ? value.map(reverse) : value && typeof value === 'object' ? Object.fromEntries(Object.entries(value).reverse().map(([k, v]) => [k, reverse(v)])) : value;
    const reordered = reverse(survey) as Question[];
    expect(JSON.stringify(reordered)).not.toBe(JSON.stringify(survey));
    expect(sameQuestions(survey, reordered)).toBe(true);
    expect(sameQuestions(survey, [...survey.slice(0, -1), { ...age, text: '您的年龄' }])).toBe(false);
  });

  it('status moves draft → open → closed and closed → open', () => {
    expect(statusMoveAllowed('draft', 'open')).toBe(true);
    expect(statusMoveAllowed('open', 'closed')).toBe(true);
    expect(statusMoveAllowed('closed', 'open')).toBe(true);
    expect(statusMoveAllowed('open', 'open')).toBe(true);
    expect(statusMoveAllowed('open', 'draft')).toBe(false);
    expect(statusMoveAllowed('draft', 'closed')).toBe(false);
    expect(statusMoveAllowed('closed', 'draft')).toBe(false);
  });
});

describe('skip logic', () => {
  it('single: shown when the answer equals the value', () => {
    expect(visibleKeys(survey, { living: 'alone' }).has('carer')).toBe(true);
    expect(visibleKeys(survey, { living: 'spouse' }).has('carer')).toBe(false);
    expect(visibleKeys(survey, {}).has('carer')).toBe(false);
  });

  it('multi and rank: shown when the answer includes the value; scale and number: when it equals the number', () => {
    const qs: Question[] = [
      activities,
      needs,
      health,
      age,
      { key: 'a', type: 'text', text: 'a', showIf: { key: 'activities', equals: 'none' } },
      { key: 'b', type: 'text', text: 'b', showIf: { key: 'needs', equals: 'fun' } },
      { key: 'c', type: 'text', text: 'c', showIf: { key: 'health', equals: 1 } },
      { key: 'd', type: 'text', text: 'd', showIf: { key: 'age', equals: 80 } },
    ];
    expect([...visibleKeys(qs, { activities: ['dance', 'none'], needs: ['health', 'fun'], health: 1, age: 80 })].sort()).toEqual(['a', 'activities', 'age', 'b', 'c', 'd', 'health', 'needs']);
    expect([...visibleKeys(qs, { activities: ['dance'], needs: ['health'], health: 2, age: 81 })].sort()).toEqual(['activities', 'age', 'health', 'needs']);
  });

  it('a question whose condition names a hidden question is hidden too (chained)', () => {
    // why_ill depends on why_none, which depends on activities: without "none", both are hidden even if why_none was (wrongly) answered.
    const visible = visibleKeys(survey, { activities: ['dance'], why_none: 'ill' });
    expect(visible.has('why_none')).toBe(false);
    expect(visible.has('why_ill')).toBe(false);
    expect(visibleKeys(survey, { activities: ['none'], why_none: 'ill' }).has('why_ill')).toBe(true);
  });
});

describe('checking answers', () => {
  const good = { living: 'spouse', needs: ['health', 'school', 'fun'], activities: ['dance'], health: 4, age: 72 };

  it('good answers pass and are stored as given, hidden and blank ones left out', () => {
    const checked = checkAnswers(survey, { ...good, carer: null, why_none: '' });
    expect(checked.problems).toEqual([]);
    expect(checked.answers).toEqual(good);
  });

  it('a hidden required question need not be answered; a shown one must be', () => {
    expect(checkAnswers(survey, good).problems).toEqual([]);
    const problems = checkAnswers(survey, { ...good, living: 'alone' }).problems;
    expect(problems).toEqual([{ path: 'answers.carer', messageKey: 'survey.answerRequired', question: 'carer', questionText: '谁照顾您？' }]);
    expect(checkAnswers(survey, { ...good, living: 'alone', carer: '  ' }).problems.map((p) => p.messageKey)).toEqual(['survey.answerRequired']);
  });

  it('an answer to a question the skip logic hides is refused, naming it', () => {
    const problems = checkAnswers(survey, { ...good, carer: '女儿' }).problems;
    expect(problems).toEqual([{ path: 'answers.carer', messageKey: 'survey.answerHidden', question: 'carer', questionText: '谁照顾您？' }]);
  });

  it('chained: answering a question hidden because the question it depends on is hidden is refused', () => {
    const problems = checkAnswers(survey, { ...good, why_none: 'ill', why_ill: '腿疼' }).problems;
    expect(problems.map((p) => [p.question, p.messageKey])).toEqual([
      ['why_none', 'survey.answerHidden'],
      ['why_ill', 'survey.answerHidden'],
    ]);
    const shown = checkAnswers(survey, { ...good, activities: ['none'], why_none: 'ill' }).problems;
    expect(shown.map((p) => [p.question, p.messageKey])).toEqual([['why_ill', 'survey.answerRequired']]);
  });

  it('an unknown question is refused, naming its key', () => {
    expect(checkAnswers(survey, { ...good, income: 3000 }).problems).toEqual([{ path: 'answers.income', messageKey: 'survey.questionUnknown', question: 'income', questionText: null }]);
  });

  it.each([
    ['single given a list', { living: ['alone'] }, 'living', 'survey.answerType'],
    ['single given a number', { living: 1 }, 'living', 'survey.answerType'],
    ['single not among the options', { living: 'children' }, 'living', 'survey.optionUnknown'],
    ['multi given a string', { activities: 'dance' }, 'activities', 'survey.answerType'],
    ['multi not among the options', { activities: ['dance', 'singing'] }, 'activities', 'survey.optionUnknown'],
    ['multi over its limit', { activities: ['dance', 'chess', 'none'], why_none: 'far' }, 'activities', 'survey.tooManyChoices'],
    ['rank given a string', { needs: 'health' }, 'needs', 'survey.answerType'],
    ['rank repeating an option', { needs: ['health', 'school', 'health'] }, 'needs', 'survey.rankRepeated'],
    ['rank over its limit', { needs: ['health', 'school', 'fun', 'talk'] }, 'needs', 'survey.tooManyChoices'],
    ['rank not among the options', { needs: ['health', 'money'] }, 'needs', 'survey.optionUnknown'],
    ['scale given text', { health: '4' }, 'health', 'survey.answerType'],
    ['scale above its points', { health: 6 }, 'health', 'survey.scaleOut'],
    ['scale below its points', { health: 0 }, 'health', 'survey.scaleOut'],
    ['scale between points', { health: 3.5 }, 'health', 'survey.scaleOut'],
    ['number given text', { age: '72' }, 'age', 'survey.answerType'],
    ['number below its range', { age: 59 }, 'age', 'survey.numberOut'],
    ['number above its range', { age: 121 }, 'age', 'survey.numberOut'],
    ['number not whole', { age: 72.5 }, 'age', 'survey.numberInteger'],
    ['text given a number', { living: 'alone', carer: 3 }, 'carer', 'survey.answerType'],
  ])('%s → 400 naming the question', (_name, change, key, messageKey) => {
    const problems = checkAnswers(survey, { ...good, ...change }).problems;
    expect(problems).toEqual([{ path: `answers.${key}`, messageKey, question: key, questionText: survey.find((q) => q.key === key)!.text }]);
  });

  it('a required question left out is named', () => {
    const problems = checkAnswers(survey, { living: 'spouse' }).problems;
    expect(problems).toEqual([{ path: 'answers.needs', messageKey: 'survey.answerRequired', question: 'needs', questionText: '最需要哪些帮助？' }]);
    expect(checkAnswers(survey, { living: 'spouse', needs: [] }).problems.map((p) => p.question)).toEqual(['needs']);
  });

  it('a multiple choice given twice counts once; text is trimmed', () => {
    const checked = checkAnswers(survey, { ...good, activities: ['dance', 'dance'], living: 'alone', carer: ' 女儿 ' });
    expect(checked.problems).toEqual([]);
    expect(checked.answers.activities).toEqual(['dance']);
    expect(checked.answers.carer).toBe('女儿');
  });

  it('a number question without bounds takes any number', () => {
    expect(checkAnswers([{ key: 'n', type: 'number', text: 'n' }], { n: -3.25 }).problems).toEqual([]);
  });
});

describe('the needs a response expresses', () => {
  it('every chosen option with a need type counts; first needs are single choices and first places', () => {
    const answers = { living: 'alone', needs: ['school', 'health'], activities: ['none'], why_none: 'ill' };
    expect(needTypesOf(survey, answers)).toEqual({ needTypes: ['elder_education', 'healthcare'], firstNeedTypes: ['elder_education', 'healthcare'] });
    expect(needTypesOf(survey, { needs: ['fun', 'talk'] })).toEqual({ needTypes: ['recreation', 'companionship'], firstNeedTypes: ['recreation'] });
    expect(needTypesOf(survey, { living: 'alone', health: 3 })).toEqual({ needTypes: [], firstNeedTypes: [] });
  });

  it('a multiple choice carries needs but none is "first"', () => {
    const qs: Question[] = [{ key: 'm', type: 'multi', text: 'm', options: [{ value: 'a', label: 'A', needType: 'tutoring' }, { value: 'b', label: 'B', needType: 'safety_education' }] }];
    expect(needTypesOf(qs, { m: ['b', 'a'] })).toEqual({ needTypes: ['safety_education', 'tutoring'], firstNeedTypes: [] });
  });
});

describe('the arithmetic of results', () => {
  it('shares, mean places and distributions', () => {
    expect(shareOf(1, 3)).toBe(0.3333);
    expect(shareOf(0, 0)).toBe(0);
    expect(meanRankOf(5, 3)).toBe(1.67);
    expect(meanRankOf(0, 0)).toBeNull();
    expect(describeDistribution([])).toEqual({ mean: null, median: null, min: null, max: null });
    // 1,2,2,5 → mean 2.5, median (2+2)/2 = 2
    expect(describeDistribution([{ value: 5, count: 1 }, { value: 1, count: 1 }, { value: 2, count: 2 }, { value: 4, count: 0 }])).toEqual({ mean: 2.5, median: 2, min: 1, max: 5 });
    // 1,3,4 → median 3; 1,3 → median 2
    expect(describeDistribution([{ value: 1, count: 1 }, { value: 3, count: 1 }, { value: 4, count: 1 }]).median).toBe(3);
    expect(describeDistribution([{ value: 1, count: 1 }, { value: 3, count: 1 }]).median).toBe(2);
  });

  it('a ranking question on a known data set', () => {
    // Five respondents ranked: [health, school, fun], [health, fun], [school, health], [health], [fun, school, health]
    const tallies = new Map([
      ['health', { count: 5, placeSum: 1 + 1 + 2 + 1 + 3, firstPlace: 3 }],
      ['school', { count: 3, placeSum: 2 + 1 + 2, firstPlace: 1 }],
      ['fun', { count: 3, placeSum: 3 + 2 + 1, firstPlace: 1 }],
    ]);
    const result = questionResult(needs, { asked: 6, answered: 5, values: tallies });
    expect(result).toMatchObject({ key: 'needs', type: 'rank', asked: 6, answered: 5 });
    expect(result.options).toEqual([
      { value: 'health', label: '医疗保健', needType: 'healthcare', count: 5, share: 1, meanRank: 1.6, firstPlace: 3 },
      { value: 'school', label: '老年教育', needType: 'elder_education', count: 3, share: 0.6, meanRank: 1.67, firstPlace: 1 },
      { value: 'fun', label: '文体娱乐', needType: 'recreation', count: 3, share: 0.6, meanRank: 2, firstPlace: 1 },
      { value: 'talk', label: '聊天陪伴', needType: 'companionship', count: 0, share: 0, meanRank: null, firstPlace: 0 },
    ]);
  });

  it('values an older version offered follow the current options, labelled as they were', () => {
    const older = new Map([['grandchildren', { label: '与孙辈', needType: null }]]);
    const result = questionResult(living, { asked: 4, answered: 4, values: new Map([['alone', { count: 3, placeSum: 3, firstPlace: 3 }], ['grandchildren', { count: 1, placeSum: 1, firstPlace: 1 }]]) }, older);
    expect(result.options!.map((o) => [o.value, o.label, o.count, o.share, o.meanRank])).toEqual([
      ['alone', '独居', 3, 0.75, null],
      ['spouse', '与老伴', 0, 0, null],
      ['grandchildren', '与孙辈', 1, 0.25, null],
    ]);
  });

  it('a scale lists every point; a number its values', () => {
    const scale = questionResult(health, { asked: 4, answered: 4, values: new Map([['2', { count: 1, placeSum: 1, firstPlace: 1 }], ['5', { count: 3, placeSum: 3, firstPlace: 3 }]]) });
    expect(scale.distribution).toEqual([
      { value: 1, count: 0 },
      { value: 2, count: 1 },
      { value: 3, count: 0 },
      { value: 4, count: 0 },
      { value: 5, count: 3 },
    ]);
    expect(scale).toMatchObject({ mean: 4.25, median: 5, min: 2, max: 5 });
    const number = questionResult(age, { asked: 3, answered: 3, values: new Map([['81', { count: 1, placeSum: 1, firstPlace: 1 }], ['65', { count: 2, placeSum: 2, firstPlace: 2 }]]) });
    expect(number).toMatchObject({ distribution: [{ value: 65, count: 2 }, { value: 81, count: 1 }], mean: 70.33, median: 65, min: 65, max: 81 });
    const text = questionResult(carer, { asked: 2, answered: 1, values: new Map(), texts: ['女儿'] });
    expect(text).toMatchObject({ texts: ['女儿'] });
    expect(text.options).toBeUndefined();
  });

  it('cross-tab rows: shares of the row, rows without respondents left out', () => {
    const rows = crosstabRows(
      [{ value: 'a' }, { value: 'b' }],
      [
        { value: 'v1', label: '一村' },
        { value: 'v2', label: '二村' },
        { value: '', label: '未登记' },
      ],
      { respondents: new Map([['v1', 4], ['', 1]]), cells: new Map([['v1', new Map([['a', 3], ['b', 2]])], ['', new Map([['b', 1]])]]) },
    );
    expect(rows).toEqual([
      { value: 'v1', label: '一村', respondents: 4, cells: [{ value: 'a', count: 3, share: 0.75 }, { value: 'b', count: 2, share: 0.5 }] },
      { value: '', label: '未登记', respondents: 1, cells: [{ value: 'a', count: 0, share: 0 }, { value: 'b', count: 1, share: 1 }] },
    ]);
  });

  it('questions across versions: the current ones first, then those only older versions asked', () => {
    const v1: Question[] = [living, { ...health, key: 'old_only' }, { ...activities, options: [...activities.options!, { value: 'tv', label: '看电视' }] }];
    const v2: Question[] = [needs, living, activities];
    const { questions, older } = questionsAcrossVersions([{ number: 1, questions: v1 }, { number: 2, questions: v2 }], 2);
    expect(questions.map((q) => q.key)).toEqual(['needs', 'living', 'activities', 'old_only']);
    expect(older.get('activities')?.get('tv')).toEqual({ label: '看电视', needType: null });
  });

  it('the containment a condition needs, by the type of the question it names', () => {
    expect(conditionContainment(survey, carer)).toBe('{"living":"alone"}');
    expect(conditionContainment(survey, whyNone)).toBe('{"activities":["none"]}');
    expect(conditionContainment([health, { key: 'x', type: 'text', text: 'x', showIf: { key: 'health', equals: 2 } }], { key: 'x', type: 'text', text: 'x', showIf: { key: 'health', equals: 2 } })).toBe('{"health":2}');
    expect(conditionContainment(survey, living)).toBeNull();
  });

  it('ledger cells: labels, multiple choices joined, rankings numbered', () => {
    expect(answerCell(living, 'alone')).toBe('独居');
    expect(answerCell(activities, ['dance', 'chess'])).toBe('跳舞、下棋');
    expect(answerCell(needs, ['school', 'health'])).toBe('1. 老年教育 2. 医疗保健');
    expect(answerCell(health, 4)).toBe(4);
    expect(answerCell(carer, '女儿')).toBe('女儿');
    expect(answerCell(living, undefined)).toBe('');
  });
});

describe('the ready-made templates', () => {
  it.each(LANGS)('are sound surveys in %s', (lang) => {
    const templates = surveyTemplates(lang);
    expect(templates.map((t) => [t.key, t.audience])).toEqual([
      ['elder', 'elder'],
      ['left_behind_child', 'left_behind_child'],
      ['woman', 'woman'],
    ]);
    for (const t of templates) {
      expect(checkSurveyDefinition(t.questions), t.key).toEqual([]);
      expect(t.questions.length).toBeGreaterThanOrEqual(10);
      expect(t.questions.length).toBeLessThanOrEqual(16);
      expect(t.questions.every((q) => q.section)).toBe(true);
      expect(t.questions.some((q) => q.showIf)).toBe(true);
      expect(t.questions.some((q) => q.type === 'scale')).toBe(true);
      expect(t.questions.some((q) => q.type === 'text')).toBe(true);
      expect(t.questions.filter((q) => q.prompt).length).toBeGreaterThanOrEqual(3);
      const ranked = t.questions.find((q) => q.type === 'rank' && q.key === 'top_needs')!;
      expect(ranked.maxChoices).toBe(3);
      expect(ranked.options!.every((o) => o.needType && o.needType in NEED_TYPES)).toBe(true);
      // Every template's questions are normalised already: storing them changes nothing.
      expect(t.questions.map(normaliseQuestion)).toEqual(t.questions.map((q) => JSON.parse(JSON.stringify(normaliseQuestion(q)))));
    }
  });

  it("the elders' ranking offers the seed's needs; the children's survey asks the biggest trouble and the biggest worry with needs", () => {
    const [elder, child, woman] = surveyTemplates('zh-CN');
    expect(elder!.questions.find((q) => q.key === 'top_needs')!.options!.map((o) => o.needType)).toEqual(expect.arrayContaining(['healthcare', 'elder_education', 'recreation']));
    for (const key of ['biggest_trouble', 'biggest_worry']) {
      const q = child!.questions.find((x) => x.key === key)!;
      expect(q.type).toBe('single');
      expect(q.options!.filter((o) => o.needType).length).toBeGreaterThanOrEqual(4);
    }
    expect(child!.questions.find((q) => q.key === 'biggest_trouble')!.options!.find((o) => o.value === 'homework')!.needType).toBe('tutoring');
    expect(child!.questions.find((q) => q.key === 'biggest_worry')!.options!.find((o) => o.value === 'safety')!.needType).toBe('safety_education');
    expect(woman!.questions.find((q) => q.key === 'top_needs')!.options!.map((o) => o.needType)).toEqual(['child_education', 'family_health', 'employment', 'rights_protection']);
    expect(surveyTemplates('en-US')[0]!.title).toMatch(/Elderly/);
  });
});
