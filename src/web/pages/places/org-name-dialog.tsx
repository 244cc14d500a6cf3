import { useEffect, useState } from 'react';
import { Alert, Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../app/api';
import type { OrgNode } from '../../app/types';
import { applyServerErrors } from '../../components/form-errors';

const MAX_NAME = 60;

export type OrgDialogTarget = { kind: 'create'; station: OrgNode } | { kind: 'rename'; node: OrgNode };

interface Values {
  name: string;
}

function currentOf(error: unknown): { name: string; version: number } | null {
  if (!(error instanceof ApiError) || error.code !== 'VERSION_CONFLICT') return null;
  const details = error.details;
  const current: unknown = typeof details === 'object' && details !== null ? Reflect.get(details, 'current') : undefined;
  if (typeof current !== 'object' || current === null) return null;
  const name: unknown = Reflect.get(current, 'name');
  const version: unknown = Reflect.get(current, 'version');
  return typeof name === 'string' && typeof version === 'number' ? { name, version } : null;
}

/**
 * Adds a village under a station, or renames a place. A rename that loses a race shows the
 * name someone else saved and takes its version, so saving again is a deliberate overwrite.
 */
export function OrgNameDialog({
  target,
  onClose,
  onSubmit,
}: {
  target: OrgDialogTarget | null;
  onClose: () => void;
  onSubmit: (name: string, version: number | null) => Promise<OrgNode>;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const [pending, setPending] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);
  const [conflictName, setConflictName] = useState<string | null>(null);
  const [version, setVersion] = useState<number | null>(null);

  useEffect(() => {
    if (!target) return;
    form.setFieldsValue({ name: target.kind === 'rename' ? target.node.name : '' });
    setVersion(target.kind === 'rename' ? target.node.version : null);
    setFormError(null);
    setConflictName(null);
  }, [target, form]);

  async function submit(values: Values) {
    setPending(true);
    setFormError(null);
    try {
      await onSubmit(values.name.trim(), version);
      onClose();
    } catch (error) {
      const current = currentOf(error);
      if (current) {
        setConflictName(current.name);
        setVersion(current.version);
      } else {
        setConflictName(null);
        setFormError(applyServerErrors(form, error, ['name']));
      }
    } finally {
      setPending(false);
    }
  }

  const title =
    target?.kind === 'create'
      ? t('places.addVillageTo', { station: target.station.name })
      : target?.kind === 'rename'
        ? t('places.renameTitle', { name: target.node.name })
        : '';

  return (
    <Modal
      open={target !== null}
      title={title}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={pending}
      forceRender
    >
      {conflictName !== null && (
        <Alert
          type="warning"
          showIcon
          title={t('places.conflictTitle')}
          description={t('places.conflictBody', { name: conflictName })}
          style={{ marginBottom: 16 }}
          data-testid="version-conflict"
        />
      )}
      {formError && <Alert type="error" showIcon title={formError} style={{ marginBottom: 16 }} />}
      <Form<Values> form={form} layout="vertical" requiredMark={false} onFinish={(values) => void submit(values)}>
        <Form.Item
          name="name"
          label={t('places.nameLabel')}
          rules={[
            { required: true, whitespace: true, message: t('places.nameRequired') },
            { max: MAX_NAME, message: t('places.nameTooLong', { max: MAX_NAME }) },
          ]}
        >
          <Input autoFocus maxLength={MAX_NAME + 10} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
