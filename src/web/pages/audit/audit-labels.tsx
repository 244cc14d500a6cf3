import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AuditEvent } from '../../app/types';
import type { Role } from '../../app/types';
import { zhCN } from '../../i18n/zh-CN';

type KnownAction = keyof typeof zhCN.audit.actions;
type KnownEntity = keyof typeof zhCN.audit.entities;

export const KNOWN_ACTIONS = Object.keys(zhCN.audit.actions) as KnownAction[];

function isKnownAction(action: string): action is KnownAction {
  return Object.hasOwn(zhCN.audit.actions, action);
}

function isKnownEntity(entity: string): entity is KnownEntity {
  return Object.hasOwn(zhCN.audit.entities, entity);
}

function isRole(value: string): value is Role {
  return ['admin', 'county', 'manager', 'worker', 'volunteer'].includes(value);
}

/** Labels of audit codes; an action the client does not know yet shows its raw code. */
export function useAuditLabels() {
  const { t } = useTranslation();
  return {
    action: (action: string) => (isKnownAction(action) ? t(`audit.actions.${action}`) : action),
    entity: (entity: string) => (isKnownEntity(entity) ? t(`audit.entities.${entity}`) : entity),
    role: (role: string | null) => (role && isRole(role) ? t(`roles.${role}`) : (role ?? '')),
  };
}

const OUTCOME_COLOR: Record<AuditEvent['outcome'], string> = { ok: 'success', failed: 'warning', denied: 'error' };

export function OutcomeTag({ outcome }: { outcome: AuditEvent['outcome'] }) {
  const { t } = useTranslation();
  return (
    <Tag color={OUTCOME_COLOR[outcome]} variant="filled">
      {t(`audit.outcomes.${outcome}`)}
    </Tag>
  );
}
