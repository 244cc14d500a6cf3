import { useState } from 'react';
import { Button, Card, Descriptions, Space, Tag, Typography } from 'antd';
import { ArrowLeftOutlined, AuditOutlined, PlusOutlined, SwapOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { hasPermission, useUser } from '../../app/auth';
import { useLanguage } from '../../app/language';
import { formatDate } from '../../components/format';
import { RiskTag } from '../people/people-labels';
import { ReviewDialog, TransferDialog } from './case-dialogs';
import { CaseSteps, ReviewDate, sourceLabel, StageTag } from './case-labels';
import type { Case } from './case-types';
import { useStaff } from './cases-api';

/** Who, where, which stage, who works it, when it is next reviewed; review and transfer. */
export function CaseHeader({ caseData }: { caseData: Case }) {
  const { t } = useTranslation();
  const user = useUser();
  const language = useLanguage();
  const [reviewing, setReviewing] = useState(false);
  const [transferring, setTransferring] = useState(false);
  const open = caseData.stage !== 'closed';
  const canWrite = hasPermission(user, 'cases:write') && open;
  const staff = useStaff(canWrite);
  const risk = caseData.documents.assessment?.riskLevel ?? null;

  return (
    <>
      <Link to="/cases" className="lm-back-link">
        <ArrowLeftOutlined /> {t('cases.case.back')}
      </Link>
      <Card variant="borderless" className="lm-case-head" data-testid="case-head">
        <div className="lm-case-head__row">
          <div className="lm-case-head__who">
            <Typography.Title level={1} className="lm-case-head__name" data-testid="case-person">
              <Link to={`/people/${caseData.personId}`}>{caseData.personName}</Link>
            </Typography.Title>
            <Space wrap size={4}>
              <StageTag stage={caseData.stage} />
              {risk && <RiskTag level={risk} />}
              {caseData.closeRequested && (
                <Tag color="orange" variant="filled">
                  {t('cases.closeRequestedTag')}
                </Tag>
              )}
              {caseData.villageName && <span className="lm-muted">{caseData.villageName}</span>}
            </Space>
          </div>
          {canWrite && (
            <Space wrap className="lm-case-head__actions">
              {hasPermission(user, 'services:write') && (
                <Link to={`/services/new?personId=${caseData.personId}&caseId=${caseData.id}`}>
                  <Button icon={<PlusOutlined />} data-testid="log-service">
                    {t('cases.services.log')}
                  </Button>
                </Link>
              )}
              <Button icon={<AuditOutlined />} onClick={() => setReviewing(true)} data-testid="review-button">
                {t('cases.review.action')}
              </Button>
              <Button icon={<SwapOutlined />} onClick={() => setTransferring(true)} data-testid="transfer-button">
                {t('cases.transfer.action')}
              </Button>
            </Space>
          )}
        </div>
        <div className="lm-case-head__steps">
          <CaseSteps stage={caseData.stage} />
        </div>
        <Descriptions size="small" colon={false} column={{ xs: 1, sm: 2, lg: 4 }} className="lm-desc lm-case-head__facts">
          <Descriptions.Item label={t('cases.columns.worker')}>
            <span data-testid="case-worker">{caseData.worker.name}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t('cases.columns.opened')}>{formatDate(caseData.openedAt, language)}</Descriptions.Item>
          <Descriptions.Item label={t('cases.case.source')}>{sourceLabel(caseData.source, language)}</Descriptions.Item>
          <Descriptions.Item label={open ? t('cases.columns.nextReview') : t('cases.case.closedOn')}>
            {open ? (
              <span data-testid="case-next-review">
                <ReviewDate on={caseData.nextReviewOn} overdue={caseData.reviewOverdue} />
              </span>
            ) : (
              caseData.closedAt && formatDate(caseData.closedAt, language)
            )}
          </Descriptions.Item>
          <Descriptions.Item label={t('cases.columns.lastContact')}>
            {caseData.lastContactAt ? formatDate(caseData.lastContactAt, language) : <span className="lm-muted">{t('cases.noContact')}</span>}
          </Descriptions.Item>
          <Descriptions.Item label={t('cases.case.services')}>{t('cases.case.serviceCount', { count: caseData.serviceCount })}</Descriptions.Item>
          <Descriptions.Item label={t('cases.columns.problem')} span={{ xs: 1, sm: 2, lg: 2 }}>
            <span className="lm-case-head__problem">{caseData.presentingProblem}</span>
          </Descriptions.Item>
        </Descriptions>
      </Card>
      {canWrite && (
        <>
          <ReviewDialog caseData={caseData} open={reviewing} onClose={() => setReviewing(false)} />
          <TransferDialog caseData={caseData} workers={staff.data?.workers ?? []} open={transferring} onClose={() => setTransferring(false)} />
        </>
      )}
    </>
  );
}
