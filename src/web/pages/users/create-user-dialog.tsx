import { useMemo, useState } from 'react';
import { Alert, App, Form, Input, Modal, Select, TreeSelect, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { OrgLevel, OrgNode, Role, SessionUser } from '../../app/types';
import { applyServerErrors, MIN_PASSWORD_LENGTH } from '../../components/form-errors';
import { useOrgTree } from '../places/places-api';
import { useCreateUser } from './users-api';

interface Values {
  username: string;
  displayName: string;
  role: Role;
  orgId?: string;
  password: string;
}

const FIELDS = ['username', 'displayName', 'role', 'orgId', 'password'] as const;
const ALL_ROLES: readonly Role[] = ['admin', 'county', 'manager', 'worker', 'volunteer'];
const STATION_ROLES: readonly Role[] = ['manager', 'worker', 'volunteer'];

/** Which org level a role belongs to (src/shared/roles.ts ROLE_SCOPE_LEVEL). */
function orgLevelOf(role: Role | undefined): OrgLevel | null {
  if (role === 'county') return 'county';
  if (role === 'admin' || role === undefined) return null;
  return 'station';
}

interface TreeOption {
  value: string;
  title: string;
  disabled: boolean;
  selectable: boolean;
  children: TreeOption[];
}

/** The org tree down to stations; only nodes of the wanted level can be chosen. */
function toTreeOptions(nodes: readonly OrgNode[], level: OrgLevel): TreeOption[] {
  return nodes
    .filter((node) => node.level !== 'village')
    .map((node) => ({
      value: node.id,
      title: node.name,
      disabled: node.level !== level,
      selectable: node.level === level,
      children: toTreeOptions(node.children, level),
    }));
}

export function CreateUserDialog({ open, onClose, actor }: { open: boolean; onClose: () => void; actor: SessionUser }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [formError, setFormError] = useState<string | null>(null);
  const orgs = useOrgTree();
  const create = useCreateUser();
  const role = Form.useWatch('role', form);
  const level = orgLevelOf(role);
  const roles = actor.role === 'admin' ? ALL_ROLES : STATION_ROLES;
  const treeData = useMemo(() => (level ? toTreeOptions(orgs.data ?? [], level) : []), [orgs.data, level]);

  function close() {
    form.resetFields();
    setFormError(null);
    onClose();
  }

  function submit(values: Values) {
    setFormError(null);
    create.mutate(
      {
        username: values.username.trim().toLowerCase(),
        displayName: values.displayName.trim(),
        role: values.role,
        orgId: orgLevelOf(values.role) ? (values.orgId ?? null) : null,
        password: values.password,
      },
      {
        onSuccess: (user) => {
          void message.success(t('users.created', { name: user.displayName }));
          close();
        },
        onError: (error) => setFormError(applyServerErrors(form, error, FIELDS)),
      },
    );
  }

  return (
    <Modal
      open={open}
      title={t('users.create')}
      okText={t('common.create')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={close}
      confirmLoading={create.isPending}
      forceRender
    >
      {formError && <Alert type="error" showIcon title={formError} style={{ marginBottom: 16 }} />}
      <Form<Values>
        form={form}
        layout="vertical"
        requiredMark={false}
        onFinish={submit}
        onValuesChange={(changed: Partial<Values>) => {
          if ('role' in changed) form.setFieldValue('orgId', undefined);
        }}
      >
        <Form.Item
          name="username"
          label={t('users.username')}
          rules={[
            { required: true, whitespace: true, message: t('users.usernameRequired') },
            { pattern: /^[a-z0-9._-]{3,40}$/, message: t('users.usernamePattern') },
          ]}
        >
          <Input autoComplete="off" autoCapitalize="none" spellCheck={false} placeholder="anyuan.worker2" />
        </Form.Item>
        <Form.Item
          name="displayName"
          label={t('users.displayName')}
          rules={[{ required: true, whitespace: true, message: t('users.displayNameRequired') }]}
        >
          <Input maxLength={50} autoComplete="off" />
        </Form.Item>
        <Form.Item name="role" label={t('users.role')} rules={[{ required: true, message: t('users.roleRequired') }]}>
          <Select<Role> options={roles.map((value) => ({ value, label: t(`roles.${value}`) }))} />
        </Form.Item>
        {level ? (
          <Form.Item
            name="orgId"
            label={level === 'county' ? t('users.orgCounty') : t('users.orgStation')}
            rules={[{ required: true, message: t('users.orgRequired') }]}
          >
            <TreeSelect treeData={treeData} treeDefaultExpandAll loading={orgs.isPending} />
          </Form.Item>
        ) : (
          role === 'admin' && (
            <Typography.Paragraph type="secondary" style={{ marginTop: -8 }}>
              {t('users.orgNone')}
            </Typography.Paragraph>
          )
        )}
        <Form.Item
          name="password"
          label={t('users.password')}
          extra={t('users.passwordHint', { min: MIN_PASSWORD_LENGTH })}
          rules={[
            { required: true, message: t('users.passwordRequired') },
            { min: MIN_PASSWORD_LENGTH, message: t('users.passwordTooShort', { min: MIN_PASSWORD_LENGTH }) },
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
