import { useState, type ReactNode } from 'react';
import { Button, Card, Empty, List, Skeleton, Space } from 'antd';
import { DownOutlined, FormOutlined, PlusOutlined, RightOutlined, UpOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { hasPermission, useUser } from '../../app/auth';
import { useLanguage } from '../../app/language';
import { formatDate } from '../../components/format';
import { LoadError } from '../../components/load-error';
import type { Person } from '../people/people-types';
import { AddNeedDialog } from './add-need-dialog';
import { useOpenSurveys, usePersonNeeds, type Need } from './needs-api';
import { needSourceLabel, NeedStatusMenu, NeedStatusTag, needTypeLabel } from './needs-labels';
import { isOpen, sortForPerson, surveyFor } from './needs-model';
import './needs.css';

/**
 * 需求 on a person's file: their needs, open ones first, with status, source, when identified and
 * the service that answered; a worker registers a need found at a visit, moves one on, or fills in
 * the questionnaire of the person's group with them.
 */
export function PersonNeedsCard({ person }: { person: Pick<Person, 'id' | 'name' | 'groups'> }) {
  const { t } = useTranslation();
  const user = useUser();
  const canWrite = hasPermission(user, 'needs:write');
  const canRespond = hasPermission(user, 'surveys:respond');
  const needs = usePersonNeeds(person.id);
  const surveys = useOpenSurveys(canRespond);
  const [adding, setAdding] = useState(false);
  const [showClosed, setShowClosed] = useState(false);
  const survey = surveys.data ? surveyFor(surveys.data.items, person.groups) : null;

  let body: ReactNode;
  if (needs.isPending) body = <Skeleton active paragraph={{ rows: 2 }} />;
  else if (needs.isError) body = <LoadError error={needs.error} onRetry={() => void needs.refetch()} />;
  else if (needs.data.items.length === 0)
    body = <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={canWrite ? t('needs.card.emptyCanAdd') : t('needs.card.empty')} />;
  else {
    const sorted = sortForPerson(needs.data.items);
    const open = sorted.filter((need) => isOpen(need.status));
    const closed = sorted.filter((need) => !isOpen(need.status));
    body = (
      <>
        {open.length > 0 && <NeedList needs={open} canWrite={canWrite} />}
        {closed.length > 0 && (
          <>
            <Button type="link" size="small" className="lm-needs__closed-toggle" onClick={() => setShowClosed((value) => !value)} data-testid="person-needs-closed">
              {t('needs.card.closed', { count: closed.length })} {showClosed ? <UpOutlined /> : <DownOutlined />}
            </Button>
            {(showClosed || open.length === 0) && <NeedList needs={closed} canWrite={canWrite} />}
          </>
        )}
      </>
    );
  }

  return (
    <Card
      title={t('needs.card.title')}
      size="small"
      data-testid="person-needs-card"
      extra={
        hasPermission(user, 'surveys:analyse') && (
          <Link to="/needs?tab=register" data-testid="person-needs-all">
            {t('needs.card.all')} <RightOutlined />
          </Link>
        )
      }
    >
      {(canWrite || canRespond) && (
        <Space wrap size={8} className="lm-needs__card-buttons">
          {canWrite && (
            <Button icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="need-add">
              {t('needs.card.add')}
            </Button>
          )}
          {canRespond && (
            <Link
              to={survey ? `/surveys/${survey.id}/fill?personId=${encodeURIComponent(person.id)}` : '/surveys?status=open'}
              title={survey ? t('needs.card.fillSurveyTitle', { title: survey.title, name: person.name }) : undefined}
              data-testid="need-fill-survey"
            >
              <Button icon={<FormOutlined />}>{t('needs.card.fillSurvey')}</Button>
            </Link>
          )}
        </Space>
      )}
      {body}
      {canWrite && <AddNeedDialog person={person} open={adding} onClose={() => setAdding(false)} />}
    </Card>
  );
}

function NeedList({ needs, canWrite }: { needs: readonly Need[]; canWrite: boolean }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <List
      size="small"
      className="lm-needs__person-list"
      dataSource={[...needs]}
      renderItem={(need) => (
        <List.Item key={need.id} data-testid="person-need" data-need={need.needType} data-status={need.status}>
          <div className="lm-needs__person-need">
            <div className="lm-needs__person-need-top">
              <strong>{needTypeLabel(need.needType, language)}</strong>
              <NeedStatusTag status={need.status} />
            </div>
            <div className="lm-muted lm-small">
              {needSourceLabel(need.source, language)} · {t('needs.card.identifiedOn', { date: formatDate(need.identifiedAt, language) })}
              {need.answeredBy && (
                <>
                  {' · '}
                  <Link to={`/services/${need.answeredBy.serviceId}`}>{t('needs.card.answered', { date: formatDate(need.answeredBy.startedAt, language) })}</Link>
                </>
              )}
            </div>
            {need.note && <div className="lm-needs__note">{need.note}</div>}
          </div>
          {canWrite && <NeedStatusMenu need={need} />}
        </List.Item>
      )}
    />
  );
}
