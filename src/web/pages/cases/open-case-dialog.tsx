import { useState } from 'react';
import { Alert, App, Form, Input, Modal, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { CASE_SOURCES } from '../../../shared/codes';
import { useLanguage } from '../../app/language';
import { applyServerErrors } from '../../components/form-errors';
import { codeOptions } from '../people/people-labels';
import type { CaseSource } from './case-types';
import { useCreateCase } from './cases-api';

interface Values {
  source: CaseSource;
  presentingProblem: string;
}

/** 开案: where the case came from and the problem as told; then the new case's page. */
export function OpenCaseDialog({ personId, name, open, onClose }: { personId: string; name: string; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  // One id per dialog: pressing save twice (or a retry after a lost reply) opens one case, not two.
  const [id, setId] = useState(() => crypto.randomUUID());
  const create = useCreateCase();

  function close() {
    setError(null);
    onClose();
  }

  function submit(values: Values) {
    setError(null);
    create.mutate(
      { id, personId, source: values.source, presentingProblem: values.presentingProblem.trim() },
      {
        onSuccess: (created) => {
          void message.success(t('cases.personCard.created'));
          setId(crypto.randomUUID());
          close();
          void navigate(`/cases/${created.id}`);
        },
        onError: (e) => setError(applyServerErrors(form, e, ['source', 'presentingProblem'])),
      },
    );
  }

  return (
    <Modal
      open={open}
      title={t('cases.personCard.dialogTitle', { name })}
      okText={t('cases.personCard.submit')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={close}
      confirmLoading={create.isPending}
      forceRender
      afterClose={() => form.resetFields()}
    >
      <div data-testid="open-case-dialog">
        <Typography.Paragraph type="secondary">{t('cases.personCard.intro')}</Typography.Paragraph>
        {error && <Alert type="error" showIcon title={error} className="lm-case-dialog__error" />}
        <Form<Values> form={form} name="openCase" layout="vertical" requiredMark={false} onFinish={submit}>
          <Form.Item name="source" label={t('cases.intake.source')} rules={[{ required: true, message: t('cases.required') }]}>
            <Select options={codeOptions(CASE_SOURCES, language)} placeholder={t('cases.doc.choose')} />
          </Form.Item>
          <Form.Item name="presentingProblem" label={t('cases.intake.presentingProblem')} rules={[{ required: true, whitespace: true, message: t('cases.required') }]}>
            <Input.TextArea rows={4} maxLength={2000} showCount placeholder={t('cases.personCard.problemPlaceholder')} />
          </Form.Item>
        </Form>
      </div>
    </Modal>
  );
}
