import { App, Button, Dropdown, Tag } from 'antd';
import { DownOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { NEED_SOURCES, NEED_STATUSES, NEED_TYPES, type NeedStatus } from '../../../shared/codes';
import { errorText } from '../../app/api';
import { useLanguage } from '../../app/language';
import type { Language } from '../../i18n';
import { codeLabel } from '../people/people-labels';
import { isConflict, useUpdateNeed, type Need } from './needs-api';
import { nextStatuses } from './needs-model';

export const needTypeLabel = (code: string, language: Language) => codeLabel(NEED_TYPES, code, language);
export const needStatusLabel = (code: string, language: Language) => codeLabel(NEED_STATUSES, code, language);
export const needSourceLabel = (code: string, language: Language) => codeLabel(NEED_SOURCES, code, language);

const STATUS_COLOR: Record<NeedStatus, string> = { identified: 'gold', being_served: 'blue', met: 'green', unmet: 'default' };

/** 已识别 / 服务中 / 已满足 / 未能满足 as a coloured tag. */
export function NeedStatusTag({ status }: { status: NeedStatus }) {
  const language = useLanguage();
  return (
    <Tag color={STATUS_COLOR[status]} variant="filled" data-testid="need-status" data-status={status}>
      {needStatusLabel(status, language)}
    </Tag>
  );
}

/**
 * "Change status" for one need: the moves the register allows from its status. A version
 * conflict reloads the lists and says so; the next try names the current version.
 */
export function NeedStatusMenu({ need, size = 'small' }: { need: Need; size?: 'small' | 'middle' }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { message } = App.useApp();
  const update = useUpdateNeed();
  const moves = nextStatuses(need.status);

  function move(status: NeedStatus) {
    update.mutate(
      { id: need.id, version: need.version, status },
      {
        onSuccess: (saved) => void message.success(t('needs.actions.changed', { status: needStatusLabel(saved.status, language) })),
        onError: (error) => void (isConflict(error) ? message.warning(t('needs.actions.conflict'), 6) : message.error(errorText(error))),
      },
    );
  }

  return (
    <Dropdown
      trigger={['click']}
      menu={{
        items: moves.map((status) => ({ key: status, label: <span data-testid={`need-to-${status}`}>{t(`needs.actions.to.${status}`)}</span> })),
        onClick: ({ key }) => {
          const status = moves.find((item) => item === key);
          if (status) move(status);
        },
      }}
    >
      <Button size={size} loading={update.isPending} data-testid="need-change">
        {t('needs.actions.change')} <DownOutlined />
      </Button>
    </Dropdown>
  );
}
