import { useEffect, useMemo, useState } from 'react';
import { Alert, App, Button, Card, Empty, Form, Grid, InputNumber, Select, Skeleton, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { UndoOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import {
  CARE_AUDIENCES,
  CONTACT_CHANNELS,
  DEFAULT_CARE_RULES,
  DEFAULT_SILENCE_DAYS,
  type CareAudience,
  type CareRules,
  type ContactChannel,
  type RiskLevel,
} from '../../../shared/codes';
import { ApiError } from '../../app/api';
import { useLanguage } from '../../app/language';
import { applyNestedServerErrors, type FieldName } from '../../components/form-errors';
import { formatDateMinute } from '../../components/format';
import { LoadError } from '../../components/load-error';
import { codeLabel, RiskTag } from '../people/people-labels';
import { flattenOrgs, useOrgTree } from '../places/places-api';
import { useStaff } from '../services/services-api';
import { CareHeader } from './care-header';
import { CHANNELS } from './care-labels';
import { useCareSettings, useUpdateCareSettings, type CareSettings } from './care-api';

const AUDIENCES = Object.keys(CARE_AUDIENCES) as CareAudience[];
const RISKS: readonly RiskLevel[] = ['high', 'medium', 'low'];

interface Values {
  rules: CareRules;
  silenceDays: number | null;
  villageWorkers: Record<string, string | undefined>;
}

interface RuleRow {
  key: string;
  audience: CareAudience;
  risk: RiskLevel;
}

const RULE_ROWS: RuleRow[] = AUDIENCES.flatMap((audience) => RISKS.map((risk) => ({ key: `${audience}.${risk}`, audience, risk })));

function valuesOf(settings: CareSettings): Values {
  return { rules: settings.rules, silenceDays: settings.silenceDays, villageWorkers: { ...settings.villageWorkers } };
}

/** Which form field shows a server issue: rules.elder.high.phone, silenceDays, villageWorkers.<village>. */
function fieldOf(segments: string[]): FieldName | null {
  const [head, ...rest] = segments;
  if (head === 'rules' && rest.length === 3) return ['rules', ...rest];
  if (head === 'silenceDays') return 'silenceDays';
  if (head === 'villageWorkers' && rest.length === 1 && rest[0]) return ['villageWorkers', rest[0]];
  return null;
}

/**
 * 关爱设置 (/care/settings, manager): days between contacts by audience, risk and channel (empty
 * = none), when a person not contacted raises an alert, and the worker of each village.
 */
export function CareSettingsPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const { message } = App.useApp();
  const narrow = Grid.useBreakpoint().md === false;
  const settings = useCareSettings();
  const save = useUpdateCareSettings();
  const orgs = useOrgTree();
  const staff = useStaff();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const [dirty, setDirty] = useState(false);

  const villages = useMemo(() => flattenOrgs(orgs.data ?? []).filter((node) => node.level === 'village'), [orgs.data]);
  const workers = useMemo(() => (staff.data?.workers ?? []).map((worker) => ({ value: worker.id, label: worker.name })), [staff.data]);

  // The form follows what the server holds: on load, after a save, and after a version conflict.
  const loaded = settings.data;
  useEffect(() => {
    if (!loaded) return;
    form.resetFields();
    form.setFieldsValue(valuesOf(loaded));
    setDirty(false);
  }, [loaded, form]);

  function submit(values: Values) {
    if (!loaded) return;
    setError(null);
    const villageWorkers = Object.fromEntries(Object.entries(values.villageWorkers ?? {}).filter((entry): entry is [string, string] => typeof entry[1] === 'string' && entry[1] !== ''));
    save.mutate(
      { version: loaded.version, rules: values.rules, silenceDays: values.silenceDays ?? DEFAULT_SILENCE_DAYS, villageWorkers },
      {
        onSuccess: () => void message.success(t('care.settings.saved')),
        onError: (failure) => {
          if (failure instanceof ApiError && failure.code === 'VERSION_CONFLICT') {
            setError(t('care.settings.conflict'));
            void message.warning(t('care.settings.conflict'));
            return;
          }
          setError(applyNestedServerErrors(form, failure, fieldOf));
        },
      },
    );
  }

  function restoreDefaults() {
    form.setFieldsValue({ rules: DEFAULT_CARE_RULES, silenceDays: DEFAULT_SILENCE_DAYS });
    void form.validateFields([['silenceDays'], ...RULE_ROWS.flatMap((row) => CHANNELS.map((channel) => ['rules', row.audience, row.risk, channel]))]).catch(() => undefined);
    setDirty(true);
    void message.info(t('care.settings.restored'));
  }

  const cadenceInput = (row: RuleRow, channel: ContactChannel) => {
    const fallback = DEFAULT_CARE_RULES[row.audience][row.risk][channel];
    return (
      <Form.Item
        name={['rules', row.audience, row.risk, channel]}
        rules={[{ type: 'integer', min: 1, max: 365, message: t('care.settings.cadenceRange') }]}
        extra={<span className="lm-care-hint">{fallback === null ? t('care.settings.defaultNone') : t('care.settings.defaultHint', { value: t('care.days', { count: fallback }) })}</span>}
      >
        <InputNumber
          min={1}
          max={365}
          precision={0}
          placeholder={t('care.settings.none')}
          suffix={t('care.dayUnit')}
          aria-label={`${codeLabel(CARE_AUDIENCES, row.audience, language)} ${codeLabel(CONTACT_CHANNELS, channel, language)}`}
          data-testid={`rule-${row.audience}-${row.risk}-${channel}`}
          style={narrow ? { width: '100%' } : undefined}
        />
      </Form.Item>
    );
  };

  const columns: TableColumnsType<RuleRow> = [
    {
      title: t('care.settings.audience'),
      key: 'audience',
      onCell: (row) => ({ rowSpan: row.risk === 'high' ? RISKS.length : 0 }),
      render: (_value, row) => <strong>{codeLabel(CARE_AUDIENCES, row.audience, language)}</strong>,
    },
    { title: t('care.settings.risk'), key: 'risk', render: (_value, row) => <RiskTag level={row.risk} /> },
    ...CHANNELS.map((channel) => ({ title: codeLabel(CONTACT_CHANNELS, channel, language), key: channel, render: (_value: unknown, row: RuleRow) => cadenceInput(row, channel) })),
  ];

  if (settings.isPending) {
    return (
      <div className="lm-care lm-care-settings">
        <CareHeader active="settings" title={t('care.settings.title')} description={t('care.settings.description')} />
        <Skeleton active paragraph={{ rows: 10 }} />
      </div>
    );
  }
  if (settings.isError) {
    return (
      <div className="lm-care lm-care-settings">
        <CareHeader active="settings" title={t('care.settings.title')} description={t('care.settings.description')} />
        <LoadError error={settings.error} onRetry={() => void settings.refetch()} />
      </div>
    );
  }

  const data = settings.data;
  const conflict = save.error instanceof ApiError && save.error.code === 'VERSION_CONFLICT';
  return (
    <div className="lm-care lm-care-settings" data-testid="settings-page">
      <CareHeader active="settings" title={t('care.settings.title')} description={t('care.settings.description')} />
      <Form<Values> form={form} name="careSettings" layout="vertical" requiredMark={false} onFinish={submit} onValuesChange={() => setDirty(true)}>
        <Card
          className="lm-care-section"
          size={narrow ? 'small' : 'default'}
          title={t('care.settings.rules')}
          extra={
            <Button icon={<UndoOutlined />} onClick={restoreDefaults} data-testid="settings-restore">
              {t('care.settings.restore')}
            </Button>
          }
        >
          <Typography.Paragraph type="secondary">{t('care.settings.rulesHint')}</Typography.Paragraph>
          {narrow ? (
            <div className="lm-care-rule-cards">
              {RULE_ROWS.map((row) => (
                <div key={row.key} className="lm-care-rule-card">
                  <div className="lm-care-rule-card__head">
                    <strong>{codeLabel(CARE_AUDIENCES, row.audience, language)}</strong>
                    <RiskTag level={row.risk} />
                  </div>
                  <div className="lm-care-rule-card__inputs">
                    {CHANNELS.map((channel) => (
                      <div key={channel}>
                        <span className="lm-small lm-muted">{codeLabel(CONTACT_CHANNELS, channel, language)}</span>
                        {cadenceInput(row, channel)}
                      </div>
                    ))}
                  </div>
                </div>
              ))}
            </div>
          ) : (
            <Table<RuleRow> className="lm-care-rules-table" rowKey="key" columns={columns} dataSource={RULE_ROWS} pagination={false} size="middle" bordered />
          )}
        </Card>

        <Card className="lm-care-section" size={narrow ? 'small' : 'default'} title={t('care.settings.silence')}>
          <Form.Item
            name="silenceDays"
            label={t('care.settings.silenceDays')}
            extra={t('care.settings.silenceHint', { days: DEFAULT_SILENCE_DAYS })}
            rules={[
              { required: true, message: t('care.settings.silenceRange') },
              { type: 'integer', min: 7, max: 365, message: t('care.settings.silenceRange') },
            ]}
            style={{ marginBottom: 0 }}
          >
            <InputNumber min={7} max={365} precision={0} suffix={t('care.dayUnit')} style={{ width: 140 }} data-testid="settings-silence" />
          </Form.Item>
        </Card>

        <Card className="lm-care-section" size={narrow ? 'small' : 'default'} title={t('care.settings.villages')}>
          <Typography.Paragraph type="secondary">{t('care.settings.villagesHint')}</Typography.Paragraph>
          {orgs.isError ? (
            <LoadError error={orgs.error} onRetry={() => void orgs.refetch()} />
          ) : villages.length === 0 && !orgs.isPending ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('care.settings.noVillages')} />
          ) : (
            <div className="lm-care-villages">
              {villages.map((village) => (
                <Form.Item key={village.id} name={['villageWorkers', village.id]} label={village.name}>
                  <Select allowClear placeholder={t('care.settings.auto')} options={workers} loading={staff.isPending} data-testid="settings-village-worker" />
                </Form.Item>
              ))}
            </div>
          )}
        </Card>

        {error && <Alert type={conflict ? 'warning' : 'error'} showIcon title={error} className="lm-care-dialog__error" data-testid="settings-error" />}
        <div className="lm-care-footer">
          <span className="lm-muted lm-small" data-testid="settings-updated">
            {data.version === 0 || !data.updatedAt
              ? t('care.settings.usingDefaults')
              : t('care.settings.updated', { name: data.updatedBy?.name ?? t('care.settings.someone'), time: formatDateMinute(data.updatedAt, language) })}
            {dirty && (
              <Tag color="orange" variant="filled" style={{ marginInlineStart: 8 }}>
                {t('care.settings.unsaved')}
              </Tag>
            )}
          </span>
          <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="settings-save">
            {t('care.settings.save')}
          </Button>
        </div>
      </Form>
    </div>
  );
}
