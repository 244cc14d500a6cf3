import { CASE_DOCUMENTS, CASE_SOURCES, CLOSURE_REASONS, GOAL_RESULTS, NEED_TYPES, RISK_LEVELS, SERVICE_TYPES } from '../../../../shared/codes';
import type { Label } from '../../../../shared/i18n';
import type { Case, Referral } from '../case-types';
import { Block, Paper, paperCode, paperDate, Row, Section, Signatures, Ticks, usePaperT, type PaperFacts } from './paper';

interface PaperProps {
  caseData: Case;
  facts: PaperFacts;
}

function options(list: Record<string, Label>) {
  return Object.keys(list).map((value) => ({ value, label: paperCode(list, value) }));
}

/** 接案登记表 */
export function IntakePaper({ caseData, facts }: PaperProps) {
  const t = usePaperT();
  const doc = caseData.documents.intake;
  const consent = doc?.consent === true ? ['yes'] : doc?.consent === false ? ['no'] : [];
  return (
    <Paper title={CASE_DOCUMENTS.intake['zh-CN']} facts={facts} signatures={<Signatures who={['client', 'worker', 'manager']} />}>
      <table className="lm-paper__table">
        <colgroup>
          <col className="lm-paper__label-col" />
          <col />
          <col className="lm-paper__label-col" />
          <col />
        </colgroup>
        <tbody>
          <Row cells={[{ label: t('cases.paper.source'), value: <Ticks options={options(CASE_SOURCES)} chosen={doc?.source ? [doc.source] : []} />, span: 3 }]} />
          <Row
            cells={[
              { label: t('cases.paper.intakeOn'), value: paperDate(doc?.intakeOn) },
              { label: t('cases.paper.worker'), value: facts.worker },
            ]}
          />
          <Block label={t('cases.paper.presentingProblem')} text={doc?.presentingProblem} lines={4} />
          <Block label={t('cases.paper.basicSituation')} text={doc?.basicSituation} lines={7} />
          <Row
            cells={[
              {
                label: t('cases.paper.consent'),
                value: (
                  <Ticks
                    options={[
                      { value: 'yes', label: t('cases.paper.consentYes') },
                      { value: 'no', label: t('cases.paper.consentNo') },
                    ]}
                    chosen={consent}
                  />
                ),
              },
              {
                label: t('cases.paper.consentBy'),
                value: (
                  <Ticks
                    options={[
                      { value: 'self', label: t('cases.paper.self') },
                      { value: 'guardian', label: t('cases.paper.guardian') },
                    ]}
                    chosen={doc?.consentBy ? [doc.consentBy] : []}
                  />
                ),
              },
            ]}
          />
        </tbody>
      </table>
    </Paper>
  );
}

/** 需求评估表 */
export function AssessmentPaper({ caseData, facts }: PaperProps) {
  const t = usePaperT();
  const doc = caseData.documents.assessment;
  const problems = doc?.problems ?? [];
  return (
    <Paper title={CASE_DOCUMENTS.assessment['zh-CN']} facts={facts} signatures={<Signatures who={['client', 'worker', 'manager']} />}>
      <table className="lm-paper__table">
        <colgroup>
          <col className="lm-paper__label-col" />
          <col />
          <col className="lm-paper__label-col" />
          <col />
        </colgroup>
        <tbody>
          <Block
            label={t('cases.paper.problems')}
            lines={Math.max(3, problems.length)}
            text={
              problems.length > 0 ? (
                <ol className="lm-paper__list">
                  {problems.map((problem, index) => (
                    <li key={index}>{problem}</li>
                  ))}
                </ol>
              ) : null
            }
          />
          <Row cells={[{ label: t('cases.paper.needs'), value: <Ticks options={options(NEED_TYPES)} chosen={doc?.needs ?? []} />, span: 3 }]} />
          <Block label={t('cases.paper.strengths')} text={doc?.strengths} />
          <Block label={t('cases.paper.risks')} text={doc?.risks} />
          <Row cells={[{ label: t('cases.paper.riskLevel'), value: <Ticks options={options(RISK_LEVELS)} chosen={doc?.riskLevel ? [doc.riskLevel] : []} />, span: 3 }]} />
          <Block label={t('cases.paper.familySupport')} text={doc?.familySupport} />
          <Block label={t('cases.paper.socialSupport')} text={doc?.socialSupport} />
          <Row
            cells={[
              { label: t('cases.paper.assessedOn'), value: paperDate(doc?.assessedOn) },
              { label: t('cases.paper.worker'), value: facts.worker },
            ]}
          />
        </tbody>
      </table>
    </Paper>
  );
}

/** 服务计划书 */
export function PlanPaper({ caseData, facts }: PaperProps) {
  const t = usePaperT();
  const doc = caseData.documents.plan;
  const goals = doc?.goals ?? [];
  return (
    <Paper title={CASE_DOCUMENTS.plan['zh-CN']} facts={facts} signatures={<Signatures who={['client', 'worker', 'manager']} />}>
      <Section title={t('cases.paper.goals')}>
        {goals.length === 0 && <p className="lm-paper__empty">{t('cases.paper.noGoals')}</p>}
        {goals.map((goal, index) => (
          <div key={goal.id} className="lm-paper__goal" data-testid="paper-goal">
            <table className="lm-paper__table">
              <colgroup>
                <col className="lm-paper__label-col" />
                <col />
                <col className="lm-paper__label-col" />
                <col />
              </colgroup>
              <tbody>
                <Row cells={[{ label: t('cases.paper.goalN', { n: index + 1 }), value: goal.description, span: 3 }]} />
                <Row
                  cells={[
                    { label: t('cases.paper.measure'), value: goal.measure },
                    { label: t('cases.paper.targetDate'), value: paperDate(goal.targetDate) },
                  ]}
                />
              </tbody>
            </table>
            <table className="lm-paper__table lm-paper__grid">
              <thead>
                <tr>
                  <th>{t('cases.paper.interventions')}</th>
                  <th>{t('cases.paper.serviceType')}</th>
                  <th>{t('cases.paper.who')}</th>
                  <th>{t('cases.paper.frequency')}</th>
                  <th>{t('cases.paper.byDate')}</th>
                </tr>
              </thead>
              <tbody>
                {(goal.interventions ?? []).length === 0 && (
                  <tr>
                    <td>1</td>
                    <td>&nbsp;</td>
                    <td>&nbsp;</td>
                    <td>&nbsp;</td>
                    <td>&nbsp;</td>
                  </tr>
                )}
                {(goal.interventions ?? []).map((item, i) => (
                  <tr key={i}>
                    <td>{i + 1}</td>
                    <td>{paperCode(SERVICE_TYPES, item.serviceType)}</td>
                    <td>{item.who}</td>
                    <td>{item.frequency}</td>
                    <td>{paperDate(item.byDate)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ))}
      </Section>
      <Section title={t('cases.paper.agreement')}>
        <p className="lm-paper__agreement">
          <Ticks options={[{ value: 'yes', label: t('cases.paper.agreed') }]} chosen={doc?.clientAgreed ? ['yes'] : []} />
          <span>{t('cases.paper.agreedOn', { date: paperDate(doc?.agreedOn) || t('cases.paper.blankDate') })}</span>
        </p>
      </Section>
    </Paper>
  );
}

/** 评估表 */
export function EvaluationPaper({ caseData, facts }: PaperProps) {
  const t = usePaperT();
  const doc = caseData.documents.evaluation;
  const goals = caseData.documents.plan?.goals ?? [];
  const results = new Map((doc?.goals ?? []).map((entry) => [entry.goalId, entry]));
  const progress = new Map(caseData.goalProgress.map((entry) => [entry.goalId, entry]));
  return (
    <Paper title={CASE_DOCUMENTS.evaluation['zh-CN']} facts={facts} signatures={<Signatures who={['client', 'worker', 'manager']} />}>
      <Section title={t('cases.paper.goalResults')}>
        <table className="lm-paper__table lm-paper__grid">
          <thead>
            <tr>
              <th>{t('cases.paper.number')}</th>
              <th>{t('cases.paper.goal')}</th>
              <th>{t('cases.paper.servicesGiven')}</th>
              <th>{t('cases.paper.result')}</th>
              <th>{t('cases.paper.note')}</th>
            </tr>
          </thead>
          <tbody>
            {goals.map((goal, index) => {
              const entry = results.get(goal.id);
              return (
                <tr key={goal.id}>
                  <td>{index + 1}</td>
                  <td>{goal.description}</td>
                  <td>{t('cases.paper.times', { count: progress.get(goal.id)?.serviceCount ?? 0 })}</td>
                  <td>
                    <Ticks options={options(GOAL_RESULTS)} chosen={entry?.result ? [entry.result] : []} />
                  </td>
                  <td>{entry?.note}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </Section>
      <table className="lm-paper__table">
        <colgroup>
          <col className="lm-paper__label-col" />
          <col />
          <col className="lm-paper__label-col" />
          <col />
        </colgroup>
        <tbody>
          <Block label={t('cases.paper.clientView')} text={doc?.clientView} lines={4} />
          <Block label={t('cases.paper.workerView')} text={doc?.workerView} lines={4} />
          <Row
            cells={[
              { label: t('cases.paper.evaluatedOn'), value: paperDate(doc?.evaluatedOn) },
              { label: t('cases.paper.serviceCount'), value: t('cases.paper.times', { count: caseData.serviceCount }) },
            ]}
          />
        </tbody>
      </table>
    </Paper>
  );
}

/** 结案报告 */
export function ClosurePaper({ caseData, facts }: PaperProps) {
  const t = usePaperT();
  const doc = caseData.documents.closure;
  const approved = caseData.approvedBy
    ? t('cases.paper.approvedBy', { name: caseData.approvedBy.name, date: paperDate(caseData.closedAt) })
    : null;
  return (
    <Paper title={CASE_DOCUMENTS.closure['zh-CN']} facts={facts} signatures={<Signatures who={['client', 'worker', 'manager']} approved={approved} />}>
      <table className="lm-paper__table">
        <colgroup>
          <col className="lm-paper__label-col" />
          <col />
          <col className="lm-paper__label-col" />
          <col />
        </colgroup>
        <tbody>
          <Row cells={[{ label: t('cases.paper.closureReason'), value: <Ticks options={options(CLOSURE_REASONS)} chosen={doc?.reason ? [doc.reason] : []} />, span: 3 }]} />
          <Row
            cells={[
              { label: t('cases.paper.closedOn'), value: paperDate(doc?.closedOn ?? caseData.closedAt) },
              { label: t('cases.paper.serviceCount'), value: t('cases.paper.times', { count: caseData.serviceCount }) },
            ]}
          />
          <Row
            cells={[
              { label: t('cases.paper.referrals'), value: t('cases.paper.times', { count: caseData.referrals.length }) },
              { label: t('cases.paper.approver'), value: caseData.approvedBy?.name },
            ]}
          />
          <Block label={t('cases.paper.summary')} text={doc?.summary} lines={8} />
          <Block label={t('cases.paper.followUpPlan')} text={doc?.followUpPlan} lines={4} />
        </tbody>
      </table>
    </Paper>
  );
}

/** 转介表, one per referral. */
export function ReferralPaper({ caseData, facts, referral }: PaperProps & { referral: Referral }) {
  const t = usePaperT();
  return (
    <Paper title={t('cases.paper.referralTitle')} facts={facts} signatures={<Signatures who={['client', 'worker', 'manager', 'receiver']} />}>
      <table className="lm-paper__table">
        <colgroup>
          <col className="lm-paper__label-col" />
          <col />
          <col className="lm-paper__label-col" />
          <col />
        </colgroup>
        <tbody>
          <Row
            cells={[
              { label: t('cases.paper.referredTo'), value: referral.to },
              { label: t('cases.paper.referredOn'), value: paperDate(referral.referredOn) },
            ]}
          />
          <Block label={t('cases.paper.referralReason')} text={referral.reason} lines={4} />
          <Block label={t('cases.paper.materialsSent')} text={referral.materialsSent} lines={2} />
          <Row
            cells={[
              {
                label: t('cases.paper.referralConsent'),
                value: (
                  <Ticks
                    options={[
                      { value: 'yes', label: t('cases.paper.consentYes') },
                      { value: 'no', label: t('cases.paper.consentNo') },
                    ]}
                    chosen={[referral.consent ? 'yes' : 'no']}
                  />
                ),
                span: 3,
              },
            ]}
          />
          <Block label={t('cases.paper.outcome')} text={referral.outcome} lines={3} />
          <Row
            cells={[
              { label: t('cases.paper.outcomeOn'), value: paperDate(referral.outcomeOn) },
              { label: t('cases.paper.caseStage'), value: caseData.stage === 'closed' ? t('cases.paper.closed') : t('cases.paper.open') },
            ]}
          />
        </tbody>
      </table>
    </Paper>
  );
}
