import { useState } from 'react';
import { Alert, App, Button, Card, Empty, Form, Input, List, Modal, Radio, Tag } from 'antd';
import { PlusOutlined, PrinterOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { hasPermission, useUser } from '../../app/auth';
import { useLanguage } from '../../app/language';
import { formatDate, today } from '../../components/format';
import { useActionError } from './case-dialogs';
import type { Case, Referral } from './case-types';
import { useAddReferral, useReferralOutcome } from './cases-api';
import { DateField } from './date-field';

/** 转介: to whom and why, what was sent, consent; the outcome once known. */
export function ReferralsCard({ caseData }: { caseData: Case }) {
  const { t } = useTranslation();
  const user = useUser();
  const language = useLanguage();
  const [adding, setAdding] = useState(false);
  const [outcomeFor, setOutcomeFor] = useState<Referral | null>(null);
  const canWrite = hasPermission(user, 'cases:write') && caseData.stage !== 'closed';

  return (
    <Card
      size="small"
      title={t('cases.referrals.title')}
      data-testid="referrals"
      extra={
        canWrite && (
          <Button size="small" icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="add-referral">
            {t('cases.referrals.add')}
          </Button>
        )
      }
    >
      {caseData.referrals.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('cases.referrals.empty')} />
      ) : (
        <List
          size="small"
          dataSource={caseData.referrals}
          renderItem={(referral) => (
            <List.Item key={referral.id} data-testid="referral">
              <div className="lm-case-referral">
                <div className="lm-card-list__top">
                  <strong>{referral.to}</strong>
                  {referral.outcome ? (
                    <Tag color="green" variant="filled">
                      {t('cases.referrals.hasOutcome')}
                    </Tag>
                  ) : (
                    <Tag color="gold" variant="filled">
                      {t('cases.referrals.pending')}
                    </Tag>
                  )}
                </div>
                <div className="lm-muted lm-small">
                  {formatDate(referral.referredOn, language)} · {referral.consent ? t('cases.referrals.consented') : t('cases.referrals.noConsent')}
                </div>
                <div>{referral.reason}</div>
                {referral.materialsSent && <div className="lm-muted lm-small">{t('cases.referrals.materialsShown', { materials: referral.materialsSent })}</div>}
                {referral.outcome && (
                  <div className="lm-case-referral__outcome">
                    {t('cases.referrals.outcomeShown', { date: referral.outcomeOn ? formatDate(referral.outcomeOn, language) : '', outcome: referral.outcome })}
                  </div>
                )}
                <div className="lm-case-referral__actions">
                  <Link to={`/cases/${caseData.id}/print/referral?id=${referral.id}`}>
                    <PrinterOutlined /> {t('cases.referrals.print')}
                  </Link>
                  {canWrite && !referral.outcome && (
                    <Button type="link" size="small" onClick={() => setOutcomeFor(referral)}>
                      {t('cases.referrals.recordOutcome')}
                    </Button>
                  )}
                </div>
              </div>
            </List.Item>
          )}
        />
      )}
      {canWrite && <ReferralDialog caseData={caseData} open={adding} onClose={() => setAdding(false)} />}
      {canWrite && <OutcomeDialog caseData={caseData} referral={outcomeFor} onClose={() => setOutcomeFor(null)} />}
    </Card>
  );
}

interface ReferralValues {
  to: string;
  reason: string;
  materialsSent: string;
  consent: boolean;
  referredOn: Dayjs;
}

function ReferralDialog({ caseData, open, onClose }: { caseData: Case; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<ReferralValues>();
  const [error, setError] = useState<string | null>(null);
  const add = useAddReferral(caseData.id);
  const actionError = useActionError();
  const required = [{ required: true, whitespace: true, message: t('cases.required') }];

  function close() {
    setError(null);
    onClose();
  }

  function submit(values: ReferralValues) {
    setError(null);
    add.mutate(
      {
        to: values.to.trim(),
        reason: values.reason.trim(),
        materialsSent: values.materialsSent?.trim() || null,
        consent: values.consent,
        referredOn: values.referredOn.format('YYYY-MM-DD'),
      },
      {
        onSuccess: () => {
          void message.success(t('cases.referrals.done'));
          close();
        },
        onError: (e) => setError(actionError(e)),
      },
    );
  }

  return (
    <Modal
      open={open}
      title={t('cases.referrals.add')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={close}
      confirmLoading={add.isPending}
      forceRender
      afterClose={() => form.resetFields()}
    >
      <div data-testid="referral-dialog">
        {error && <Alert type="error" showIcon title={error} className="lm-case-dialog__error" />}
        <Form<ReferralValues> form={form} name="referral" layout="vertical" requiredMark={false} onFinish={submit} initialValues={{ referredOn: today() }}>
          <Form.Item name="to" label={t('cases.referrals.to')} rules={required}>
            <Input maxLength={200} placeholder={t('cases.referrals.toPlaceholder')} />
          </Form.Item>
          <Form.Item name="reason" label={t('cases.referrals.reason')} rules={required}>
            <Input.TextArea rows={3} maxLength={2000} />
          </Form.Item>
          <Form.Item name="materialsSent" label={t('cases.referrals.materialsSent')}>
            <Input maxLength={1000} placeholder={t('cases.referrals.materialsPlaceholder')} />
          </Form.Item>
          <Form.Item name="consent" label={t('cases.referrals.consent')} rules={[{ required: true, message: t('cases.required') }]}>
            <Radio.Group
              options={[
                { value: true, label: t('cases.referrals.consented') },
                { value: false, label: t('cases.referrals.noConsent') },
              ]}
            />
          </Form.Item>
          <Form.Item name="referredOn" label={t('cases.referrals.referredOn')} rules={[{ required: true, message: t('cases.required') }]}>
            <DateField />
          </Form.Item>
        </Form>
      </div>
    </Modal>
  );
}

function OutcomeDialog({ caseData, referral, onClose }: { caseData: Case; referral: Referral | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ outcome: string; outcomeOn: Dayjs }>();
  const [error, setError] = useState<string | null>(null);
  const save = useReferralOutcome(caseData.id);
  const actionError = useActionError();

  function close() {
    setError(null);
    onClose();
  }

  return (
    <Modal
      open={referral !== null}
      title={t('cases.referrals.outcomeTitle', { to: referral?.to ?? '' })}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={close}
      confirmLoading={save.isPending}
      forceRender
      afterClose={() => form.resetFields()}
    >
      {error && <Alert type="error" showIcon title={error} className="lm-case-dialog__error" />}
      <Form<{ outcome: string; outcomeOn: Dayjs }>
        form={form}
        name="referralOutcome"
        layout="vertical"
        requiredMark={false}
        initialValues={{ outcomeOn: today() }}
        onFinish={(values) => {
          if (!referral) return;
          setError(null);
          save.mutate(
            { referralId: referral.id, outcome: values.outcome.trim(), outcomeOn: values.outcomeOn.format('YYYY-MM-DD') },
            {
              onSuccess: () => {
                void message.success(t('cases.referrals.outcomeDone'));
                close();
              },
              onError: (e) => setError(actionError(e)),
            },
          );
        }}
      >
        <Form.Item name="outcome" label={t('cases.referrals.outcome')} rules={[{ required: true, whitespace: true, message: t('cases.required') }]}>
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
        <Form.Item name="outcomeOn" label={t('cases.referrals.outcomeOn')} rules={[{ required: true, message: t('cases.required') }]}>
          <DateField />
        </Form.Item>
      </Form>
    </Modal>
  );
}
