import { useState } from 'react';
import { Alert, App, DatePicker, Form, Input, Modal, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { applyServerErrors } from '../../components/form-errors';
import { today } from '../../components/format';
import { useReportDanger } from './people-api';

interface Values {
  reportedAt: Dayjs;
  reportedTo: string;
  what: string;
}

const FIELDS = ['reportedAt', 'reportedTo', 'what'] as const;

/** 强制报告: the child was reported to the police; the manager sees it at once. */
export function DangerReportDialog({ personId, name, open, onClose }: { personId: string; name: string; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [formError, setFormError] = useState<string | null>(null);
  const report = useReportDanger(personId);

  function close() {
    form.resetFields();
    setFormError(null);
    onClose();
  }

  function submit(values: Values) {
    setFormError(null);
    report.mutate(
      { reportedAt: values.reportedAt.format(), reportedTo: values.reportedTo.trim(), what: values.what.trim() },
      {
        onSuccess: () => {
          void message.success(t('people.danger.done'));
          close();
        },
        onError: (error) => setFormError(applyServerErrors(form, error, FIELDS)),
      },
    );
  }

  return (
    <Modal
      open={open}
      title={t('people.danger.title', { name })}
      okText={t('people.danger.submit')}
      okButtonProps={{ danger: true }}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={close}
      confirmLoading={report.isPending}
      forceRender
    >
      <Typography.Paragraph type="secondary">{t('people.danger.intro')}</Typography.Paragraph>
      {formError && <Alert type="error" showIcon title={formError} style={{ marginBottom: 16 }} />}
      <Form<Values> form={form} layout="vertical" requiredMark={false} onFinish={submit} initialValues={{ reportedAt: today() }} name="danger">
        <Form.Item name="reportedAt" label={t('people.danger.reportedAt')} rules={[{ required: true, message: t('people.danger.required') }]}>
          <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" inputReadOnly style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item
          name="reportedTo"
          label={t('people.danger.reportedTo')}
          rules={[{ required: true, whitespace: true, message: t('people.danger.required') }]}
        >
          <Input maxLength={60} placeholder={t('people.danger.reportedToPlaceholder')} />
        </Form.Item>
        <Form.Item name="what" label={t('people.danger.what')} rules={[{ required: true, whitespace: true, message: t('people.danger.required') }]}>
          <Input.TextArea rows={4} maxLength={1000} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}
