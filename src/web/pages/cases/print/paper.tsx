import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../components/format';
import { codeLabel } from '../../people/people-labels';
import type { Label } from '../../../../shared/i18n';

/*
 * The parts of a printed case document (A4, always in Chinese: the forms go into the paper case
 * file and to the civil affairs bureau, whatever language the screen is in).
 */

/** The translator of the printed forms: Chinese, whatever the interface language. */
export function usePaperT() {
  return useTranslation('translation', { lng: 'zh-CN' }).t;
}

/** 2026年11月29日, or a blank to write on. */
export function paperDate(value: string | null | undefined): string {
  return value ? formatDate(value, 'zh-CN') : '';
}

export function paperCode(list: Record<string, Label>, code: string | null | undefined): string {
  return codeLabel(list, code, 'zh-CN');
}

/** ☑ 达成 ☐ 部分达成 ☐ 未达成: every option, the chosen ones ticked, as on a paper form. */
export function Ticks({ options, chosen }: { options: Array<{ value: string; label: string }>; chosen: readonly string[] }) {
  return (
    <span className="lm-paper__ticks">
      {options.map((option) => (
        <span key={option.value} className="lm-paper__tick">
          {chosen.includes(option.value) ? '☑' : '☐'} {option.label}
        </span>
      ))}
    </span>
  );
}

/** A row of label/value cells; a blank value leaves room to write by hand. */
export function Row({ cells }: { cells: Array<{ label: string; value: ReactNode; span?: number }> }) {
  return (
    <tr>
      {cells.map((cell) => (
        <PaperCell key={cell.label} label={cell.label} value={cell.value} span={cell.span} />
      ))}
    </tr>
  );
}

function PaperCell({ label, value, span }: { label: string; value: ReactNode; span?: number }) {
  return (
    <>
      <th scope="row">{label}</th>
      <td colSpan={span}>{value === null || value === undefined || value === '' ? '\u00a0' : value}</td>
    </>
  );
}

/** A tall block of text with its heading, at least a few lines high when blank. */
export function Block({ label, text, lines = 3 }: { label: string; text: ReactNode; lines?: number }) {
  return (
    <tr>
      <th scope="row">{label}</th>
      <td colSpan={3} className="lm-paper__block" style={{ minHeight: `${lines * 1.8}em`, height: `${lines * 1.8}em` }}>
        {text === null || text === undefined || text === '' ? '\u00a0' : <span className="lm-prewrap">{text}</span>}
      </td>
    </tr>
  );
}

export interface PaperFacts {
  station: string;
  caseNumber: string;
  personName: string;
  gender: string;
  birthDate: string;
  ethnicity: string;
  village: string;
  address: string;
  phone: string;
  worker: string;
  openedOn: string;
}

/** The head of every form: station, title, case number; then who the case is about. */
export function Paper({ title, facts, children, signatures }: { title: string; facts: PaperFacts; children: ReactNode; signatures: ReactNode }) {
  const t = usePaperT();
  return (
    <article className="lm-paper" data-testid="paper">
      <header className="lm-paper__head">
        <div className="lm-paper__station">{facts.station}</div>
        <h1 className="lm-paper__title">{title}</h1>
        <div className="lm-paper__meta">
          <span>{t('cases.paper.caseNumber', { number: facts.caseNumber })}</span>
          <span>{t('cases.paper.printedOn', { date: formatDate(new Date(), 'zh-CN') })}</span>
        </div>
      </header>
      <table className="lm-paper__table">
        <colgroup>
          <col className="lm-paper__label-col" />
          <col />
          <col className="lm-paper__label-col" />
          <col />
        </colgroup>
        <tbody>
          <Row
            cells={[
              { label: t('cases.paper.name'), value: facts.personName },
              { label: t('cases.paper.gender'), value: facts.gender },
            ]}
          />
          <Row
            cells={[
              { label: t('cases.paper.birthDate'), value: facts.birthDate },
              { label: t('cases.paper.ethnicity'), value: facts.ethnicity },
            ]}
          />
          <Row
            cells={[
              { label: t('cases.paper.village'), value: facts.village },
              { label: t('cases.paper.phone'), value: facts.phone },
            ]}
          />
          <Row cells={[{ label: t('cases.paper.address'), value: facts.address, span: 3 }]} />
          <Row
            cells={[
              { label: t('cases.paper.worker'), value: facts.worker },
              { label: t('cases.paper.openedOn'), value: facts.openedOn },
            ]}
          />
        </tbody>
      </table>
      {children}
      <footer className="lm-paper__signatures">{signatures}</footer>
    </article>
  );
}

/** Signature lines: 服务对象/监护人签名, 社工签名, 站长审核 (or whichever the form needs). */
export function Signatures({ who, approved }: { who: Array<'client' | 'worker' | 'manager' | 'receiver'>; approved?: string | null }) {
  const t = usePaperT();
  return (
    <div className="lm-paper__sign-grid">
      {who.map((role) => (
        <div key={role} className="lm-paper__sign">
          <div className="lm-paper__sign-line">
            <span>{t(`cases.paper.sign.${role}`)}</span>
            <span className="lm-paper__blank" />
          </div>
          <div className="lm-paper__sign-date">{t('cases.paper.sign.date')}</div>
          {role === 'manager' && approved && <div className="lm-paper__approved">{approved}</div>}
        </div>
      ))}
    </div>
  );
}

/** A section heading inside the form. */
export function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="lm-paper__section">
      <h2>{title}</h2>
      {children}
    </section>
  );
}
