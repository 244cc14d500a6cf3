import { useMemo, useState, type ReactNode } from 'react';
import { Button, Card, DatePicker, Empty, Grid, Skeleton, Space, Tag, Tooltip } from 'antd';
import { CalendarOutlined, DownOutlined, LeftOutlined, PlusOutlined, RightOutlined, UpOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { hasPermission, useUser } from '../../app/auth';
import { useLanguage } from '../../app/language';
import type { Language } from '../../i18n';
import { formatDate, formatLongDate, today } from '../../components/format';
import { LoadError } from '../../components/load-error';
import { CareHeader } from './care-header';
import { CalendarTag, CampaignBar, campaignOf, daysFrom, useDaysText } from './care-labels';
import { useCampaigns, useFestivals, type Campaign, type Festival } from './care-api';
import { CampaignDialog, type CampaignTarget } from './campaign-dialog';

/** From October on, next year's first festivals (春节, 藏历新年, 元宵 …) are near enough to prepare. */
const LOOK_AHEAD_FROM_MONTH = 10;
/** Next year's festivals shown at the year's end: January to March. */
const LOOK_AHEAD_LAST_MONTH = 3;

type Entry = { kind: 'festival'; festival: Festival; campaign: Campaign | null } | { kind: 'campaign'; campaign: Campaign };

const entryDate = (entry: Entry) => (entry.kind === 'festival' ? entry.festival.date : entry.campaign.date);

/** A year's festivals with their campaigns, and the campaigns on other days, by month. */
function entriesByMonth(festivals: readonly Festival[], campaigns: readonly Campaign[], year: number): Array<[number, Entry[]]> {
  const entries: Entry[] = [
    ...festivals.map((festival): Entry => ({ kind: 'festival', festival, campaign: campaignOf(festival, campaigns) })),
    ...campaigns.filter((campaign) => campaign.festival === null && campaign.date.startsWith(`${year}-`)).map((campaign): Entry => ({ kind: 'campaign', campaign })),
  ].sort((a, b) => entryDate(a).localeCompare(entryDate(b)));
  const months = new Map<number, Entry[]>();
  for (const entry of entries) {
    const month = Number(entryDate(entry).slice(5, 7));
    months.set(month, [...(months.get(month) ?? []), entry]);
  }
  return [...months];
}

/** 12月 / December. */
function monthName(month: number, language: Language): string {
  if (language === 'zh-CN') return `${month}月`;
  return new Intl.DateTimeFormat('en-US', { month: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(2000, month - 1, 1)));
}

/**
 * 节日日历 (/care): the year's festivals and days of care by month, with their calendar, lunar
 * date, days until, and the station's campaign with its progress; the next festival on top. A
 * manager starts a campaign from a festival, or for another day.
 */
export function CalendarPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const user = useUser();
  const manager = hasPermission(user, 'care:manage');
  const [params, setParams] = useSearchParams();
  const now = today();
  const todayIso = now.format('YYYY-MM-DD');
  const thisYear = now.year();
  const requested = Number(params.get('year'));
  const year = Number.isInteger(requested) && requested >= 2000 && requested <= 2100 ? requested : thisYear;
  const lookAhead = year === thisYear && now.month() + 1 >= LOOK_AHEAD_FROM_MONTH;

  const festivals = useFestivals(year);
  const campaigns = useCampaigns(year);
  const nextFestivals = useFestivals(year + 1, lookAhead || year === thisYear);
  const nextCampaigns = useCampaigns(year + 1, lookAhead);
  const [dialog, setDialog] = useState<CampaignTarget | null>(null);
  const narrow = Grid.useBreakpoint().md === false;
  const [showPast, setShowPast] = useState(false);

  const months = useMemo(() => entriesByMonth(festivals.data ?? [], campaigns.data?.items ?? [], year), [festivals.data, campaigns.data, year]);
  const earlyNext = useMemo(
    () =>
      lookAhead
        ? entriesByMonth(nextFestivals.data ?? [], nextCampaigns.data?.items ?? [], year + 1).filter(([month]) => month <= LOOK_AHEAD_LAST_MONTH)
        : [],
    [lookAhead, nextFestivals.data, nextCampaigns.data, year],
  );

  // On a phone the months gone by of this year fold away, so the coming festivals come first.
  const pastMonths = useMemo(
    () => (narrow && year === thisYear ? months.filter(([, entries]) => entries.every((entry) => entryDate(entry) < todayIso)) : []),
    [narrow, year, thisYear, months, todayIso],
  );

  // The next festival from today, wherever the year picker is.
  const upcoming = useMemo(() => {
    if (year !== thisYear) return null;
    const all = [...(festivals.data ?? []), ...(nextFestivals.data ?? [])];
    return all.find((festival) => festival.date >= todayIso) ?? null;
  }, [year, thisYear, festivals.data, nextFestivals.data, todayIso]);
  const upcomingCampaign = useMemo(() => {
    if (!upcoming) return null;
    return campaignOf(upcoming, upcoming.date.startsWith(`${year}-`) ? campaigns.data?.items : nextCampaigns.data?.items);
  }, [upcoming, year, campaigns.data, nextCampaigns.data]);

  function goYear(next: number) {
    const query = new URLSearchParams(params);
    if (next === thisYear) query.delete('year');
    else query.set('year', String(next));
    setParams(query, { replace: true });
  }

  const start = manager ? (festival: Festival) => setDialog({ festival }) : null;

  let body: ReactNode;
  if (festivals.isPending) body = <Skeleton active paragraph={{ rows: 8 }} />;
  else if (festivals.isError) body = <LoadError error={festivals.error} onRetry={() => void festivals.refetch()} />;
  else if (months.length === 0) body = <Empty description={t('care.calendar.empty')} />;
  else
    body = (
      <>
        {campaigns.isError && <LoadError error={campaigns.error} onRetry={() => void campaigns.refetch()} />}
        {pastMonths.length > 0 && (
          <Button type="dashed" block className="lm-care-past-toggle" onClick={() => setShowPast(!showPast)} icon={showPast ? <UpOutlined /> : <DownOutlined />} data-testid="calendar-past-toggle">
            {showPast ? t('care.calendar.hidePast') : t('care.calendar.showPast', { count: pastMonths.reduce((sum, [, entries]) => sum + entries.length, 0) })}
          </Button>
        )}
        <Agenda
          months={showPast ? months : months.filter((month) => !pastMonths.includes(month))}
          todayIso={todayIso}
          nextCode={upcoming ? `${upcoming.code}:${upcoming.date}` : null}
          onStart={start}
          language={language}
          testId="calendar-year"
        />
        {earlyNext.length > 0 && (
          <section className="lm-care-ahead" data-testid="calendar-next-year">
            <h2 className="lm-care-ahead__title">{t('care.calendar.nextYearHead', { year: year + 1 })}</h2>
            <p className="lm-muted lm-small">{t('care.calendar.nextYearHint')}</p>
            <Agenda months={earlyNext} todayIso={todayIso} nextCode={upcoming ? `${upcoming.code}:${upcoming.date}` : null} onStart={start} language={language} testId="calendar-ahead" />
          </section>
        )}
      </>
    );

  return (
    <div className="lm-care" data-testid="calendar-page">
      <CareHeader
        active="calendar"
        title={t('care.nav.calendar')}
        description={t('care.calendar.description')}
        extra={
          manager && (
            <Button icon={<PlusOutlined />} onClick={() => setDialog({ festival: null })} data-testid="campaign-other">
              {t('care.calendar.startOther')}
            </Button>
          )
        }
      />
      <div className="lm-care-years">
        <Space.Compact>
          <Tooltip title={t('care.calendar.prevYear')}>
            <Button icon={<LeftOutlined />} aria-label={t('care.calendar.prevYear')} onClick={() => goYear(year - 1)} disabled={year <= 2000} />
          </Tooltip>
          <DatePicker
            picker="year"
            allowClear={false}
            inputReadOnly
            value={dayjs(`${year}-01-01`)}
            format={language === 'zh-CN' ? 'YYYY年' : 'YYYY'}
            onChange={(value) => value && goYear(value.year())}
            aria-label={t('care.calendar.yearLabel')}
            style={{ width: 110 }}
            data-testid="calendar-year-picker"
          />
          <Tooltip title={t('care.calendar.nextYear')}>
            <Button icon={<RightOutlined />} aria-label={t('care.calendar.nextYear')} onClick={() => goYear(year + 1)} disabled={year >= 2100} />
          </Tooltip>
        </Space.Compact>
        {year !== thisYear && (
          <Button type="link" onClick={() => goYear(thisYear)}>
            {t('care.calendar.thisYear')}
          </Button>
        )}
      </div>
      {upcoming && (
        <UpcomingBanner festival={upcoming} campaign={upcomingCampaign} todayIso={todayIso} onStart={start} language={language} />
      )}
      {body}
      <CampaignDialog target={dialog} onClose={() => setDialog(null)} />
    </div>
  );
}

function UpcomingBanner({
  festival,
  campaign,
  todayIso,
  onStart,
  language,
}: {
  festival: Festival;
  campaign: Campaign | null;
  todayIso: string;
  onStart: ((festival: Festival) => void) | null;
  language: Language;
}) {
  const { t } = useTranslation();
  const daysText = useDaysText();
  return (
    <Card className="lm-care-upcoming" size="small" data-testid="calendar-upcoming">
      <div className="lm-care-upcoming__row">
        <CalendarOutlined className="lm-care-upcoming__icon" />
        <div className="lm-care-upcoming__what">
          <span className="lm-muted lm-small">{t('care.calendar.next')}</span>
          <span className="lm-care-upcoming__name">
            {festival.name} <CalendarTag calendar={festival.calendar} language={language} />
          </span>
          <span className="lm-muted">
            {[formatLongDate(festival.date, language), festival.lunarDate].filter(Boolean).join(' · ')}
          </span>
        </div>
        <div className="lm-care-upcoming__side">
          <Tag color="orange" variant="filled" className="lm-care-upcoming__days">
            {daysText(daysFrom(todayIso, festival.date))}
          </Tag>
          <div className="lm-care-upcoming__action">
            {campaign ? (
              <Link to={`/care/campaigns/${campaign.id}`} className="lm-care-upcoming__campaign">
                <CampaignBar counts={campaign.progress} size="small" />
                <span className="lm-nowrap">
                  {t('care.calendar.openCampaign')} <RightOutlined />
                </span>
              </Link>
            ) : onStart ? (
              <Button type="primary" onClick={() => onStart(festival)} data-testid="upcoming-start">
                {t('care.calendar.start')}
              </Button>
            ) : (
              <span className="lm-muted">{t('care.calendar.notStarted')}</span>
            )}
          </div>
        </div>
      </div>
    </Card>
  );
}

function Agenda({
  months,
  todayIso,
  nextCode,
  onStart,
  language,
  testId,
}: {
  months: Array<[number, Entry[]]>;
  todayIso: string;
  nextCode: string | null;
  onStart: ((festival: Festival) => void) | null;
  language: Language;
  testId: string;
}) {
  return (
    <ol className="lm-care-agenda" data-testid={testId}>
      {months.map(([month, entries]) => (
        <li key={month} className="lm-care-agenda__month">
          <div className="lm-care-agenda__label">{monthName(month, language)}</div>
          <div className="lm-care-agenda__items">
            {entries.map((entry) =>
              entry.kind === 'festival' ? (
                <FestivalCard
                  key={`${entry.festival.code}:${entry.festival.date}`}
                  festival={entry.festival}
                  campaign={entry.campaign}
                  todayIso={todayIso}
                  next={nextCode === `${entry.festival.code}:${entry.festival.date}`}
                  onStart={onStart}
                  language={language}
                />
              ) : (
                <OtherCampaignCard key={entry.campaign.id} campaign={entry.campaign} todayIso={todayIso} language={language} />
              ),
            )}
          </div>
        </li>
      ))}
    </ol>
  );
}

function FestivalCard({
  festival,
  campaign,
  todayIso,
  next,
  onStart,
  language,
}: {
  festival: Festival;
  campaign: Campaign | null;
  todayIso: string;
  next: boolean;
  onStart: ((festival: Festival) => void) | null;
  language: Language;
}) {
  const { t } = useTranslation();
  const daysText = useDaysText();
  const days = daysFrom(todayIso, festival.date);
  const past = days < 0;
  const classes = ['lm-care-fest', next ? 'lm-care-fest--next' : '', past ? 'lm-care-fest--past' : ''].filter(Boolean).join(' ');
  return (
    <div className={classes} data-testid="festival" data-code={festival.code} data-date={festival.date} data-next={next ? 'true' : undefined}>
      <div className="lm-care-fest__top">
        <span className="lm-care-fest__name">{festival.name}</span>
        <CalendarTag calendar={festival.calendar} language={language} />
      </div>
      <div className="lm-care-fest__date">
        <span>{formatDate(festival.date, language)}</span>
        {festival.lunarDate && <span className="lm-muted">{festival.lunarDate}</span>}
      </div>
      <div className="lm-care-fest__when">
        {next && (
          <Tag color="#0b6e74" className="lm-care-fest__next">
            {t('care.calendar.next')}
          </Tag>
        )}
        <span className={past ? 'lm-muted' : 'lm-care-fest__days'}>{daysText(days)}</span>
      </div>
      {(campaign || (!past && onStart)) && (
        <div className="lm-care-fest__campaign">
          {campaign ? (
            <Link to={`/care/campaigns/${campaign.id}`} className="lm-care-fest__link" data-testid="festival-campaign">
              <CampaignBar counts={campaign.progress} size="small" />
              <span className="lm-small">
                {t('care.progress.summary', { done: campaign.progress.done, total: campaign.progress.total })} · {t('care.calendar.openCampaign')} <RightOutlined />
              </span>
            </Link>
          ) : (
            onStart && (
              <Button size="small" type={next ? 'primary' : 'default'} onClick={() => onStart(festival)} data-testid="festival-start">
                {t('care.calendar.start')}
              </Button>
            )
          )}
        </div>
      )}
    </div>
  );
}

function OtherCampaignCard({ campaign, todayIso, language }: { campaign: Campaign; todayIso: string; language: Language }) {
  const { t } = useTranslation();
  const daysText = useDaysText();
  const days = daysFrom(todayIso, campaign.date);
  return (
    <div className={`lm-care-fest lm-care-fest--other${days < 0 ? ' lm-care-fest--past' : ''}`} data-testid="other-campaign">
      <div className="lm-care-fest__top">
        <span className="lm-care-fest__name">{campaign.name}</span>
        <Tag variant="filled">{t('care.calendar.otherCampaign')}</Tag>
      </div>
      <div className="lm-care-fest__date">
        <span>{formatDate(campaign.date, language)}</span>
      </div>
      <div className="lm-care-fest__when">
        <span className={days < 0 ? 'lm-muted' : 'lm-care-fest__days'}>{daysText(days)}</span>
      </div>
      <div className="lm-care-fest__campaign">
        <Link to={`/care/campaigns/${campaign.id}`} className="lm-care-fest__link">
          <CampaignBar counts={campaign.progress} size="small" />
          <span className="lm-small">
            {t('care.progress.summary', { done: campaign.progress.done, total: campaign.progress.total })} · {t('care.calendar.openCampaign')} <RightOutlined />
          </span>
        </Link>
      </div>
    </div>
  );
}
