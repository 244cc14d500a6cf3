import { useState, type ReactNode } from 'react';
import { Avatar, Button, Drawer, Dropdown, Grid, Layout, Menu, Tag, Typography, type MenuProps } from 'antd';
import {
  ApartmentOutlined,
  AuditOutlined,
  FileTextOutlined,
  SolutionOutlined,
  BankOutlined,
  DownOutlined,
  HomeOutlined,
  IdcardOutlined,
  KeyOutlined,
  LogoutOutlined,
  MenuOutlined,
  TeamOutlined,
  CheckSquareOutlined,
  HeartOutlined,
  BarChartOutlined,
  FormOutlined,
} from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { Brand } from '../components/brand';
import { LanguageSwitch } from '../components/language-switch';
import { ChangePasswordDialog } from '../components/change-password-dialog';
import { hasPermission, useAuth, useUser } from './auth';
import type { Permission } from './types';

const { Header, Sider, Content } = Layout;

interface NavItem {
  key: string;
  path: string;
  icon: ReactNode;
  labelKey: `nav.${'home' | 'people' | 'tasks' | 'services' | 'cases' | 'care' | 'surveys' | 'needs' | 'places' | 'users' | 'audit'}`;
  permission?: Permission;
}

const NAV: readonly NavItem[] = [
  { key: 'home', path: '/', icon: <HomeOutlined />, labelKey: 'nav.home' },
  { key: 'tasks', path: '/tasks', icon: <CheckSquareOutlined />, labelKey: 'nav.tasks', permission: 'care:read' },
  { key: 'people', path: '/people', icon: <IdcardOutlined />, labelKey: 'nav.people', permission: 'people:read' },
  { key: 'services', path: '/services', icon: <FileTextOutlined />, labelKey: 'nav.services', permission: 'services:read' },
  { key: 'cases', path: '/cases', icon: <SolutionOutlined />, labelKey: 'nav.cases', permission: 'cases:read' },
  { key: 'care', path: '/care', icon: <HeartOutlined />, labelKey: 'nav.care', permission: 'care:read' },
  { key: 'surveys', path: '/surveys', icon: <FormOutlined />, labelKey: 'nav.surveys', permission: 'surveys:read' },
  { key: 'needs', path: '/needs', icon: <BarChartOutlined />, labelKey: 'nav.needs', permission: 'surveys:analyse' },
  { key: 'places', path: '/places', icon: <ApartmentOutlined />, labelKey: 'nav.places', permission: 'orgs:read' },
  { key: 'users', path: '/users', icon: <TeamOutlined />, labelKey: 'nav.users', permission: 'users:read' },
  { key: 'audit', path: '/audit', icon: <AuditOutlined />, labelKey: 'nav.audit', permission: 'audit:read' },
];

function selectedKey(pathname: string): string {
  const first = pathname.split('/')[1] ?? '';
  return NAV.find((item) => item.path === `/${first}`)?.key ?? 'home';
}

/** "社工 王芳" → 王: the surname of the last word, which is the person's name in the demo's titles. */
function avatarLetter(displayName: string): string {
  const words = displayName.trim().split(/\s+/);
  return Array.from(words[words.length - 1] ?? '?')[0] ?? '?';
}

export function AppLayout({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const user = useUser();
  const { signOut } = useAuth();
  const location = useLocation();
  const screens = Grid.useBreakpoint();
  const desktop = screens.lg === true;
  const [drawerOpen, setDrawerOpen] = useState(false);
  const [passwordOpen, setPasswordOpen] = useState(false);

  const menuItems: MenuProps['items'] = NAV.filter((item) => !item.permission || hasPermission(user, item.permission)).map(
    (item) => ({
      key: item.key,
      icon: item.icon,
      label: (
        <Link to={item.path} onClick={() => setDrawerOpen(false)}>
          {t(item.labelKey)}
        </Link>
      ),
    }),
  );
  const menu = (
    <Menu
      mode="inline"
      selectedKeys={[selectedKey(location.pathname)]}
      items={menuItems}
      style={{ borderInlineEnd: 'none' }}
      aria-label={t('nav.menu')}
    />
  );

  const scopeName = user.scope.orgName ?? t('scope.all');
  const roleLabel = t(`roles.${user.role}`);

  const userMenu: MenuProps = {
    items: [
      {
        key: 'who',
        type: 'group',
        label: (
          <div className="lm-user-card">
            <Typography.Text strong>{user.displayName}</Typography.Text>
            <Typography.Text type="secondary">
              {roleLabel} · {scopeName}
            </Typography.Text>
          </div>
        ),
      },
      { type: 'divider' },
      { key: 'password', icon: <KeyOutlined />, label: t('header.changePassword') },
      { key: 'signOut', icon: <LogoutOutlined />, label: t('header.signOut'), danger: true },
    ],
    onClick: ({ key }) => {
      if (key === 'password') setPasswordOpen(true);
      if (key === 'signOut') void signOut();
    },
  };

  return (
    <Layout className="lm-shell">
      <Header className="lm-header">
        {!desktop && (
          <Button
            type="text"
            icon={<MenuOutlined />}
            aria-label={t('nav.openMenu')}
            onClick={() => setDrawerOpen(true)}
            className="lm-header__menu-button"
          />
        )}
        <Link to="/" className="lm-header__brand">
          <Brand compact={!screens.sm} />
        </Link>
        <div className="lm-header__spacer" />
        {desktop && (
          <span className="lm-header__scope" data-testid="scope-name">
            <BankOutlined /> {scopeName}
          </span>
        )}
        <LanguageSwitch size={desktop ? 'middle' : 'small'} />
        <Dropdown menu={userMenu} trigger={['click']} placement="bottomRight">
          <Button type="text" className="lm-header__user" aria-label={t('header.userMenu')} data-testid="user-menu">
            <Avatar size={28} style={{ backgroundColor: '#0b6e74' }}>
              {avatarLetter(user.displayName)}
            </Avatar>
            {screens.md && (
              <>
                <span className="lm-header__user-name">{user.displayName}</span>
                <Tag color="cyan" className="lm-header__role" variant="filled">
                  {roleLabel}
                </Tag>
                <DownOutlined style={{ fontSize: 10 }} />
              </>
            )}
          </Button>
        </Dropdown>
      </Header>
      <Layout>
        {desktop && (
          <Sider width={208} className="lm-sider">
            {menu}
          </Sider>
        )}
        <Content className="lm-content">{children}</Content>
      </Layout>
      {!desktop && (
        <Drawer
          placement="left"
          open={drawerOpen}
          onClose={() => setDrawerOpen(false)}
          size={264}
          title={<Brand />}
          styles={{ body: { padding: '8px 0' } }}
          rootClassName="lm-nav-drawer"
        >
          <nav data-testid="nav-drawer">
            <div className="lm-drawer-scope">
              <BankOutlined /> {scopeName}
            </div>
            {menu}
          </nav>
        </Drawer>
      )}
      <ChangePasswordDialog open={passwordOpen} onClose={() => setPasswordOpen(false)} />
    </Layout>
  );
}
