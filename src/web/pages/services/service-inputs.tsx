import { useState } from 'react';
import { Input, InputNumber } from 'antd';
import { useTranslation } from 'react-i18next';
import { CHECKLIST_FINDINGS, WELLBEING_LEVELS, type ServiceKind, type ServiceTypeCode } from '../../../shared/codes';
import { useLanguage } from '../../app/language';
import { today } from '../../components/format';
import { CONCRETE_TYPES, findingLabel, kindIcon, kindLabel, PROFESSIONAL_TYPES, SERVICE_KIND_CODES, serviceTypeLabel, wellbeingLabel } from './service-labels';
import type { ChecklistFinding } from './service-types';
import { wallClockOf } from './service-form-values';

/**
 * The service form's big, thumb-sized controls. Each takes `value` / `onChange` (and the `id` a
 * Form.Item hands down, so its label points at it and "scroll to first error" finds it).
 */
interface ControlProps<T> {
  id?: string;
  value?: T;
  onChange?: (value: T) => void;
}

function tileClass(selected: boolean, extra = ''): string {
  return `lm-svc-tile${selected ? ' lm-svc-tile--on' : ''}${extra ? ` ${extra}` : ''}`;
}

/** 服务方式: five big buttons with icons. */
export function KindPicker({ id, value, onChange }: ControlProps<ServiceKind>) {
  const language = useLanguage();
  return (
    <div id={id} role="radiogroup" className="lm-svc-tiles lm-svc-tiles--kind" data-testid="kind-picker">
      {SERVICE_KIND_CODES.map((kind) => (
        <button key={kind} type="button" role="radio" aria-checked={value === kind} className={tileClass(value === kind)} onClick={() => onChange?.(kind)} data-value={kind}>
          <span className="lm-svc-tile__icon" aria-hidden="true">
            {kindIcon(kind)}
          </span>
          <span>{kindLabel(kind, language)}</span>
        </button>
      ))}
    </div>
  );
}

/** 服务类型: tappable chips, the concrete services first, then the five professional ones. */
export function ServiceTypePicker({ id, value, onChange }: ControlProps<ServiceTypeCode[]>) {
  const { t } = useTranslation();
  const language = useLanguage();
  const selected = value ?? [];
  const toggle = (code: ServiceTypeCode) => onChange?.(selected.includes(code) ? selected.filter((c) => c !== code) : [...selected, code]);
  const chips = (codes: readonly ServiceTypeCode[]) =>
    codes.map((code) => (
      <button
        key={code}
        type="button"
        role="checkbox"
        aria-checked={selected.includes(code)}
        className={`lm-svc-chip${selected.includes(code) ? ' lm-svc-chip--on' : ''}`}
        onClick={() => toggle(code)}
        data-value={code}
      >
        {serviceTypeLabel(code, language)}
      </button>
    ));
  return (
    <div id={id} className="lm-svc-types" data-testid="type-picker">
      <div className="lm-svc-chips" role="group" aria-label={t('services.form.concrete')}>
        {chips(CONCRETE_TYPES)}
      </div>
      <div className="lm-svc-types__label">{t('services.form.professional')}</div>
      <div className="lm-svc-chips" role="group" aria-label={t('services.form.professional')}>
        {chips(PROFESSIONAL_TYPES)}
      </div>
    </div>
  );
}

const DURATIONS = [15, 30, 45, 60] as const;

/** 服务时长: 15 / 30 / 45 / 60 minutes, or any other number. */
export function DurationPicker({ id, value, onChange }: ControlProps<number | null>) {
  const { t } = useTranslation();
  const preset = value !== null && value !== undefined && (DURATIONS as readonly number[]).includes(value);
  const [custom, setCustom] = useState(value !== null && value !== undefined && !preset);
  return (
    <div id={id} className="lm-svc-duration" data-testid="duration-picker">
      <div role="radiogroup" className="lm-svc-tiles lm-svc-tiles--duration">
        {DURATIONS.map((minutes) => (
          <button
            key={minutes}
            type="button"
            role="radio"
            aria-checked={!custom && value === minutes}
            className={tileClass(!custom && value === minutes, 'lm-svc-tile--compact')}
            onClick={() => {
              setCustom(false);
              onChange?.(minutes);
            }}
            data-value={minutes}
          >
            {t('services.minutes', { count: minutes })}
          </button>
        ))}
        <button type="button" role="radio" aria-checked={custom} className={tileClass(custom, 'lm-svc-tile--compact')} onClick={() => setCustom(true)} data-value="custom">
          {t('services.form.custom')}
        </button>
      </div>
      {custom && (
        <InputNumber
          min={1}
          max={1440}
          precision={0}
          inputMode="numeric"
          value={value ?? null}
          onChange={(next) => onChange?.(next)}
          suffix={t('services.form.customMinutes')}
          aria-label={t('services.fields.durationMinutes')}
          className="lm-svc-duration__custom"
          autoFocus
          data-testid="duration-custom"
        />
      )}
    </div>
  );
}

const WELLBEING = Object.keys(WELLBEING_LEVELS).map(Number);

/** 状态评估: five big buttons, 1 (很差) to 5 (很好); tapping the chosen one again clears it. */
export function WellbeingPicker({ id, value, onChange }: ControlProps<number | null>) {
  const language = useLanguage();
  return (
    <div id={id} role="radiogroup" className="lm-svc-tiles lm-svc-tiles--wellbeing" data-testid="wellbeing-picker">
      {WELLBEING.map((level) => (
        <button
          key={level}
          type="button"
          role="radio"
          aria-checked={value === level}
          className={tileClass(value === level, `lm-svc-tile--wb lm-svc-tile--wb${level}`)}
          onClick={() => onChange?.(value === level ? null : level)}
          data-value={level}
        >
          <span className="lm-svc-tile__number">{level}</span>
          <span className="lm-svc-tile__label">{wellbeingLabel(level, language)}</span>
        </button>
      ))}
    </div>
  );
}

const FINDINGS = Object.keys(CHECKLIST_FINDINGS) as ChecklistFinding[];

/**
 * 正常 / 有问题 / 未查看 for one checklist item. Under service needs `concern` reads as 需要
 * (needed) and `ok` as 不需要 (codes.ts).
 */
export function FindingButtons({ id, value, onChange, needs = false, label }: ControlProps<ChecklistFinding | null> & { needs?: boolean; label: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const text = (finding: ChecklistFinding) =>
    needs && finding === 'concern' ? t('services.checklist.needed') : needs && finding === 'ok' ? t('services.checklist.notNeeded') : findingLabel(finding, language);
  return (
    <div id={id} role="radiogroup" aria-label={label} className="lm-svc-findings">
      {FINDINGS.map((finding) => (
        <button
          key={finding}
          type="button"
          role="radio"
          aria-checked={value === finding}
          className={`lm-svc-finding lm-svc-finding--${finding}${value === finding ? ' lm-svc-finding--on' : ''}`}
          onClick={() => onChange?.(value === finding ? null : finding)}
          data-value={finding}
        >
          {text(finding)}
        </button>
      ))}
    </div>
  );
}

/** 服务时间: the phone's own date-time picker, with "now". */
export function StartPicker({ id, value, onChange }: ControlProps<string>) {
  const { t } = useTranslation();
  return (
    <div className="lm-svc-inline">
      <Input
        id={id}
        type="datetime-local"
        value={value ?? ''}
        max={wallClockOf(new Date())}
        onChange={(event) => onChange?.(event.target.value)}
        className="lm-svc-native"
        data-testid="started-at"
      />
      <button type="button" className="lm-svc-chip" onClick={() => onChange?.(wallClockOf(new Date()))}>
        {t('services.form.now')}
      </button>
    </div>
  );
}

const FOLLOW_UP_PRESETS = [
  { key: 'tomorrow', days: 1 },
  { key: 'inWeek', days: 7 },
  { key: 'inTwoWeeks', days: 14 },
  { key: 'inMonth', days: 30 },
] as const;

/** 跟进日期: quick picks and the phone's own date picker. */
export function FollowUpPicker({ id, value, onChange }: ControlProps<string | null>) {
  const { t } = useTranslation();
  const first = today().format('YYYY-MM-DD');
  return (
    <div className="lm-svc-follow-up">
      <div className="lm-svc-chips">
        {FOLLOW_UP_PRESETS.map((preset) => {
          const day = today().add(preset.days, 'day').format('YYYY-MM-DD');
          return (
            <button key={preset.key} type="button" className={`lm-svc-chip${value === day ? ' lm-svc-chip--on' : ''}`} onClick={() => onChange?.(day)} aria-pressed={value === day}>
              {t(`services.form.${preset.key}`)}
            </button>
          );
        })}
      </div>
      <Input id={id} type="date" value={value ?? ''} min={first} onChange={(event) => onChange?.(event.target.value || null)} className="lm-svc-native" data-testid="follow-up-on" />
    </div>
  );
}
