import { useMemo, useState, type Key, type ReactNode } from 'react';
import { App, Button, Card, Empty, Space, Table, Tag, type TableColumnsType } from 'antd';
import { ApartmentOutlined, BankOutlined, EditOutlined, EnvironmentOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { hasPermission, useUser } from '../../app/auth';
import type { OrgLevel, OrgNode } from '../../app/types';
import { LoadError } from '../../components/load-error';
import { PageHeader } from '../../components/page-header';
import { OrgNameDialog, type OrgDialogTarget } from './org-name-dialog';
import { flattenOrgs, useCreateVillage, useOrgTree, useRenameOrg } from './places-api';

const LEVEL_ICON: Record<OrgLevel, ReactNode> = {
  county: <EnvironmentOutlined />,
  station: <BankOutlined />,
  village: <ApartmentOutlined />,
};

const LEVEL_COLOR: Record<OrgLevel, string> = { county: 'geekblue', station: 'cyan', village: 'default' };

/** antd's tree table treats an empty `children` array as expandable; villages have none. */
interface OrgRow extends Omit<OrgNode, 'children'> {
  children?: OrgRow[];
}

function toRows(nodes: readonly OrgNode[]): OrgRow[] {
  return nodes.map(({ children, ...node }) => (children.length > 0 ? { ...node, children: toRows(children) } : node));
}

export function PlacesPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const user = useUser();
  const canWrite = hasPermission(user, 'orgs:write');
  const orgs = useOrgTree();
  const createVillage = useCreateVillage();
  const renameOrg = useRenameOrg();
  const [dialog, setDialog] = useState<OrgDialogTarget | null>(null);
  const [collapsed, setCollapsed] = useState<ReadonlySet<Key>>(new Set());

  const rows = useMemo(() => toRows(orgs.data ?? []), [orgs.data]);
  const nodes = useMemo(() => flattenOrgs(orgs.data ?? []), [orgs.data]);
  // Everything starts open; the user's closing of a branch is what we remember.
  const expandedKeys = nodes.filter((node) => node.children.length > 0 && !collapsed.has(node.id)).map((node) => node.id);

  function nodeById(id: string): OrgNode | undefined {
    return nodes.find((node) => node.id === id);
  }

  async function submitDialog(name: string, version: number | null): Promise<OrgNode> {
    if (!dialog) throw new Error('no dialog target');
    if (dialog.kind === 'create') {
      const created = await createVillage.mutateAsync({ parentId: dialog.station.id, name });
      void message.success(t('places.created', { name: created.name }));
      return created;
    }
    const renamed = await renameOrg.mutateAsync({ id: dialog.node.id, version: version ?? dialog.node.version, name });
    void message.success(t('places.renamed', { name: renamed.name }));
    return renamed;
  }

  const columns: TableColumnsType<OrgRow> = [
    {
      title: t('places.name'),
      dataIndex: 'name',
      key: 'name',
      render: (name: string, row) => (
        <Space size={8}>
          <span className={`lm-org-icon lm-org-icon--${row.level}`}>{LEVEL_ICON[row.level]}</span>
          <span className={row.level === 'village' ? undefined : 'lm-org-name--strong'}>{name}</span>
        </Space>
      ),
    },
    {
      title: t('places.level'),
      dataIndex: 'level',
      key: 'level',
      width: 120,
      responsive: ['sm'],
      render: (level: OrgLevel) => (
        <Tag color={LEVEL_COLOR[level]} variant="filled">
          {t(`levels.${level}`)}
        </Tag>
      ),
    },
    {
      title: t('places.code'),
      dataIndex: 'code',
      key: 'code',
      width: 160,
      responsive: ['md'],
      render: (code: string | null) => code ?? <span className="lm-muted">—</span>,
    },
  ];
  if (canWrite) {
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      width: 1,
      render: (_value, row) => {
        const node = nodeById(row.id);
        if (!node) return null;
        if (node.level === 'station')
          return (
            <Button size="small" icon={<PlusOutlined />} onClick={() => setDialog({ kind: 'create', station: node })}>
              {t('places.addVillage')}
            </Button>
          );
        if (node.level === 'village')
          return (
            <Button size="small" type="text" icon={<EditOutlined />} onClick={() => setDialog({ kind: 'rename', node })}>
              {t('places.rename')}
            </Button>
          );
        return null;
      },
    });
  }

  return (
    <div>
      <PageHeader title={t('places.title')} description={t('places.description')} />
      {orgs.isError ? (
        <LoadError error={orgs.error} onRetry={() => void orgs.refetch()} />
      ) : (
        <Card styles={{ body: { padding: 0 } }}>
          <Table<OrgRow>
            rowKey="id"
            columns={columns}
            dataSource={rows}
            loading={orgs.isPending}
            pagination={false}
            size="middle"
            expandable={{
              expandedRowKeys: expandedKeys,
              onExpand: (expanded, row) =>
                setCollapsed((previous) => {
                  const next = new Set(previous);
                  if (expanded) next.delete(row.id);
                  else next.add(row.id);
                  return next;
                }),
            }}
            locale={{ emptyText: <Empty description={t('places.empty')} /> }}
          />
        </Card>
      )}
      <OrgNameDialog target={dialog} onClose={() => setDialog(null)} onSubmit={submitDialog} />
    </div>
  );
}
