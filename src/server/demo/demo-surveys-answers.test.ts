import { describe, expect, it } from 'vitest';
import { surveyTemplates } from '../modules/surveys/survey-templates';
import { checkAnswers, needTypesOf } from '../modules/surveys/surveys.rules';
import { Rng } from './demo-history-support';
import { anonymousRespondent, childAnswers, drawOrder, elderAnswers, womanAnswers } from './demo-surveys-answers';

const templates = new Map(surveyTemplates('zh-CN').map((t) => [t.key, t.questions]));

/** Shares of respondents expressing each need over many synthetic respondents. */
function shares(key: 'elder' | 'left_behind_child' | 'woman', draws: number): Map<string, number> {
  const rng = new Rng(11);
  const questions = templates.get(key)!;
  const counts = new Map<string, number>();
  for (let i = 0; i < draws; i++) {
    const audience = key === 'elder' ? 'elder' : key === 'woman' ? 'woman' : 'child';
    const { respondent } = anonymousRespondent(rng, audience);
    const { answers } = key === 'elder' ? elderAnswers(rng, respondent) : key === 'woman' ? womanAnswers(rng, respondent) : childAnswers(rng, respondent);
    const checked = checkAnswers(questions, answers);
    expect(checked.problems).toEqual([]);
    for (const need of needTypesOf(questions, checked.answers).needTypes) counts.set(need, (counts.get(need) ?? 0) + 1);
  }
  return new Map([...counts].map(([need, n]) => [need, n / draws]));
}

describe('demo survey answers', () => {
  it('an order of needs holds each item once, and heavier items come first more often', () => {
    const rng = new Rng(3);
    let heavyFirst = 0;
    for (let i = 0; i < 400; i++) {
      const order = drawOrder(rng, { heavy: 8, light: 1, none: 0, middle: 3 });
      expect([...order].sort()).toEqual(['heavy', 'light', 'middle']);
      if (order[0] === 'heavy') heavyFirst++;
    }
    expect(heavyFirst / 400).toBeGreaterThan(0.55);
    expect(heavyFirst / 400).toBeLessThan(0.8);
  });

  it("every drawn response passes its template's questions, and elders' needs come out as the seed report found them", () => {
    const elders = shares('elder', 1500);
    expect(elders.get('healthcare')!).toBeGreaterThan(elders.get('elder_education')! + 0.1);
    expect(elders.get('elder_education')!).toBeGreaterThan(elders.get('recreation')! + 0.03);
    for (const other of ['daily_care', 'companionship', 'digital_skills', 'anti_fraud', 'policy_access']) expect(elders.get(other)!).toBeLessThan(elders.get('recreation')!);
  });

  it("children's draws put homework help and safety education first; women's put their children's education first", () => {
    const children = shares('left_behind_child', 1500);
    const [first, second, ...rest] = [...children].sort((a, b) => b[1] - a[1]);
    expect([first![0], second![0]]).toEqual(['tutoring', 'safety_education']);
    for (const [, share] of rest) expect(share).toBeLessThan(second![1]);
    const women = shares('woman', 1500);
    expect(women.get('child_education')!).toBeGreaterThan(women.get('family_health')! + 0.05);
    expect(Math.abs(women.get('family_health')! - women.get('employment')!)).toBeLessThan(0.05);
  });

  it("the elders' answers to the edited version also answer its question on falls", () => {
    const rng = new Rng(5);
    const { respondent } = anonymousRespondent(rng, 'elder');
    expect(['yes', 'no']).toContain(elderAnswers(rng, respondent, { askFalls: true }).answers.falls);
    expect(elderAnswers(rng, respondent).answers.falls).toBeUndefined();
  });
});
