import { useState, type ReactNode } from 'react';
import { Alert, App, Avatar, Button, Card, Col, Descriptions, Empty, List, Result, Row, Skeleton, Space, Tag, Timeline, Tooltip, Typography } from 'antd';
import { AlertOutlined, ArrowLeftOutlined, EditOutlined, EyeOutlined, RightOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { CHILD_GROUPS, ELDER_GROUPS } from '../../../shared/codes';
import { ApiError, errorText } from '../../app/api';
import { hasPermission, useUser } from '../../app/auth';
import { useLanguage } from '../../app/language';
import { formatDate, today } from '../../components/format';
import { LoadError } from '../../components/load-error';
import { PageLoading } from '../../components/page-loading';
import { DangerReportDialog } from './danger-report-dialog';
import { PersonServicesCard } from '../services/person-services-card';
import { PersonCasesCard } from '../cases/person-cases-card';
import { PersonContactPlanCard } from '../tasks/person-plan-card';
import { PersonNeedsCard } from '../needs/person-needs-card';
import { revealIdNumber, useHousehold, usePerson, useSetBenefit, useTimeline } from './people-api';
import { benefitLabel, ethnicityLabel, groupLabel, GroupTags, initialOf, livingLabel, PhoneLink, RiskTag, statusLabel, useGenderLabel } from './people-labels';
import type { BenefitCode, BenefitStatus, Person } from './people-types';

export function PersonPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const person = usePerson(id);
  if (person.isPending) return <PageLoading />;
  if (person.isError) {
    if (person.error instanceof ApiError && person.error.status === 404) {
      return (
        <Result
          status="404"
          title={t('people.person.notFound')}
          extra={
            <Link to="/people">
              <Button type="primary">{t('people.person.back')}</Button>
            </Link>
          }
        />
      );
    }
    return <LoadError error={person.error} onRetry={() => void person.refetch()} />;
  }
  // Keyed by id: a revealed number (and any open dialog) stays with its person, not the next one opened.
  return <PersonView key={person.data.id} person={person.data} />;
}

function isChild(person: Person): boolean {
  return person.child !== null || person.groups.some((g) => (CHILD_GROUPS as string[]).includes(g)) || (person.age !== null && person.age < 18);
}

function isElder(person: Person): boolean {
  return person.elder !== null || person.groups.some((g) => (ELDER_GROUPS as string[]).includes(g)) || (person.age !== null && person.age >= 60);
}

function PersonView({ person }: { person: Person }) {
  const { t } = useTranslation();
  const user = useUser();
  const language = useLanguage();
  const genderLabel = useGenderLabel();
  const canWrite = hasPermission(user, 'people:write');
  const [reporting, setReporting] = useState(false);
  const child = isChild(person);

  const facts = [
    person.age !== null ? t('people.ageYears', { age: person.age }) : null,
    genderLabel(person.gender) || null,
    person.ethnicity ? ethnicityLabel(person.ethnicity, language) : null,
    person.villageName,
    person.status !== 'active' ? statusLabel(person.status, language) : null,
  ].filter(Boolean);

  return (
    <div className="lm-person" data-testid="person-page">
      <Link to="/people" className="lm-back-link">
        <ArrowLeftOutlined /> {t('people.person.back')}
      </Link>
      <Card className="lm-person__head" variant="borderless">
        <div className="lm-person__head-row">
          <Avatar size={64} className={`lm-person__avatar lm-person__avatar--${person.gender ?? 'unknown'}`}>
            {initialOf(person.name)}
          </Avatar>
          <div className="lm-person__who">
            <Typography.Title level={1} className="lm-person__name" data-testid="person-name">
              {person.name}
            </Typography.Title>
            <div className="lm-person__facts">{facts.join(' · ')}</div>
            <div className="lm-person__tags">
              <RiskTag level={person.riskLevel} />
              <GroupTags groups={person.groups} />
            </div>
          </div>
          <Space wrap className="lm-person__actions">
            {canWrite && child && (
              <Button danger icon={<AlertOutlined />} onClick={() => setReporting(true)} data-testid="danger-report-button">
                {t('people.person.dangerReport')}
              </Button>
            )}
            {canWrite && (
              <Link to={`/people/${person.id}/edit`}>
                <Button type="primary" icon={<EditOutlined />} data-testid="person-edit">
                  {t('people.person.edit')}
                </Button>
              </Link>
            )}
          </Space>
        </div>
      </Card>

      <FlagAlerts person={person} />

      <Row gutter={[16, 16]}>
        <Col xs={24} xl={14}>
          <Space orientation="vertical" size={16} style={{ width: '100%' }}>
            <BasicsCard person={person} />
            {(person.child !== null || child) && <ChildCard person={person} />}
            {(person.elder !== null || isElder(person)) && <ElderCard person={person} />}
            <HealthCard person={person} />
          </Space>
        </Col>
        <Col xs={24} xl={10}>
          <Space orientation="vertical" size={16} style={{ width: '100%' }}>
            {hasPermission(user, 'care:read') && <PersonContactPlanCard person={person} />}
            {hasPermission(user, 'cases:read') && <PersonCasesCard person={person} />}
            {hasPermission(user, 'services:read') && <PersonServicesCard person={person} />}
            {hasPermission(user, 'needs:read') && <PersonNeedsCard person={person} />}
            <BenefitsCard person={person} canWrite={canWrite} />
            <HouseholdCard person={person} />
            <TimelineCard personId={person.id} />
          </Space>
        </Col>
      </Row>
      {canWrite && child && <DangerReportDialog personId={person.id} name={person.name} open={reporting} onClose={() => setReporting(false)} />}
    </div>
  );
}

function FlagAlerts({ person }: { person: Person }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { flags } = person;
  const alerts: Array<{ key: string; type: 'error' | 'warning'; text: string }> = [];
  if (flags.openDangerReport) alerts.push({ key: 'openDangerReport', type: 'error', text: t('people.person.flags.openDangerReport') });
  if (flags.childMayBeAlone) alerts.push({ key: 'childMayBeAlone', type: 'error', text: t('people.person.flags.childMayBeAlone') });
  if (flags.parentsCallRarely) alerts.push({ key: 'parentsCallRarely', type: 'warning', text: t('people.person.flags.parentsCallRarely') });
  if (flags.groupAgeMismatch.length > 0) {
    const groups = flags.groupAgeMismatch.map((g) => groupLabel(g, language)).join('、');
    alerts.push({ key: 'groupAgeMismatch', type: 'warning', text: t('people.person.flags.groupAgeMismatch', { groups }) });
  }
  if (alerts.length === 0) return null;
  return (
    <div className="lm-person__flags">
      {alerts.map((alert) => (
        <Alert key={alert.key} type={alert.type} showIcon title={alert.text} data-testid={`flag-${alert.key}`} />
      ))}
    </div>
  );
}

function Missing() {
  const { t } = useTranslation();
  return <span className="lm-muted">{t('people.notRecorded')}</span>;
}

function show(value: ReactNode): ReactNode {
  return value === null || value === undefined || value === '' ? <Missing /> : value;
}

function useYesNo() {
  const { t } = useTranslation();
  return (value: boolean | null | undefined) => (value === null || value === undefined ? null : value ? t('people.yes') : t('people.no'));
}

function BasicsCard({ person }: { person: Person }) {
  const { t } = useTranslation();
  const user = useUser();
  const language = useLanguage();
  const { message } = App.useApp();
  const genderLabel = useGenderLabel();
  const canReveal = hasPermission(user, 'pii:reveal');
  const [revealed, setRevealed] = useState<string | null>(null);
  const [revealing, setRevealing] = useState(false);

  function reveal() {
    setRevealing(true);
    revealIdNumber(person.id)
      .then((full) => setRevealed(full.idNumber ?? null))
      .catch((error: unknown) => void message.error(errorText(error)))
      .finally(() => setRevealing(false));
  }

  const idNumber = person.idNumberMasked ? (
    <Space wrap size={8}>
      <span className="lm-mono lm-id-number" data-testid="id-number">
        {revealed ?? person.idNumberMasked}
      </span>
      {revealed ? (
        <Typography.Text type="secondary">{t('people.person.revealed')}</Typography.Text>
      ) : (
        canReveal && (
          <Tooltip title={t('people.person.revealHint')}>
            <Button size="small" icon={<EyeOutlined />} loading={revealing} onClick={reveal} data-testid="reveal-id">
              {t('people.person.reveal')}
            </Button>
          </Tooltip>
        )
      )}
    </Space>
  ) : (
    <span className="lm-muted">{t('people.person.noIdNumber')}</span>
  );

  return (
    <Card title={t('people.person.basics')} size="small">
      <Descriptions column={{ xs: 1, sm: 2 }} size="small" colon={false} className="lm-desc">
        <Descriptions.Item label={t('people.fields.idNumber')} span={{ xs: 1, sm: 2 }}>
          {idNumber}
        </Descriptions.Item>
        <Descriptions.Item label={t('people.fields.phone')}>
          <PhoneLink phone={person.phone} />
        </Descriptions.Item>
        <Descriptions.Item label={t('people.fields.birthDate')}>{show(person.birthDate && formatDate(person.birthDate, language))}</Descriptions.Item>
        <Descriptions.Item label={t('people.fields.gender')}>{show(genderLabel(person.gender))}</Descriptions.Item>
        <Descriptions.Item label={t('people.fields.ethnicity')}>{show(person.ethnicity && ethnicityLabel(person.ethnicity, language))}</Descriptions.Item>
        <Descriptions.Item label={t('people.fields.villageId')}>{show(person.villageName)}</Descriptions.Item>
        <Descriptions.Item label={t('people.fields.address')}>{show(person.address)}</Descriptions.Item>
        {person.notes && (
          <Descriptions.Item label={t('people.fields.notes')} span={{ xs: 1, sm: 2 }}>
            <span className="lm-prewrap">{person.notes}</span>
          </Descriptions.Item>
        )}
      </Descriptions>
    </Card>
  );
}

function ChildCard({ person }: { person: Person }) {
  const { t } = useTranslation();
  const yesNo = useYesNo();
  const child = person.child;
  const guardian = child?.guardian;
  const code = (group: string, value: string | null | undefined): string => (value ? t(`people.codes.${group}.${value}` as 'people.codes.health.healthy') : '');
  const parents = child?.parents ?? [];

  return (
    <Card title={t('people.person.childFile')} size="small" data-testid="child-card">
      <Descriptions column={{ xs: 1, sm: 2 }} size="small" colon={false} className="lm-desc">
        <Descriptions.Item label={t('people.fields.schooling')}>{show(code('schooling', child?.schooling))}</Descriptions.Item>
        <Descriptions.Item label={t('people.fields.school')}>
          {show([child?.school, child?.grade].filter(Boolean).join(' '))}
        </Descriptions.Item>
        <Descriptions.Item label={t('people.fields.boarding')}>{show(yesNo(child?.boarding))}</Descriptions.Item>
        <Descriptions.Item label={t('people.fields.guardianshipType')}>{show(code('guardianshipType', child?.guardianshipType))}</Descriptions.Item>
        <Descriptions.Item label={t('people.fields.guardian')} span={{ xs: 1, sm: 2 }}>
          {guardian?.name || guardian?.phone ? (
            <Space wrap size={8}>
              <span>
                {guardian.name}
                {guardian.relation && <span className="lm-muted">（{guardian.relation}）</span>}
              </span>
              {guardian.phone && <PhoneLink phone={guardian.phone} />}
              {guardian.capacity && (
                <Tag variant="filled">
                  {t('people.person.capacity', { value: code('capacity', guardian.capacity) })}
                </Tag>
              )}
            </Space>
          ) : (
            <Missing />
          )}
        </Descriptions.Item>
        {(['father', 'mother'] as const).map((role) => {
          const parent = parents.find((p) => p.role === role);
          return (
            <Descriptions.Item key={role} label={t(`people.fields.${role}`)} span={{ xs: 1, sm: 2 }}>
              {parent ? (
                <div className="lm-parent" data-testid={`parent-${role}`}>
                  <Space wrap size={8}>
                    <strong>{parent.name ?? '—'}</strong>
                    <Tag color={parent.status === 'away' ? 'blue' : parent.status === 'home' ? 'green' : 'default'} variant="filled">
                      {code('parentStatus', parent.status)}
                    </Tag>
                    {parent.phone && <PhoneLink phone={parent.phone} />}
                  </Space>
                  <div className="lm-muted">
                    {[
                      parent.workProvince || parent.workCity
                        ? t('people.person.parentWork', { province: parent.workProvince ?? '', city: parent.workCity ?? '' })
                        : null,
                      parent.contactFrequency ? t('people.person.calls', { frequency: code('contactFrequency', parent.contactFrequency) }) : null,
                    ]
                      .filter(Boolean)
                      .join(' · ')}
                  </div>
                </div>
              ) : (
                <Missing />
              )}
            </Descriptions.Item>
          );
        })}
        <Descriptions.Item label={t('people.fields.childDirector')} span={{ xs: 1, sm: 2 }}>
          {child?.childDirector ? (
            <Space wrap size={8}>
              <span>{child.childDirector.name}</span>
              {child.childDirector.phone && <PhoneLink phone={child.childDirector.phone} />}
            </Space>
          ) : (
            <Missing />
          )}
        </Descriptions.Item>
      </Descriptions>
    </Card>
  );
}

function ElderCard({ person }: { person: Person }) {
  const { t } = useTranslation();
  const elder = person.elder;
  const contact = elder?.emergencyContact;
  return (
    <Card title={t('people.person.elderFile')} size="small" data-testid="elder-card">
      <Descriptions column={1} size="small" colon={false} className="lm-desc">
        <Descriptions.Item label={t('people.fields.selfCare')}>
          {show(elder?.selfCare ? t(`people.codes.selfCare.${elder.selfCare}`) : null)}
        </Descriptions.Item>
        <Descriptions.Item label={t('people.fields.emergencyContact')}>
          {contact ? (
            <Space wrap size={8}>
              <span>
                {contact.name}
                {contact.relation && <span className="lm-muted">（{contact.relation}）</span>}
              </span>
              {contact.phone && <PhoneLink phone={contact.phone} />}
            </Space>
          ) : (
            <Missing />
          )}
        </Descriptions.Item>
        <Descriptions.Item label={t('people.fields.childrenAway')}>
          {elder?.childrenAway && elder.childrenAway.length > 0 ? (
            <div className="lm-stack">
              {elder.childrenAway.map((away, index) => (
                <div key={`${away.name}-${index}`}>
                  <Space wrap size={8}>
                    <strong>{away.name}</strong>
                    {away.place && <span>{away.place}</span>}
                    {away.phone && <PhoneLink phone={away.phone} />}
                    {away.contactFrequency && (
                      <span className="lm-muted">{t('people.person.calls', { frequency: t(`people.codes.contactFrequency.${away.contactFrequency}`) })}</span>
                    )}
                  </Space>
                </div>
              ))}
            </div>
          ) : (
            <Missing />
          )}
        </Descriptions.Item>
      </Descriptions>
    </Card>
  );
}

function HealthCard({ person }: { person: Person }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const consent = person.consent;
  return (
    <Card title={t('people.person.healthLiving')} size="small">
      <Descriptions column={{ xs: 1, sm: 2 }} size="small" colon={false} className="lm-desc">
        <Descriptions.Item label={t('people.fields.health')}>{show(person.health ? t(`people.codes.health.${person.health}`) : null)}</Descriptions.Item>
        <Descriptions.Item label={t('people.fields.livingSituation')}>{show(person.livingSituation && livingLabel(person.livingSituation, language))}</Descriptions.Item>
        {(person.disabilityType || person.disabilityGrade) && (
          <Descriptions.Item label={t('people.fields.disabilityType')} span={{ xs: 1, sm: 2 }}>
            {[person.disabilityType, person.disabilityGrade ? `${person.disabilityGrade}` : null].filter(Boolean).join(' · ')}
          </Descriptions.Item>
        )}
        {person.healthNotes && (
          <Descriptions.Item label={t('people.fields.healthNotes')} span={{ xs: 1, sm: 2 }}>
            {person.healthNotes}
          </Descriptions.Item>
        )}
        <Descriptions.Item label={t('people.person.consentTitle')} span={{ xs: 1, sm: 2 }}>
          {consent?.given ? (
            <span>
              {t('people.person.consentGivenBy', { by: t(`people.codes.consentBy.${consent.by}`), date: formatDate(consent.on, language) })}
              {consent.guardianName && <span className="lm-muted"> · {t('people.person.consentGuardian', { name: consent.guardianName })}</span>}
            </span>
          ) : (
            <Typography.Text type="warning">{t('people.person.consentMissing')}</Typography.Text>
          )}
        </Descriptions.Item>
      </Descriptions>
    </Card>
  );
}

const BENEFIT_COLOR: Record<BenefitStatus, string> = { receiving: 'green', applied: 'blue', refused: 'default', stopped: 'default' };

function BenefitsCard({ person, canWrite }: { person: Person; canWrite: boolean }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { message } = App.useApp();
  const setBenefit = useSetBenefit(person.id);

  function apply(benefit: BenefitCode) {
    setBenefit.mutate(
      { benefit, status: 'applied', appliedOn: today().format('YYYY-MM-DD') },
      {
        onSuccess: () => void message.success(t('people.person.appliedDone', { benefit: benefitLabel(benefit, language) })),
        onError: (error) => void message.error(errorText(error)),
      },
    );
  }

  return (
    <Card title={t('people.person.benefits')} size="small" data-testid="benefits-card">
      {person.benefits.length === 0 ? (
        <Typography.Text type="secondary">{t('people.person.noBenefits')}</Typography.Text>
      ) : (
        <List
          size="small"
          dataSource={person.benefits}
          renderItem={(record) => (
            <List.Item key={record.benefit} extra={<Tag color={BENEFIT_COLOR[record.status]}>{t(`people.codes.benefitStatus.${record.status}`)}</Tag>}>
              <div className="lm-stack">
                <span>{benefitLabel(record.benefit, language)}</span>
                {(record.since || record.appliedOn) && (
                  <span className="lm-muted lm-small">
                    {record.status === 'applied' && record.appliedOn
                      ? t('people.person.appliedOn', { date: formatDate(record.appliedOn, language) })
                      : record.since
                        ? t('people.person.since', { date: formatDate(record.since, language) })
                        : null}
                  </span>
                )}
              </div>
            </List.Item>
          )}
        />
      )}
      {person.eligibleBenefits.length > 0 && (
        <div className="lm-eligible" data-testid="eligible-benefits">
          <div className="lm-eligible__title">{t('people.person.eligible')}</div>
          <div className="lm-muted lm-small">{t('people.person.eligibleHint')}</div>
          {person.eligibleBenefits.map((benefit) => (
            <div key={benefit} className="lm-eligible__row">
              <span>{benefitLabel(benefit, language)}</span>
              {canWrite && (
                <Button size="small" onClick={() => apply(benefit)} loading={setBenefit.isPending && setBenefit.variables.benefit === benefit}>
                  {t('people.person.recordApplied')}
                </Button>
              )}
            </div>
          ))}
        </div>
      )}
    </Card>
  );
}

function HouseholdCard({ person }: { person: Person }) {
  const { t } = useTranslation();
  const household = useHousehold(person.householdId);
  const genderLabel = useGenderLabel();
  let body: ReactNode;
  if (!person.householdId) body = <Typography.Text type="secondary">{t('people.person.noHousehold')}</Typography.Text>;
  else if (household.isPending) body = <Skeleton active paragraph={{ rows: 2 }} />;
  else if (household.isError) body = <LoadError error={household.error} onRetry={() => void household.refetch()} />;
  else {
    const others = household.data.members.filter((member) => member.id !== person.id);
    body =
      others.length === 0 ? (
        <Typography.Text type="secondary">{t('people.person.alone')}</Typography.Text>
      ) : (
        <List
          size="small"
          dataSource={others}
          renderItem={(member) => (
            <List.Item key={member.id}>
              <Link to={`/people/${member.id}`} className="lm-member">
                <Avatar size={28} className={`lm-person__avatar lm-person__avatar--${member.gender ?? 'unknown'}`}>
                  {initialOf(member.name)}
                </Avatar>
                <span className="lm-member__name">{member.name}</span>
                <span className="lm-muted">
                  {[member.relationToHead, genderLabel(member.gender), member.age !== null ? t('people.ageYears', { age: member.age }) : null]
                    .filter(Boolean)
                    .join(' · ')}
                </span>
                <RightOutlined className="lm-muted" />
              </Link>
            </List.Item>
          )}
        />
      );
  }
  return (
    <Card title={t('people.person.household')} size="small">
      {body}
    </Card>
  );
}

function TimelineCard({ personId }: { personId: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const timeline = useTimeline(personId);
  let body: ReactNode;
  if (timeline.isPending) body = <Skeleton active paragraph={{ rows: 3 }} />;
  else if (timeline.isError) body = <LoadError error={timeline.error} onRetry={() => void timeline.refetch()} />;
  else if (timeline.data.items.length === 0) body = <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('people.person.noTimeline')} />;
  else
    body = (
      <Timeline
        className="lm-timeline"
        items={timeline.data.items.map((item, index) => ({
          key: `${item.at}-${index}`,
          color: item.kind === 'danger_reported' ? 'red' : item.kind === 'risk_changed' ? 'orange' : 'blue',
          title: <span className="lm-timeline__date">{formatDate(item.at, language)}</span>,
          content: item.title,
        }))}
      />
    );
  return (
    <Card title={t('people.person.timeline')} size="small" data-testid="timeline-card">
      {body}
    </Card>
  );
}
