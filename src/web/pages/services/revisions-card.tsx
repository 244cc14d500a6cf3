import type { ReactNode } from 'react';
import { Card, Empty, Skeleton, Timeline } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../app/language';
import { formatDate, formatDateMinute } from '../../components/format';
import { LoadError } from '../../components/load-error';
import { checklistItemLabel, colon, findingLabel, kindLabel, listSeparator, sectionLabel, serviceTypeLabel, useDurationText, wellbeingLabel } from './service-labels';
import { corrections, type Change } from './revision-diff';
import type { ServiceRecord } from './service-types';
import { useServiceRevisions, useStaff } from './services-api';

const FIELD_LABEL_KEY = {
  kind: 'services.fields.kind',
  serviceTypes: 'services.fields.serviceTypes',
  startedAt: 'services.fields.startedAt',
  durationMinutes: 'services.fields.durationMinutes',
  summary: 'services.fields.summary',
  wellbeing: 'services.fields.wellbeing',
  followUpNeeded: 'services.fields.followUp',
  followUpOn: 'services.fields.followUpOn',
  goods: 'services.fields.goods',
  workerIds: 'services.fields.workers',
  volunteerIds: 'services.fields.volunteers',
  caseId: 'services.fields.case',
} as const;

/** Turns one change into "label: before → after" in the reader's language. */
function useChangeText(record: ServiceRecord) {
  const { t } = useTranslation();
  const language = useLanguage();
  const duration = useDurationText();
  const staff = useStaff();
  const names = new Map<string, string>();
  for (const person of [...(staff.data?.workers ?? []), ...(staff.data?.volunteers ?? []), ...record.workers, ...record.volunteers]) names.set(person.id, person.name);

  const none = t('services.record.none');
  function value(change: Change, raw: unknown): string {
    if (raw === null || raw === undefined || raw === '' || (Array.isArray(raw) && raw.length === 0)) return none;
    if (change.field === 'checklist') {
      if (typeof raw !== 'string') return none;
      if (change.key.endsWith('.note')) return raw;
      if (change.key.startsWith('service_needs.') && raw === 'concern') return t('services.checklist.needed');
      if (change.key.startsWith('service_needs.') && raw === 'ok') return t('services.checklist.notNeeded');
      return findingLabel(raw, language);
    }
    const list = Array.isArray(raw) ? raw.map((item) => (typeof item === 'string' ? item : JSON.stringify(item))) : [];
    const plain = typeof raw === 'string' || typeof raw === 'number' ? String(raw) : JSON.stringify(raw);
    switch (change.field) {
      case 'kind':
        return kindLabel(plain, language);
      case 'serviceTypes':
        return list.map((code) => serviceTypeLabel(code, language)).join(listSeparator(language));
      case 'startedAt':
        return formatDateMinute(plain, language);
      case 'durationMinutes':
        return typeof raw === 'number' ? duration(raw) : plain;
      case 'wellbeing':
        return typeof raw === 'number' ? `${raw} · ${wellbeingLabel(raw, language)}` : plain;
      case 'followUpNeeded':
        return raw === true ? t('services.record.yes') : t('services.record.no');
      case 'followUpOn':
        return formatDate(plain, language);
      case 'workerIds':
      case 'volunteerIds':
        return list.map((id) => names.get(id) ?? '—').join(listSeparator(language));
      default:
        return plain;
    }
  }

  return (change: Change): { label: string; before: string; after: string } => {
    const label =
      change.field === 'checklist'
        ? change.key.endsWith('.note')
          ? `${sectionLabel(change.key.split('.')[0] ?? '', language)} · ${t('services.fields.note')}`
          : checklistItemLabel(change.key, language, true)
        : t(FIELD_LABEL_KEY[change.field]);
    return { label, before: value(change, change.before), after: value(change, change.after) };
  };
}

/** 修改记录: each correction with who, when and what it changed (records are never silently changed). */
export function RevisionsCard({ record }: { record: ServiceRecord }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const revisions = useServiceRevisions(record.id, record.version);
  const text = useChangeText(record);

  let body: ReactNode;
  if (revisions.isPending) body = <Skeleton active paragraph={{ rows: 2 }} />;
  else if (revisions.isError) body = <LoadError error={revisions.error} onRetry={() => void revisions.refetch()} />;
  else if (revisions.data.length === 0) body = <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('services.record.noHistory')} />;
  else
    body = (
      <Timeline
        className="lm-timeline"
        items={corrections(record, revisions.data).map((correction) => ({
          key: correction.version,
          content: (
            <div data-testid="correction" data-version={correction.version}>
              <div className="lm-svc-revision__head">
                <strong>{t('services.record.version', { version: correction.version })}</strong>
                <span className="lm-muted"> · {t('services.record.changedBy', { name: correction.changedBy.name, time: formatDateMinute(correction.changedAt, language) })}</span>
              </div>
              {correction.changes.map((change) => {
                const line = text(change);
                return (
                  <div key={change.field === 'checklist' ? change.key : change.field} className="lm-svc-change">
                    <span>
                      {line.label}
                      {colon(language)}
                    </span>
                    <span className="lm-svc-change__old">{line.before}</span>
                    <span> → </span>
                    <span>{line.after}</span>
                  </div>
                );
              })}
            </div>
          ),
        }))}
      />
    );

  return (
    <Card size="small" title={t('services.record.history')} data-testid="revisions-card">
      {body}
    </Card>
  );
}
