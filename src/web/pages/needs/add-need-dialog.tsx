import { useMemo, useState } from 'react';
import { Alert, App, Form, Input, Modal, Radio, Select, type SelectProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { v7 as uuidv7 } from 'uuid';
import type { NeedSource, NeedTypeCode } from '../../../shared/codes';
import { errorText } from '../../app/api';
import { useLanguage } from '../../app/language';
import { useCreateNeed } from './needs-api';
import { needSourceLabel, needTypeLabel } from './needs-labels';
import { needTypesFor } from './needs-model';

interface Values {
  needType: NeedTypeCode;
  note?: string;
  source: NeedSource;
}

/** Sources a worker registers by hand; survey and assessment needs come from their own records. */
const HAND_SOURCES: readonly NeedSource[] = ['visit', 'other'];

/**
 * 登记需求 for one person: the need type (those of the person's groups first), a note, and
 * where it was found. One client-made id per opening of the dialog, so a double submit on a slow
 * line registers one need.
 */
export function AddNeedDialog({ person, open, onClose }: { person: { id: string; name: string; groups: readonly string[] }; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const create = useCreateNeed();
  const [id, setId] = useState(() => uuidv7());
  const [error, setError] = useState<string | null>(null);
  const types = useMemo(() => needTypesFor(person.groups), [person.groups]);
  const option = (code: NeedTypeCode) => ({ value: code, label: needTypeLabel(code, language) });
  const options: SelectProps['options'] =
    types.suggested.length > 0
      ? [
          { label: t('needs.dialog.suggested'), title: 'suggested', options: types.suggested.map(option) },
          { label: t('needs.dialog.others'), title: 'others', options: types.others.map(option) },
        ]
      : types.others.map(option);

  function close() {
    form.resetFields();
    setError(null);
    setId(uuidv7());
    onClose();
  }

  function submit(values: Values) {
    setError(null);
    create.mutate(
      { id, personId: person.id, needType: values.needType, source: values.source, note: values.note?.trim() || null },
      {
        onSuccess: ({ need, created }) => {
          if (created) void message.success(t('needs.dialog.created'));
          else void message.info(t('needs.dialog.existing', { need: needTypeLabel(need.needType, language) }), 6);
          close();
        },
        onError: (e) => setError(errorText(e)),
      },
    );
  }

  return (
    <Modal
      open={open}
      title={t('needs.dialog.title', { name: person.name })}
      okText={t('needs.dialog.submit')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={close}
      confirmLoading={create.isPending}
      destroyOnHidden
    >
      <Form<Values> form={form} layout="vertical" name="need" initialValues={{ source: 'visit' }} onFinish={submit}>
        <Form.Item name="needType" label={t('needs.dialog.needType')} rules={[{ required: true, message: t('needs.dialog.needTypeRequired') }]}>
          <Select options={options} showSearch={{ optionFilterProp: 'label' }} placeholder={t('needs.dialog.needTypeRequired')} data-testid="need-type-select" />
        </Form.Item>
        <Form.Item name="source" label={t('needs.dialog.source')}>
          <Radio.Group options={HAND_SOURCES.map((source) => ({ value: source, label: needSourceLabel(source, language) }))} />
        </Form.Item>
        <Form.Item name="note" label={t('needs.dialog.note')}>
          <Input.TextArea rows={3} maxLength={2000} placeholder={t('needs.dialog.notePlaceholder')} />
        </Form.Item>
        {error && <Alert type="error" showIcon title={error} data-testid="need-error" />}
      </Form>
    </Modal>
  );
}
