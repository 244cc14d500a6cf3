import { useTranslation } from 'react-i18next';

export function BrandMark({ size = 32, inverted = false }: { size?: number; inverted?: boolean }) {
  const ground = inverted ? '#ffffff' : '#0b6e74';
  const line = inverted ? '#0b6e74' : '#ffffff';
  return (
    <svg width={size} height={size} viewBox="0 0 32 32" aria-hidden="true" focusable="false">
      <rect width="32" height="32" rx="7" fill={ground} />
      <path d="M7 17 16 9l9 8" fill="none" stroke={line} strokeWidth="2.6" strokeLinecap="round" strokeLinejoin="round" />
      <path d="M11 16v8h10v-8" fill="none" stroke={line} strokeWidth="2.6" strokeLinejoin="round" />
      <circle cx="16" cy="20" r="1.8" fill="#f5c26b" />
    </svg>
  );
}

/** The product name with its subtitle; `compact` drops the subtitle (phone header). */
export function Brand({ compact = false, inverted = false }: { compact?: boolean; inverted?: boolean }) {
  const { t } = useTranslation();
  return (
    <div className={`lm-brand${inverted ? ' lm-brand--inverted' : ''}`}>
      <BrandMark inverted={inverted} size={inverted ? 40 : 32} />
      <div className="lm-brand__text">
        <span className="lm-brand__name">{t('app.name')}</span>
        {!compact && <span className="lm-brand__subtitle">{t('app.subtitle')}</span>}
      </div>
    </div>
  );
}
