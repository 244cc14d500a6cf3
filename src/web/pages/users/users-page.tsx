import { useState } from 'react';
import { App, Button, Card, Empty, Grid, Input, List, Popconfirm, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { LockOutlined, PlusOutlined, StopOutlined, CheckCircleOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { ApiError, errorText } from '../../app/api';
import { hasPermission, useUser } from '../../app/auth';
import { useLanguage } from '../../app/language';
import type { UserRow } from '../../app/types';
import { formatDateTime } from '../../components/format';
import { LoadError } from '../../components/load-error';
import { LoadMore } from '../../components/load-more';
import { PageHeader } from '../../components/page-header';
import { CreateUserDialog } from './create-user-dialog';
import { ResetPasswordDialog } from './reset-password-dialog';
import { useUpdateUser, useUsers } from './users-api';

export function UsersPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useUser();
  const language = useLanguage();
  const canManage = hasPermission(me, 'users:manage');
  const [q, setQ] = useState('');
  const [creating, setCreating] = useState(false);
  const [resetting, setResetting] = useState<UserRow | null>(null);
  const users = useUsers(q);
  const update = useUpdateUser();
  const rows = users.data?.pages.flatMap((page) => page.items) ?? [];
  const screens = Grid.useBreakpoint();
  const narrow = screens.md === false;

  function setDisabled(user: UserRow, disabled: boolean) {
    return update
      .mutateAsync({ id: user.id, version: user.version, disabled })
      .then(() => {
        void message.success(t(disabled ? 'users.disabledDone' : 'users.enabledDone', { name: user.displayName }));
      })
      .catch((error: unknown) => {
        void message.error(error instanceof ApiError && error.code === 'VERSION_CONFLICT' ? t('users.conflict') : errorText(error));
      });
  }

  const columns: TableColumnsType<UserRow> = [
    {
      title: t('users.displayName'),
      key: 'name',
      render: (_value, user) => (
        <div className="lm-user-cell">
          <span className="lm-user-cell__name">
            {user.displayName}
            {user.id === me.id && <span className="lm-muted">{t('users.you')}</span>}
          </span>
          <Typography.Text type="secondary" className="lm-user-cell__username">
            {user.username}
          </Typography.Text>
        </div>
      ),
    },
    {
      title: t('users.role'),
      dataIndex: 'role',
      key: 'role',
      render: (role: UserRow['role']) => (
        <Tag color="cyan" variant="filled">
          {t(`roles.${role}`)}
        </Tag>
      ),
    },
    {
      title: t('users.org'),
      dataIndex: 'orgName',
      key: 'org',
      responsive: ['md'],
      render: (orgName: string | null) => orgName ?? <span className="lm-muted">—</span>,
    },
    {
      title: t('users.status'),
      dataIndex: 'disabled',
      key: 'status',
      render: (disabled: boolean) =>
        disabled ? <Tag color="default">{t('users.disabled')}</Tag> : <Tag color="success">{t('users.enabled')}</Tag>,
    },
    {
      title: t('users.lastLogin'),
      dataIndex: 'lastLoginAt',
      key: 'lastLoginAt',
      responsive: ['lg'],
      render: (at: string | null) => (at ? formatDateTime(at, language) : <span className="lm-muted">{t('common.notYet')}</span>),
    },
  ];
  if (canManage) {
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      render: (_value, user) => actions(user),
    });
  }

  function actions(user: UserRow) {
    return (
      <Space size={4} wrap>
        {user.id !== me.id &&
          (user.disabled ? (
            <Popconfirm
              title={t('users.enableConfirm', { name: user.displayName })}
              okText={t('users.enable')}
              cancelText={t('common.cancel')}
              onConfirm={() => void setDisabled(user, false)}
            >
              <Button size="small" type="text" icon={<CheckCircleOutlined />}>
                {t('users.enable')}
              </Button>
            </Popconfirm>
          ) : (
            <Popconfirm
              title={t('users.disableConfirm', { name: user.displayName })}
              okText={t('users.disable')}
              okButtonProps={{ danger: true }}
              cancelText={t('common.cancel')}
              onConfirm={() => void setDisabled(user, true)}
            >
              <Button size="small" type="text" danger icon={<StopOutlined />}>
                {t('users.disable')}
              </Button>
            </Popconfirm>
          ))}
        <Button size="small" type="text" icon={<LockOutlined />} onClick={() => setResetting(user)}>
          {t('users.resetPassword')}
        </Button>
      </Space>
    );
  }

  return (
    <div>
      <PageHeader
        title={t('users.title')}
        extra={
          <>
            <Input.Search
              allowClear
              placeholder={t('users.searchPlaceholder')}
              onSearch={(value) => setQ(value.trim())}
              style={{ width: 240 }}
              aria-label={t('users.searchPlaceholder')}
            />
            {canManage && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
                {t('users.create')}
              </Button>
            )}
          </>
        }
      />
      {users.isError ? (
        <LoadError error={users.error} onRetry={() => void users.refetch()} />
      ) : (
        <Card styles={{ body: { padding: 0 } }}>
          {narrow ? (
            <List<UserRow>
              className="lm-card-list"
              dataSource={rows}
              loading={users.isPending}
              locale={{ emptyText: <Empty description={t('users.empty')} /> }}
              renderItem={(user) => (
                <List.Item key={user.id}>
                  <div className="lm-card-list__item">
                    <div className="lm-card-list__top">
                      <strong>
                        {user.displayName}
                        {user.id === me.id && <span className="lm-muted">{t('users.you')}</span>}
                      </strong>
                      <Space size={4}>
                        <Tag color="cyan" variant="filled">
                          {t(`roles.${user.role}`)}
                        </Tag>
                        {user.disabled ? <Tag>{t('users.disabled')}</Tag> : <Tag color="success">{t('users.enabled')}</Tag>}
                      </Space>
                    </div>
                    <div className="lm-card-list__meta">
                      {user.username}
                      {user.orgName && ` · ${user.orgName}`}
                    </div>
                    {canManage && <div className="lm-card-list__actions">{actions(user)}</div>}
                  </div>
                </List.Item>
              )}
            />
          ) : (
            <Table<UserRow>
              rowKey="id"
              columns={columns}
              dataSource={rows}
              loading={users.isPending}
              pagination={false}
              size="middle"
              scroll={{ x: 'max-content' }}
              locale={{ emptyText: <Empty description={t('users.empty')} /> }}
            />
          )}
          <LoadMore
            shown={rows.length}
            hasMore={users.hasNextPage}
            loading={users.isFetchingNextPage}
            onLoadMore={() => void users.fetchNextPage()}
          />
        </Card>
      )}
      {canManage && <CreateUserDialog open={creating} onClose={() => setCreating(false)} actor={me} />}
      {canManage && <ResetPasswordDialog user={resetting} onClose={() => setResetting(null)} />}
    </div>
  );
}
