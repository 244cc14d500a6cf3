import { Descriptions, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useLanguage } from '../../app/language';
import { formatDate, formatDateMinute, today } from '../../components/format';
import { ConcernTags, KindTag, ServiceTypeTags, servedByText, useDurationText, WellbeingTag } from './service-labels';
import type { ServiceRecord } from './service-types';

/** A follow-up day: red when it has passed. */
export function FollowUpTag({ on }: { on: string | null }) {
  const { t } = useTranslation();
  const language = useLanguage();
  if (!on) return null;
  const day = today().format('YYYY-MM-DD');
  return (
    <Tag color={on < day ? 'red' : on === day ? 'orange' : 'blue'} variant="filled" data-testid="follow-up-tag">
      {t('services.list.followUpOn', { date: formatDate(on, language) })}
    </Tag>
  );
}

/** The facts of a record: what, when, how long, who, how the person was, what next. */
export function RecordDetails({ record, withSummary = true }: { record: ServiceRecord; withSummary?: boolean }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const duration = useDurationText();
  const none = <span className="lm-muted">{t('services.record.none')}</span>;
  return (
    <Descriptions column={{ xs: 1, sm: 2 }} size="small" colon={false} className="lm-desc" data-testid="record-details">
      <Descriptions.Item label={t('services.fields.kind')}>
        <KindTag kind={record.kind} />
      </Descriptions.Item>
      <Descriptions.Item label={t('services.fields.startedAt')}>
        {formatDateMinute(record.startedAt, language)} · {duration(record.durationMinutes)}
      </Descriptions.Item>
      <Descriptions.Item label={t('services.fields.serviceTypes')} span={{ xs: 1, sm: 2 }}>
        <ServiceTypeTags types={record.serviceTypes} />
      </Descriptions.Item>
      {withSummary && (
        <Descriptions.Item label={t('services.fields.summary')} span={{ xs: 1, sm: 2 }}>
          <div className="lm-svc-record__summary" data-testid="record-summary">
            {record.summary}
          </div>
        </Descriptions.Item>
      )}
      <Descriptions.Item label={t('services.fields.wellbeing')}>
        <WellbeingTag level={record.wellbeing} />
      </Descriptions.Item>
      <Descriptions.Item label={t('services.fields.followUp')}>
        {record.followUpNeeded ? <FollowUpTag on={record.followUpOn} /> : <span className="lm-muted">{t('services.record.noFollowUp')}</span>}
      </Descriptions.Item>
      {record.concerns.length > 0 && (
        <Descriptions.Item label={t('services.fields.concerns')} span={{ xs: 1, sm: 2 }}>
          <ConcernTags concerns={record.concerns} />
        </Descriptions.Item>
      )}
      <Descriptions.Item label={t('services.fields.goods')}>{record.goods ?? none}</Descriptions.Item>
      <Descriptions.Item label={t('services.form.whoServed')}>{servedByText(record, language) || none}</Descriptions.Item>
      {record.caseId && (
        <Descriptions.Item label={t('services.fields.case')}>
          <Link to={`/cases/${record.caseId}`}>{t('services.record.openCase')}</Link>
        </Descriptions.Item>
      )}
    </Descriptions>
  );
}
