import { Card, Empty, Timeline } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../app/language';
import { formatDateMinute } from '../../components/format';
import { documentLabel, stageLabel } from './case-labels';
import type { Case, CaseEvent } from './case-types';

const COLOR: Partial<Record<CaseEvent['kind'], string>> = {
  opened: 'blue',
  transition: 'blue',
  close_requested: 'orange',
  close_declined: 'red',
  closed: 'green',
  transferred: 'purple',
  referred: 'cyan',
  reviewed: 'gray',
};

/** Every step of the case, newest first: stages, saved documents, transfers, referrals, reviews. */
export function CaseHistoryCard({ caseData }: { caseData: Case }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const events = [...caseData.history].reverse();

  function what(event: CaseEvent): string {
    const label = t(`cases.history.kinds.${event.kind}`);
    if (event.kind === 'transition' && event.fromStage && event.toStage) {
      return t('cases.labelled', { label, value: `${stageLabel(event.fromStage, language)} → ${stageLabel(event.toStage, language)}` });
    }
    if (event.document) return t('cases.labelled', { label, value: documentLabel(event.document, language) });
    return label;
  }

  return (
    <Card size="small" title={t('cases.history.title')} data-testid="case-history">
      {events.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('cases.history.empty')} />
      ) : (
        <Timeline
          className="lm-timeline lm-case-history"
          items={events.map((event) => ({
            key: event.id,
            color: COLOR[event.kind] ?? 'gray',
            content: (
              <div data-testid="case-event" data-kind={event.kind}>
                <div className="lm-case-event__when">
                  {formatDateMinute(event.at, language)} · {event.by.name}
                </div>
                <div>{what(event)}</div>
                {event.note && <div className="lm-muted lm-small lm-prewrap">{event.note}</div>}
              </div>
            ),
          }))}
        />
      )}
    </Card>
  );
}
