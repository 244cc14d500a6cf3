import { useState } from 'react';
import { Alert, App, Form, Input, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { UserRow } from '../../app/types';
import { applyServerErrors, MIN_PASSWORD_LENGTH } from '../../components/form-errors';
import { useResetPassword } from './users-api';

interface Values {
  password: string;
  confirmPassword: string;
}

export function ResetPasswordDialog({ user, onClose }: { user: UserRow | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [formError, setFormError] = useState<string | null>(null);
  const reset = useResetPassword();

  function close() {
    form.resetFields();
    setFormError(null);
    onClose();
  }

  function submit(values: Values) {
    if (!user) return;
    setFormError(null);
    reset.mutate(
      { id: user.id, password: values.password },
      {
        onSuccess: () => {
          void message.success(t('users.resetPasswordDone', { name: user.displayName }));
          close();
        },
        onError: (error) => setFormError(applyServerErrors(form, error, ['password'])),
      },
    );
  }

  return (
    <Modal
      open={user !== null}
      title={user ? t('users.resetPasswordTitle', { name: user.displayName }) : ''}
      okText={t('users.resetPassword')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={close}
      confirmLoading={reset.isPending}
      forceRender
    >
      <Typography.Paragraph type="secondary">{t('users.resetPasswordHint')}</Typography.Paragraph>
      {formError && <Alert type="error" showIcon title={formError} style={{ marginBottom: 16 }} />}
      <Form<Values> form={form} layout="vertical" requiredMark={false} onFinish={submit}>
        <Form.Item
          name="password"
          label={t('users.newPassword')}
          rules={[
            { required: true, message: t('users.passwordRequired') },
            { min: MIN_PASSWORD_LENGTH, message: t('users.passwordTooShort', { min: MIN_PASSWORD_LENGTH }) },
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name="confirmPassword"
          label={t('users.confirmPassword')}
          dependencies={['password']}
          rules={[
            { required: true, message: t('users.passwordRequired') },
            ({ getFieldValue }) => ({
              validator: (_rule, value: unknown) =>
                !value || value === getFieldValue('password')
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('users.passwordMismatch'))),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
