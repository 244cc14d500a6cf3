import { useState } from 'react';
import { Button, Card, Col, Result, Row, Space, Typography } from 'antd';
import { ArrowLeftOutlined, EditOutlined, UserOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../app/api';
import { hasPermission, useUser } from '../../app/auth';
import { useLanguage } from '../../app/language';
import { formatDateMinute } from '../../components/format';
import { LoadError } from '../../components/load-error';
import { PageLoading } from '../../components/page-loading';
import { ChecklistView } from './checklist-view';
import { PhotoGallery } from './photo-gallery';
import { RecordDetails } from './record-details';
import { RevisionsCard } from './revisions-card';
import { ServiceEdit } from './service-edit';
import { KindTag } from './service-labels';
import type { ServiceRecord } from './service-types';
import { useService } from './services-api';
import './services.css';

/** /services/:id: one record, its checklist, photos and history; corrected in place by its recorder or the manager. */
export function ServicePage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const record = useService(id);
  if (record.isPending) return <PageLoading />;
  if (record.isError) {
    if (record.error instanceof ApiError && record.error.status === 404) {
      return (
        <Result
          status="404"
          title={t('services.record.notFound')}
          extra={
            <Link to="/services">
              <Button type="primary">{t('services.record.back')}</Button>
            </Link>
          }
        />
      );
    }
    return <LoadError error={record.error} onRetry={() => void record.refetch()} />;
  }
  return <ServiceView key={record.data.id} record={record.data} />;
}

function ServiceView({ record }: { record: ServiceRecord }) {
  const { t } = useTranslation();
  const user = useUser();
  const language = useLanguage();
  const [editing, setEditing] = useState(false);
  const canWrite = hasPermission(user, 'services:write');
  // The server's rule (services.service.ts): the recorder, or a manager (who holds cases:approve).
  const canCorrect = canWrite && (record.recordedBy.id === user.id || hasPermission(user, 'cases:approve'));

  return (
    <div className="lm-svc-record" data-testid="service-page">
      <Link to="/services" className="lm-back-link">
        <ArrowLeftOutlined /> {t('services.record.back')}
      </Link>
      <Card variant="borderless" className="lm-person__head">
        <div className="lm-svc-record__head">
          <div className="lm-svc-record__title">
            <Typography.Title level={1} className="lm-person__name" data-testid="service-title">
              <Link to={`/people/${record.personId}`}>{record.personName}</Link>
            </Typography.Title>
            <Space wrap size={8}>
              <KindTag kind={record.kind} />
              <span>{formatDateMinute(record.startedAt, language)}</span>
              {record.villageName && <span className="lm-muted">{record.villageName}</span>}
            </Space>
            <span className="lm-muted lm-small">
              {t('services.record.recordedBy', { name: record.recordedBy.name, time: formatDateMinute(record.createdAt, language) })}
              {record.version > 1 && ` · ${t('services.record.corrected', { version: record.version, time: formatDateMinute(record.updatedAt, language) })}`}
            </span>
          </div>
          <Space wrap>
            <Link to={`/people/${record.personId}`}>
              <Button icon={<UserOutlined />}>{t('services.record.openPerson')}</Button>
            </Link>
            {canCorrect && !editing && (
              <Button type="primary" icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="service-edit-button">
                {t('services.record.edit')}
              </Button>
            )}
          </Space>
        </div>
      </Card>

      {editing ? (
        <ServiceEdit record={record} onDone={() => setEditing(false)} />
      ) : (
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={14}>
            <Space orientation="vertical" size={16} style={{ width: '100%' }}>
              <Card size="small" title={t('services.record.title')}>
                <RecordDetails record={record} />
              </Card>
              {(record.kind === 'home_visit' || record.checklist) && (
                <Card size="small" title={t('services.checklist.title')}>
                  <ChecklistView checklist={record.checklist} />
                </Card>
              )}
            </Space>
          </Col>
          <Col xs={24} xl={10}>
            <Space orientation="vertical" size={16} style={{ width: '100%' }}>
              <Card size="small" title={t('services.fields.photos')}>
                <PhotoGallery record={record} canAdd={canWrite} />
              </Card>
              <RevisionsCard record={record} />
            </Space>
          </Col>
        </Row>
      )}
    </div>
  );
}
