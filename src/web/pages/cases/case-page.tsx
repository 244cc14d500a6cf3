import { useCallback, useState, type ReactNode } from 'react';
import { Badge, Button, Col, Grid, Result, Row, Select, Space, Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../app/api';
import { useLanguage } from '../../app/language';
import { LoadError } from '../../components/load-error';
import { PageLoading } from '../../components/page-loading';
import { CaseHeader } from './case-header';
import { CaseHistoryCard } from './case-history';
import { documentLabel, documentOpen, DOCUMENT_ORDER, STAGE_DOCUMENT } from './case-labels';
import { NextStepCard } from './case-next-step';
import { ReferralsCard } from './case-referrals';
import { CaseServicesCard } from './case-services';
import type { Case, CaseDocumentKind, CaseStage } from './case-types';
import { useCase } from './cases-api';
import { AssessmentForm } from './documents/assessment-form';
import { ClosureForm } from './documents/closure-form';
import type { DocumentFormProps } from './documents/document-card';
import { EvaluationForm } from './documents/evaluation-form';
import { IntakeForm } from './documents/intake-form';
import { PlanForm } from './documents/plan-form';
import { GoalProgressCard } from './goal-progress';
import './cases.css';

export function CasePage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const found = useCase(id);
  if (found.isPending) return <PageLoading />;
  if (found.isError) {
    if (found.error instanceof ApiError && found.error.status === 404) {
      return (
        <Result
          status="404"
          title={t('cases.case.notFound')}
          extra={
            <Link to="/cases">
              <Button type="primary">{t('cases.case.back')}</Button>
            </Link>
          }
        />
      );
    }
    return <LoadError error={found.error} onRetry={() => void found.refetch()} />;
  }
  // Keyed by id: unsaved edits and open dialogs stay with their case.
  return <CaseView key={found.data.id} caseData={found.data} />;
}

type TabKey = CaseDocumentKind | 'services';

function isTabKey(value: string): value is TabKey {
  return value === 'services' || DOCUMENT_ORDER.some((kind) => kind === value);
}

/** The tab a stage works in: its document, the service records while intervening, the closure report at the end (or once asked for). */
function tabOf(stage: CaseStage, closeRequested: boolean): TabKey {
  if (closeRequested) return 'closure';
  if (stage === 'intervention') return 'services';
  if (stage === 'closed') return 'closure';
  return STAGE_DOCUMENT[stage] ?? 'intake';
}

const FORMS: Record<CaseDocumentKind, (props: DocumentFormProps) => ReactNode> = {
  intake: IntakeForm,
  assessment: AssessmentForm,
  plan: PlanForm,
  evaluation: EvaluationForm,
  closure: ClosureForm,
};

function CaseView({ caseData }: { caseData: Case }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const screens = Grid.useBreakpoint();
  const wide = screens.xl === true;
  const phone = screens.md === false;
  const [tab, setTab] = useState<TabKey>(tabOf(caseData.stage, caseData.closeRequested));
  const [seenStage, setSeenStage] = useState(caseData.stage);
  const [seenRequest, setSeenRequest] = useState(caseData.closeRequested);
  const [dirty, setDirty] = useState<Partial<Record<CaseDocumentKind, boolean>>>({});

  // A new stage opens its own document.
  if (seenStage !== caseData.stage || seenRequest !== caseData.closeRequested) {
    setSeenStage(caseData.stage);
    setSeenRequest(caseData.closeRequested);
    setTab(tabOf(caseData.stage, caseData.closeRequested));
  }

  const onDirtyChange = useCallback((kind: CaseDocumentKind, value: boolean) => {
    setDirty((current) => (current[kind] === value ? current : { ...current, [kind]: value }));
  }, []);

  const showDocument = useCallback((key: TabKey) => {
    setTab(key);
    window.requestAnimationFrame(() => document.getElementById('case-documents')?.scrollIntoView({ behavior: 'smooth', block: 'start' }));
  }, []);

  const documentTab = (kind: CaseDocumentKind) => {
    const Form = FORMS[kind];
    // The closure report can be written at any time but is due only at the end: its gaps count from the evaluation on.
    const due = kind !== 'closure' || caseData.stage === 'evaluation';
    const missing = due && documentOpen(kind, caseData.stage) ? (caseData.missing[kind]?.length ?? 0) : 0;
    return {
      key: kind,
      text: missing > 0 ? t('cases.case.tabMissing', { document: documentLabel(kind, language), count: missing }) : documentLabel(kind, language),
      label: (
        <span data-testid={`tab-${kind}`} className="lm-case-tab">
          {documentLabel(kind, language)}
          {dirty[kind] && <Badge status="warning" />}
          {missing > 0 && <Badge count={missing} size="small" color="#faad14" />}
        </span>
      ),
      children: <Form caseData={caseData} onDirtyChange={onDirtyChange} />,
    };
  };

  const items = [
    ...DOCUMENT_ORDER.slice(0, 3).map(documentTab),
    {
      key: 'services',
      text: t('cases.case.tabServices', { count: caseData.serviceCount }),
      label: (
        <span data-testid="tab-services" className="lm-case-tab">
          {t('cases.services.title')}
          <Badge count={caseData.serviceCount} size="small" color="#0b6e74" showZero={false} />
        </span>
      ),
      children: <CaseServicesCard caseData={caseData} />,
    },
    ...DOCUMENT_ORDER.slice(3).map(documentTab),
  ];

  const nextStep = <NextStepCard caseData={caseData} dirty={dirty} onShowDocument={showDocument} />;

  return (
    <div className="lm-case" data-testid="case-page" data-stage={caseData.stage}>
      <CaseHeader caseData={caseData} />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={16}>
          <Space orientation="vertical" size={16} style={{ width: '100%' }}>
            {!wide && nextStep}
            <div id="case-documents" className="lm-case-docs">
              <Tabs
                activeKey={tab}
                onChange={(key) => isTabKey(key) && setTab(key)}
                items={items.map(({ text: _text, ...item }) => item)}
                type="card"
                size={wide ? 'middle' : 'small'}
                // Six tabs do not fit a phone: there the documents are picked from a list.
                renderTabBar={
                  phone
                    ? () => (
                        <Select
                          className="lm-case-doc-picker"
                          value={tab}
                          onChange={setTab}
                          options={items.map((item) => ({ value: item.key, label: item.text }))}
                          aria-label={t('cases.case.documents')}
                          data-testid="doc-picker"
                        />
                      )
                    : undefined
                }
              />
            </div>
          </Space>
        </Col>
        <Col xs={24} xl={8}>
          <Space orientation="vertical" size={16} style={{ width: '100%' }}>
            {wide && nextStep}
            <GoalProgressCard caseData={caseData} />
            <ReferralsCard caseData={caseData} />
            <CaseHistoryCard caseData={caseData} />
          </Space>
        </Col>
      </Row>
    </div>
  );
}
