import { useEffect, useState } from 'react';
import { Alert, App, Checkbox, DatePicker, Form, Input, InputNumber, Modal, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { CALENDARS, CHILD_GROUPS, ELDER_GROUPS, type ContactChannel, type GroupCode } from '../../../shared/codes';
import { useLanguage } from '../../app/language';
import { applyNestedServerErrors } from '../../components/form-errors';
import { formatDate, today } from '../../components/format';
import { codeLabel, groupLabel } from '../people/people-labels';
import { CHANNELS, defaultGroups, festivalLabel, OTHER_GROUPS } from './care-labels';
import { useCreateCampaign, type CreateCampaignRequest, type Festival } from './care-api';

interface Values {
  date?: Dayjs;
  groups: GroupCode[];
  kinds: ContactChannel[];
  windowDays: number | null;
  name: string;
}

const FIELDS = ['date', 'groups', 'kinds', 'windowDays', 'name'] as const;
const DATE_FORMAT = { 'zh-CN': 'YYYY年M月D日', 'en-US': 'D MMM YYYY' } as const;
const DEFAULT_WINDOW_DAYS = 7;

/** What the dialog starts a campaign for: a festival of the calendar, or (festival null) another day. */
export type CampaignTarget = { festival: Festival } | { festival: null };

/**
 * 发起节日关怀: the groups (defaults by festival), how (phone greeting, home visit), how many days
 * before the day the tasks may start, and a name; then the campaign's page. A campaign that
 * exists for the festival and year is opened instead, with a note.
 */
export function CampaignDialog({ target, onClose }: { target: CampaignTarget | null; onClose: () => void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const create = useCreateCampaign();
  const festival = target?.festival ?? null;
  const open = target !== null;

  useEffect(() => {
    if (!open) return;
    setError(null);
    form.resetFields();
    form.setFieldsValue({
      groups: defaultGroups(festival?.code ?? null),
      kinds: ['phone'],
      windowDays: DEFAULT_WINDOW_DAYS,
      name: festival ? t('care.dialog.defaultName', { year: festival.date.slice(0, 4), festival: festival.name }) : '',
    });
  }, [open, festival, form, t]);

  const windowDays = Form.useWatch('windowDays', form);
  const chosenDate = Form.useWatch('date', form);
  const endDay = festival ? dayjs(festival.date) : chosenDate;

  function close() {
    create.reset();
    onClose();
  }

  function submit(values: Values) {
    setError(null);
    const body: CreateCampaignRequest = {
      groups: values.groups,
      kinds: CHANNELS.filter((kind) => values.kinds.includes(kind)),
      windowDays: values.windowDays ?? DEFAULT_WINDOW_DAYS,
      name: values.name.trim() || undefined,
      ...(festival ? { festival: festival.code, year: Number(festival.date.slice(0, 4)) } : { date: values.date?.format('YYYY-MM-DD') }),
    };
    create.mutate(body, {
      onSuccess: ({ campaign, created }) => {
        if (created) void message.success(t('care.dialog.created', { count: campaign.tasksCreated }));
        else void message.info(t('care.dialog.exists'));
        close();
        void navigate(`/care/campaigns/${campaign.id}`);
      },
      onError: (failure) =>
        setError(
          applyNestedServerErrors(form, failure, (segments) => {
            const field = FIELDS.find((name) => name === segments[0]);
            return field ?? null;
          }),
        ),
    });
  }

  const groupBox = (code: GroupCode) => (
    <Checkbox key={code} value={code}>
      {groupLabel(code, language)}
    </Checkbox>
  );

  return (
    <Modal
      open={open}
      title={festival ? t('care.dialog.title', { festival: festival.name }) : t('care.dialog.titleOther')}
      okText={t('care.dialog.submit')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={close}
      confirmLoading={create.isPending}
      forceRender
      width={620}
    >
      <div data-testid="campaign-dialog">
        <Typography.Paragraph type="secondary">{t('care.dialog.intro')}</Typography.Paragraph>
        {error && <Alert type="error" showIcon title={error} className="lm-care-dialog__error" data-testid="campaign-dialog-error" />}
        <Form<Values> form={form} name="campaign" layout="vertical" requiredMark={false} onFinish={submit}>
          {festival ? (
            <Form.Item label={t('care.dialog.date')}>
              <span data-testid="campaign-dialog-date">
                {t('care.dialog.festivalDate', {
                  date: formatDate(festival.date, language),
                  calendar: festival.lunarDate ?? codeLabel(CALENDARS, festival.calendar, language),
                })}
              </span>
            </Form.Item>
          ) : (
            <Form.Item name="date" label={t('care.dialog.date')} extra={t('care.dialog.dateHint')} rules={[{ required: true, message: t('care.required') }]}>
              <DatePicker
                inputReadOnly
                format={DATE_FORMAT[language]}
                style={{ width: '100%', maxWidth: 240 }}
                disabledDate={(day) => day.isBefore(today().startOf('day'), 'day')}
              />
            </Form.Item>
          )}
          <Form.Item name="groups" label={t('care.dialog.groups')} rules={[{ required: true, type: 'array', min: 1, message: t('care.dialog.groupsRequired') }]}>
            <Checkbox.Group className="lm-care-groups">
              <div className="lm-care-groups__row">
                <span className="lm-care-groups__head">{t('care.dialog.elderGroups')}</span>
                <span className="lm-care-groups__boxes">{ELDER_GROUPS.map(groupBox)}</span>
              </div>
              <div className="lm-care-groups__row">
                <span className="lm-care-groups__head">{t('care.dialog.childGroups')}</span>
                <span className="lm-care-groups__boxes">{CHILD_GROUPS.map(groupBox)}</span>
              </div>
              <div className="lm-care-groups__row">
                <span className="lm-care-groups__head">{t('care.dialog.otherGroups')}</span>
                <span className="lm-care-groups__boxes">{OTHER_GROUPS.map(groupBox)}</span>
              </div>
            </Checkbox.Group>
          </Form.Item>
          <Form.Item name="kinds" label={t('care.dialog.kinds')} rules={[{ required: true, type: 'array', min: 1, message: t('care.dialog.kindsRequired') }]}>
            <Checkbox.Group options={CHANNELS.map((kind) => ({ value: kind, label: t(`care.kinds.${kind}`) }))} />
          </Form.Item>
          <Form.Item
            name="windowDays"
            label={t('care.dialog.windowDays')}
            rules={[{ required: true, type: 'integer', min: 1, max: 60, message: t('care.dialog.windowRange') }]}
            extra={
              endDay && typeof windowDays === 'number' && windowDays >= 1 && windowDays <= 60
                ? t('care.dialog.windowHint', {
                    from: formatDate(endDay.subtract(windowDays, 'day').format('YYYY-MM-DD'), language),
                    to: formatDate(endDay.format('YYYY-MM-DD'), language),
                  })
                : t('care.dialog.windowRange')
            }
          >
            <InputNumber min={1} max={60} precision={0} suffix={t('care.dayUnit')} style={{ width: 140 }} />
          </Form.Item>
          <Form.Item name="name" label={t('care.dialog.name')} rules={festival ? [] : [{ required: true, whitespace: true, message: t('care.required') }]}>
            <Input maxLength={100} placeholder={festival ? festivalLabel(festival.code, language) : undefined} />
          </Form.Item>
        </Form>
      </div>
    </Modal>
  );
}
