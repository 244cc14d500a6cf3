import { useState } from 'react';
import { Alert, App, Form, Input, Modal, Typography } from 'antd';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../app/api';
import { useAuth } from '../app/auth';
import type { SessionReply } from '../app/types';
import { applyServerErrors, MIN_PASSWORD_LENGTH } from './form-errors';

interface Values {
  currentPassword: string;
  newPassword: string;
  confirmPassword: string;
}

const FIELDS = ['currentPassword', 'newPassword'] as const;

export function ChangePasswordDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { acceptSession } = useAuth();
  const [form] = Form.useForm<Values>();
  const [formError, setFormError] = useState<string | null>(null);

  const change = useMutation({
    mutationFn: (values: Values) =>
      api.post<SessionReply>('/api/auth/password', {
        currentPassword: values.currentPassword,
        newPassword: values.newPassword,
      }),
    onSuccess: (reply) => {
      // The server ends the old sessions and gives this one a new CSRF token.
      acceptSession(reply);
      void message.success(t('changePassword.done'));
      close();
    },
    onError: (error) => setFormError(applyServerErrors(form, error, FIELDS)),
  });

  function close() {
    form.resetFields();
    setFormError(null);
    change.reset();
    onClose();
  }

  return (
    <Modal
      open={open}
      title={t('changePassword.title')}
      okText={t('changePassword.submit')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={close}
      confirmLoading={change.isPending}
      forceRender
    >
      {formError && <Alert type="error" showIcon title={formError} style={{ marginBottom: 16 }} />}
      <Form<Values>
        form={form}
        layout="vertical"
        requiredMark={false}
        onFinish={(values) => {
          setFormError(null);
          change.mutate(values);
        }}
      >
        <Form.Item
          name="currentPassword"
          label={t('changePassword.currentPassword')}
          rules={[{ required: true, message: t('changePassword.currentRequired') }]}
        >
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Form.Item
          name="newPassword"
          label={t('changePassword.newPassword')}
          extra={<Typography.Text type="secondary">{t('changePassword.hint', { min: MIN_PASSWORD_LENGTH })}</Typography.Text>}
          dependencies={['currentPassword']}
          rules={[
            { required: true, message: t('changePassword.newRequired') },
            { min: MIN_PASSWORD_LENGTH, message: t('changePassword.tooShort', { min: MIN_PASSWORD_LENGTH }) },
            ({ getFieldValue }) => ({
              validator: (_rule, value: unknown) =>
                value && value === getFieldValue('currentPassword')
                  ? Promise.reject(new Error(t('changePassword.sameAsCurrent')))
                  : Promise.resolve(),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name="confirmPassword"
          label={t('changePassword.confirmPassword')}
          dependencies={['newPassword']}
          rules={[
            { required: true, message: t('changePassword.newRequired') },
            ({ getFieldValue }) => ({
              validator: (_rule, value: unknown) =>
                !value || value === getFieldValue('newPassword')
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('changePassword.mismatch'))),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
