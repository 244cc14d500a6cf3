import { useState, type ReactNode } from 'react';
import { Grid, Modal, Radio, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../app/language';
import type { Language } from '../../i18n';
import { formatDate } from '../../components/format';
import { codeLabel, ethnicityLabel, groupLabel, livingLabel, riskLabel, statusLabel } from './people-labels';
import { PERSON_STATUSES } from '../../../shared/codes';
import type { MergeChoice, MergeRow } from './person-merge';
import type { TFunction } from 'i18next';

/** Which people.fields label names a merge path (`child.school` → school). */
function fieldLabel(path: string, t: TFunction): string {
  const last = path.split('.').pop() ?? path;
  const known = t(`people.fields.${last}` as 'people.fields.name', { defaultValue: '' });
  return known || path;
}

/** A primitive as text; anything else as JSON. */
function str(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A value of any merge item as a short text. */
function describe(path: string, value: unknown, t: TFunction, language: Language): string {
  if (value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) return '';
  const last = path.split('.').pop() ?? path;
  const code = (group: string, v: unknown) => t(`people.codes.${group}.${str(v)}` as 'people.codes.health.healthy', { defaultValue: str(v) });
  switch (last) {
    case 'groups':
      return Array.isArray(value) ? value.map((g) => groupLabel(str(g), language)).join('、') : str(value);
    case 'riskLevel':
      return riskLabel(str(value), language);
    case 'gender':
      return t(`people.gender.${str(value)}` as 'people.gender.male', { defaultValue: str(value) });
    case 'ethnicity':
      return ethnicityLabel(str(value), language);
    case 'livingSituation':
      return livingLabel(str(value), language);
    case 'status':
      return statusLabel(str(value), language) || codeLabel(PERSON_STATUSES, str(value), language);
    case 'birthDate':
      return formatDate(str(value), language);
    case 'health':
    case 'schooling':
    case 'guardianshipType':
    case 'selfCare':
      return code(last, value);
    case 'boarding':
    case 'hukouRegistered':
      return value === true ? t('people.yes') : t('people.no');
    case 'parents':
      return Array.isArray(value)
        ? value
            .filter(isRecord)
            .map((p) =>
              [
                t(`people.fields.${str(p.role)}` as 'people.fields.father'),
                p.name,
                code('parentStatus', p.status),
                [p.workProvince, p.workCity].filter(Boolean).join(''),
                p.phone,
                p.contactFrequency ? t('people.person.calls', { frequency: code('contactFrequency', p.contactFrequency) }) : null,
              ]
                .filter(Boolean)
                .join(' '),
            )
            .join('；')
        : '';
    case 'consent':
      return isRecord(value)
        ? [value.given ? t('people.yes') : t('people.no'), code('consentBy', value.by), value.guardianName, value.on ? formatDate(str(value.on), language) : null]
            .filter(Boolean)
            .join(' · ')
        : '';
    default:
      break;
  }
  if (Array.isArray(value)) return value.map((v) => (isRecord(v) ? Object.values(v).filter(Boolean).join(' ') : str(v))).join('；');
  if (isRecord(value)) {
    return Object.entries(value)
      .filter(([, v]) => v !== null && v !== undefined && v !== '')
      .map(([k, v]) => (k === 'capacity' ? `${t('people.fields.guardianCapacity')} ${code('capacity', v)}` : str(v)))
      .join(' · ');
  }
  return str(value);
}

export function MergeDialog({
  rows,
  saving,
  onSave,
  onCancel,
}: {
  rows: MergeRow[] | null;
  saving: boolean;
  onSave: (choices: Record<string, MergeChoice>) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [choices, setChoices] = useState<Record<string, MergeChoice>>({});
  // Phones get one block per item, the two choices one under the other: four columns do not fit 390 px.
  const narrow = Grid.useBreakpoint().md === false;
  const option = (row: MergeRow, who: MergeChoice, caption?: string) => (
    <label className="lm-merge__option" data-testid={`merge-${who}-${row.path}`}>
      <Radio
        checked={(choices[row.path] ?? row.defaultChoice) === who}
        onChange={() => setChoices((current) => ({ ...current, [row.path]: who }))}
        aria-label={`${fieldLabel(row.path, t)} ${who === 'mine' ? t('people.merge.keepMine') : t('people.merge.keepTheirs')}`}
      />
      <span className="lm-stack">
        {caption && <span className="lm-muted lm-small">{caption}</span>}
        {cell(row.path, who === 'mine' ? row.mine : row.theirs)}
      </span>
    </label>
  );
  const cell = (path: string, value: unknown): ReactNode => {
    const text = describe(path, value, t, language);
    return text ? <span className="lm-merge__value">{text}</span> : <span className="lm-muted">{t('people.merge.empty')}</span>;
  };

  const columns: TableColumnsType<MergeRow> = [
    {
      title: t('people.merge.field'),
      key: 'field',
      render: (_v, row) => (
        <div className="lm-stack">
          <strong>{fieldLabel(row.path, t)}</strong>
          {row.mineChanged && (
            <Tag color="blue" variant="filled" className="lm-merge__changed">
              {t('people.merge.changedByYou')}
            </Tag>
          )}
        </div>
      ),
    },
    { title: t('people.merge.loaded'), key: 'base', render: (_v, row) => cell(row.path, row.base), responsive: ['md'] },
    { title: t('people.merge.theirs'), key: 'theirs', render: (_v, row) => option(row, 'theirs') },
    { title: t('people.merge.mine'), key: 'mine', render: (_v, row) => option(row, 'mine') },
  ];

  return (
    <Modal
      open={rows !== null}
      title={t('people.merge.title')}
      okText={t('people.merge.save')}
      cancelText={t('common.cancel')}
      onOk={() => onSave(choices)}
      onCancel={onCancel}
      confirmLoading={saving}
      width={860}
      afterClose={() => setChoices({})}
      destroyOnHidden
    >
      <div data-testid="merge-dialog">
        <Typography.Paragraph type="secondary">{t('people.merge.intro')}</Typography.Paragraph>
        {narrow ? (
          <div className="lm-merge__list">
            {(rows ?? []).map((row) => (
              <div key={row.path} className="lm-merge__item">
                <div className="lm-merge__item-head">
                  <strong>{fieldLabel(row.path, t)}</strong>
                  {row.mineChanged && (
                    <Tag color="blue" variant="filled" className="lm-merge__changed">
                      {t('people.merge.changedByYou')}
                    </Tag>
                  )}
                </div>
                {option(row, 'theirs', t('people.merge.theirs'))}
                {option(row, 'mine', t('people.merge.mine'))}
              </div>
            ))}
          </div>
        ) : (
          <Table<MergeRow> rowKey="path" columns={columns} dataSource={rows ?? []} pagination={false} size="small" scroll={{ x: 'max-content' }} />
        )}
      </div>
    </Modal>
  );
}
