import { describe, expect, it } from 'vitest';
import type { CaseDocuments } from '../../../shared/schemas/cases';
import { addDays, checkTransition, documentProblems, documentWritable, reviewIntervalDays } from './cases.rules';

const empty: CaseDocuments = { intake: null, assessment: null, plan: null, evaluation: null, closure: null };
const complete: CaseDocuments = {
  intake: { source: 'home_visit', presentingProblem: '独居，冬季取暖困难', basicSituation: '老人独居，儿子在兰州打工', consent: true, consentBy: 'self', intakeOn: '2026-10-01' },
  assessment: {
    problems: ['取暖不安全', '情绪低落'],
    needs: ['daily_care', 'companionship'],
    strengths: '老人自理能力尚可',
    risks: '煤炉一氧化碳',
    riskLevel: 'high',
    familySupport: '儿子每月来电',
    socialSupport: '邻居偶尔照看',
    assessedOn: '2026-10-08',
  },
  plan: {
    goals: [
      {
        id: 'g1',
        description: '冬季取暖安全',
        measure: '安装一氧化碳报警器并每周检查',
        targetDate: '2026-12-31',
        interventions: [{ serviceType: 'resource_linking', who: '社工', frequency: '一次', byDate: '2026-11-15' }],
      },
    ],
    clientAgreed: true,
    agreedOn: '2026-10-15',
  },
  evaluation: { goals: [{ goalId: 'g1', result: 'met', note: '已安装' }], clientView: '满意', workerView: '目标达成', evaluatedOn: '2027-01-05' },
  closure: { reason: 'goals_met', summary: '取暖安全问题已解决', followUpPlan: '纳入月度探访', closedOn: '2027-01-10' },
};

describe('case documents', () => {
  it('names every missing field of an empty document', () => {
    expect(documentProblems('intake', empty).map((p) => p.path)).toEqual(['source', 'presentingProblem', 'basicSituation', 'consent', 'consentBy', 'intakeOn']);
    expect(documentProblems('plan', empty).map((p) => p.path)).toEqual(['goals', 'clientAgreed', 'agreedOn']);
    for (const kind of ['intake', 'assessment', 'plan', 'evaluation', 'closure'] as const) expect(documentProblems(kind, complete)).toEqual([]);
  });

  it('a goal without an intervention, or a plan goal without a result, is incomplete', () => {
    const plan = { ...complete.plan!, goals: [{ ...complete.plan!.goals![0]!, interventions: [] }] };
    expect(documentProblems('plan', { ...complete, plan })).toEqual([{ path: 'goals.0', key: 'case.goalIncomplete' }]);
    const twoGoals = { ...complete.plan!, goals: [...complete.plan!.goals!, { ...complete.plan!.goals![0]!, id: 'g2' }] };
    expect(documentProblems('evaluation', { ...complete, plan: twoGoals })).toEqual([{ path: 'goals.1', key: 'case.goalNotEvaluated' }]);
  });

  it('consent must be given, not merely answered', () => {
    expect(documentProblems('intake', { ...complete, intake: { ...complete.intake!, consent: false } })).toEqual([{ path: 'consent', key: 'case.consentMissing' }]);
  });
});

describe('case transitions', () => {
  it('moves forward one stage at a time', () => {
    expect(checkTransition('intake', 'assessment', complete, 0)).toEqual({ ok: true });
    expect(checkTransition('intake', 'planning', complete, 0)).toEqual({ ok: false, code: 'STAGE_ORDER' });
    expect(checkTransition('assessment', 'intake', complete, 0)).toEqual({ ok: false, code: 'STAGE_ORDER' });
    expect(checkTransition('closed', 'intake', complete, 0)).toEqual({ ok: false, code: 'STAGE_ORDER' });
  });

  it("needs the leaving stage's document, and services before the evaluation", () => {
    const check = checkTransition('intake', 'assessment', empty, 0);
    expect(check).toMatchObject({ ok: false, code: 'DOCUMENT_INCOMPLETE' });
    expect(check.ok ? [] : check.problems?.map((p) => p.path)).toContain('intake.consent');
    expect(checkTransition('intervention', 'evaluation', complete, 0)).toEqual({ ok: false, code: 'DOCUMENT_INCOMPLETE', problems: [{ path: 'services', key: 'case.noServices' }] });
    expect(checkTransition('intervention', 'evaluation', complete, 3)).toEqual({ ok: true });
  });

  it('goes back from the evaluation to re-plan or serve more', () => {
    expect(checkTransition('evaluation', 'planning', complete, 1)).toEqual({ ok: true });
    expect(checkTransition('evaluation', 'intervention', complete, 1)).toEqual({ ok: true });
    expect(checkTransition('evaluation', 'assessment', complete, 1)).toEqual({ ok: false, code: 'STAGE_ORDER' });
  });

  it('closes after the evaluation, or early only for an early reason', () => {
    expect(checkTransition('evaluation', 'closed', complete, 1)).toEqual({ ok: true });
    expect(checkTransition('assessment', 'closed', complete, 0)).toMatchObject({ ok: false, code: 'STAGE_ORDER', problems: [{ path: 'closure.reason' }] });
    expect(checkTransition('assessment', 'closed', { ...complete, closure: { ...complete.closure!, reason: 'moved' } }, 0)).toEqual({ ok: true });
    expect(checkTransition('evaluation', 'closed', { ...complete, closure: null }, 1)).toMatchObject({ ok: false, code: 'DOCUMENT_INCOMPLETE' });
  });

  it('documents open with their stage; the closure report at any time before closing', () => {
    expect(documentWritable('plan', 'assessment')).toBe(false);
    expect(documentWritable('plan', 'evaluation')).toBe(true);
    expect(documentWritable('closure', 'intake')).toBe(true);
    expect(documentWritable('intake', 'closed')).toBe(false);
  });

  it('reviews come sooner the higher the risk', () => {
    expect([reviewIntervalDays('high'), reviewIntervalDays('medium'), reviewIntervalDays('low'), reviewIntervalDays(null)]).toEqual([30, 60, 90, 90]);
    expect(addDays('2026-11-29', 90)).toBe('2027-02-27');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
  });
});
