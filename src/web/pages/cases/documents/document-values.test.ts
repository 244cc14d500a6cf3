import { describe, expect, it } from 'vitest';
import { zAssessmentDocument, zClosureDocument, zEvaluationDocument, zIntakeDocument, zPlanDocument } from '../../../../shared/schemas/cases';
import {
  assessmentContent,
  assessmentValues,
  closureContent,
  closureValues,
  emptyGoal,
  evaluationContent,
  evaluationValues,
  fieldOfPath,
  intakeContent,
  intakeValues,
  planContent,
  planValues,
} from './document-values';

describe('case documents as forms and back', () => {
  it('an intake record keeps its days and drops blank text to null', () => {
    const values = intakeValues({ source: 'village', presentingProblem: '祖母年迈', intakeOn: '2026-11-29' });
    expect(values.intakeOn?.format('YYYY-MM-DD')).toBe('2026-11-29');
    const content = intakeContent({ ...values, basicSituation: '   ', consent: true, consentBy: 'guardian' });
    expect(content).toEqual({ source: 'village', presentingProblem: '祖母年迈', basicSituation: null, consent: true, consentBy: 'guardian', intakeOn: '2026-11-29' });
    expect(zIntakeDocument.safeParse(content).success).toBe(true);
  });

  it('an empty assessment starts with one blank problem line, and blank lines are not sent', () => {
    const values = assessmentValues(null);
    expect(values.problems).toEqual(['']);
    const content = assessmentContent({ ...values, problems: ['', ' 作业无人辅导 ', ''], needs: ['tutoring'], riskLevel: 'medium' });
    expect(content.problems).toEqual(['作业无人辅导']);
    expect(zAssessmentDocument.safeParse(content).success).toBe(true);
  });

  it('a plan keeps goal ids, drops wholly blank goals and interventions, and matches the shared schema', () => {
    const saved = {
      goals: [
        {
          id: 'g-1',
          description: '每周完成作业 4 次',
          measure: '老师反馈',
          targetDate: '2027-02-28',
          interventions: [{ serviceType: 'tutoring' as const, who: '志愿者', frequency: '每周两次', byDate: '2027-02-28' }],
        },
      ],
      clientAgreed: true,
      agreedOn: '2026-12-01',
    };
    const values = planValues(saved);
    expect(values.goals[0]?.targetDate?.format('YYYY-MM-DD')).toBe('2027-02-28');
    const blank = emptyGoal();
    const content = planContent({ ...values, goals: [...values.goals, blank] });
    expect(content).toEqual(saved);
    expect(zPlanDocument.safeParse(content).success).toBe(true);
    expect(blank.id).toMatch(/^g-[0-9a-f]{8}$/);
  });

  it('an evaluation lines its results up with the goals of the current plan, by goal id', () => {
    const values = evaluationValues({ goals: [{ goalId: 'g-2', result: 'partly', note: '仍需跟进' }], clientView: '满意' });
    const content = evaluationContent(values, ['g-1', 'g-2']);
    expect(content.goals).toEqual([
      { goalId: 'g-1', result: null, note: null },
      { goalId: 'g-2', result: 'partly', note: '仍需跟进' },
    ]);
    expect(zEvaluationDocument.safeParse(content).success).toBe(true);
  });

  it('a closure report round-trips', () => {
    const doc = { reason: 'goals_met' as const, summary: '目标达成', followUpPlan: '每季度电话回访', closedOn: '2027-03-01' };
    expect(closureContent(closureValues(doc))).toEqual(doc);
    expect(zClosureDocument.safeParse(closureContent(closureValues(null))).success).toBe(true);
  });

  it("the server's paths point at form fields, evaluation goals by id", () => {
    expect(fieldOfPath('goals.0.targetDate')).toEqual(['goals', 0, 'targetDate']);
    expect(fieldOfPath('content.basicSituation')).toEqual(['basicSituation']);
    expect(fieldOfPath('goals.1.result', ['g-1', 'g-2'])).toEqual(['results', 'g-2', 'result']);
    expect(fieldOfPath('goals.1', ['g-1', 'g-2'])).toEqual(['results', 'g-2', 'result']);
    expect(fieldOfPath('goals.0')).toEqual(['goals', 0, 'description']);
  });
});
