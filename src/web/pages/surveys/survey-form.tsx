import { Fragment } from 'react';
import { Input, InputNumber } from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined, CheckOutlined, CommentOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { SurveyMode } from '../../../shared/codes';
import { dropHidden, moveRank, scalePoints, tapRank, toggleChoice, visibleQuestions } from './survey-logic';
import type { Answers, Question } from './survey-types';

/**
 * The questions of a survey as a respondent answers them: the fill page and the builder's preview
 * use this one component, so the preview is the form. Skip logic applies as answers change (a
 * hidden question disappears and its answer is dropped); in interview mode each question carries
 * the interviewer's prompt. Questions keep their number on the paper form, shown or not.
 */
export function SurveyForm({
  questions,
  mode,
  answers,
  onChange,
  errors = {},
  disabled = false,
  idPrefix = 'sv',
}: {
  questions: readonly Question[];
  mode: SurveyMode;
  answers: Answers;
  onChange: (next: Answers) => void;
  /** question key → message, shown under the question. */
  errors?: Record<string, string>;
  disabled?: boolean;
  /** Prefix of the questions' element ids (the preview and the fill page can be on one page). */
  idPrefix?: string;
}) {
  const { t } = useTranslation();
  const shown = visibleQuestions(questions, answers);
  const numberOf = new Map(questions.map((question, index) => [question.key, index + 1]));
  const set = (key: string, value: Answers[string]) => onChange(dropHidden([...questions], { ...answers, [key]: value }));

  if (questions.length === 0) return <p className="lm-muted">{t('surveys.form.noQuestions')}</p>;
  return (
    <div className="lm-sv-form" data-testid="survey-form">
      {shown.map((question, index) => {
        const section = question.section?.trim() ?? '';
        const previous = index > 0 ? (shown[index - 1]?.section?.trim() ?? '') : '';
        const error = errors[question.key];
        return (
          <Fragment key={question.key}>
            {section && section !== previous && (
              <h2 className="lm-sv-form__section" data-testid="form-section">
                {section}
              </h2>
            )}
            <fieldset
              id={`${idPrefix}-question-${question.key}`}
              className={`lm-sv-q${error ? ' lm-sv-q--error' : ''}`}
              data-question={question.key}
              data-type={question.type}
              disabled={disabled}
            >
              <legend className="lm-sv-q__text">
                <span className="lm-sv-q__number">{numberOf.get(question.key)}.</span>
                <span>
                  {question.text}
                  {question.required && (
                    <span className="lm-sv-q__required" title={t('surveys.form.required')}>
                      *<span className="lm-visually-hidden">{t('surveys.form.required')}</span>
                    </span>
                  )}
                </span>
              </legend>
              <TypeHint question={question} />
              {mode === 'interview' && question.prompt && (
                <div className="lm-sv-q__prompt" data-testid="interviewer-prompt">
                  <span className="lm-sv-q__prompt-title">
                    <CommentOutlined /> {t('surveys.form.prompt')}
                  </span>
                  <span className="lm-prewrap">{question.prompt}</span>
                </div>
              )}
              {question.help && <p className="lm-sv-q__help">{question.help}</p>}
              <QuestionInput question={question} value={answers[question.key] ?? null} onChange={(value) => set(question.key, value)} />
              {error && (
                <div className="lm-sv-q__error" role="alert" data-testid="question-error">
                  {error}
                </div>
              )}
            </fieldset>
          </Fragment>
        );
      })}
    </div>
  );
}

function TypeHint({ question }: { question: Question }) {
  const { t } = useTranslation();
  let hint: string | null = null;
  if (question.type === 'multi') hint = question.maxChoices ? t('surveys.form.multiMax', { count: question.maxChoices }) : t('surveys.form.multi');
  if (question.type === 'rank') hint = question.maxChoices ? t('surveys.form.rankMax', { count: question.maxChoices }) : t('surveys.form.rank');
  if (question.type === 'number' && question.range) {
    const { min, max } = question.range;
    if (typeof min === 'number' && typeof max === 'number') hint = t('surveys.form.numberBetween', { min, max });
    else if (typeof min === 'number') hint = t('surveys.form.numberMin', { min });
    else if (typeof max === 'number') hint = t('surveys.form.numberMax', { max });
  }
  return hint ? <div className="lm-sv-q__hint">{hint}</div> : null;
}

interface InputProps {
  question: Question;
  value: Answers[string];
  onChange: (value: Answers[string]) => void;
}

function QuestionInput({ question, value, onChange }: InputProps) {
  switch (question.type) {
    case 'single':
      return <SingleInput question={question} value={value} onChange={onChange} />;
    case 'multi':
      return <MultiInput question={question} value={value} onChange={onChange} />;
    case 'rank':
      return <RankInput question={question} value={value} onChange={onChange} />;
    case 'scale':
      return <ScaleInput question={question} value={value} onChange={onChange} />;
    case 'number':
      return <NumberInput question={question} value={value} onChange={onChange} />;
    case 'text':
      return <TextInput question={question} value={value} onChange={onChange} />;
  }
}

const asList = (value: Answers[string]): string[] => (Array.isArray(value) ? value : []);

/** One big radio per option; tapping the chosen one again clears it, unless an answer is required. */
function SingleInput({ question, value, onChange }: InputProps) {
  return (
    <div role="radiogroup" aria-label={question.text} className="lm-sv-choices">
      {(question.options ?? []).map((option) => {
        const on = value === option.value;
        return (
          <button
            key={option.value}
            type="button"
            role="radio"
            aria-checked={on}
            className={`lm-sv-choice${on ? ' lm-sv-choice--on' : ''}`}
            onClick={() => onChange(on && !question.required ? null : option.value)}
            data-value={option.value}
          >
            <span className="lm-sv-choice__mark lm-sv-choice__mark--radio" aria-hidden="true" />
            <span className="lm-sv-choice__label">{option.label || '—'}</span>
          </button>
        );
      })}
    </div>
  );
}

/** One big checkbox per option; past maxChoices the others wait until one is let go. */
function MultiInput({ question, value, onChange }: InputProps) {
  const { t } = useTranslation();
  const chosen = asList(value);
  const full = question.maxChoices ? chosen.length >= question.maxChoices : false;
  return (
    <>
      <div role="group" aria-label={question.text} className="lm-sv-choices">
        {(question.options ?? []).map((option) => {
          const on = chosen.includes(option.value);
          return (
            <button
              key={option.value}
              type="button"
              role="checkbox"
              aria-checked={on}
              aria-disabled={!on && full}
              className={`lm-sv-choice${on ? ' lm-sv-choice--on' : ''}${!on && full ? ' lm-sv-choice--full' : ''}`}
              onClick={() => onChange(toggleChoice(chosen, option.value, question.maxChoices))}
              data-value={option.value}
            >
              <span className="lm-sv-choice__mark" aria-hidden="true">
                {on && <CheckOutlined />}
              </span>
              <span className="lm-sv-choice__label">{option.label || '—'}</span>
            </button>
          );
        })}
      </div>
      {question.maxChoices && (
        <div className="lm-sv-q__count" aria-live="polite">
          {t('surveys.form.chosen', { count: chosen.length, max: question.maxChoices })}
        </div>
      )}
    </>
  );
}

/**
 * Tap the options in order of importance: each shows its place; tapping a ranked one takes it
 * out and the later ones move up; the arrows swap it with its neighbour.
 */
function RankInput({ question, value, onChange }: InputProps) {
  const { t } = useTranslation();
  const order = asList(value);
  const full = question.maxChoices ? order.length >= question.maxChoices : false;
  return (
    <div role="group" aria-label={question.text} className="lm-sv-choices">
      {(question.options ?? []).map((option) => {
        const place = order.indexOf(option.value) + 1;
        const on = place > 0;
        return (
          <div key={option.value} className={`lm-sv-rank${on ? ' lm-sv-rank--on' : ''}`} data-value={option.value} data-place={on ? place : undefined}>
            <button
              type="button"
              aria-pressed={on}
              aria-disabled={!on && full}
              className={`lm-sv-choice${on ? ' lm-sv-choice--on' : ''}${!on && full ? ' lm-sv-choice--full' : ''}`}
              onClick={() => onChange(tapRank(order, option.value, question.maxChoices))}
              aria-label={on ? t('surveys.form.rankedAs', { label: option.label, place }) : option.label}
            >
              <span className="lm-sv-choice__mark lm-sv-choice__mark--place" aria-hidden="true">
                {on ? place : ''}
              </span>
              <span className="lm-sv-choice__label">{option.label || '—'}</span>
            </button>
            {on && (
              <span className="lm-sv-rank__moves">
                <button type="button" className="lm-sv-rank__move" disabled={place === 1} onClick={() => onChange(moveRank(order, option.value, -1))} aria-label={t('surveys.form.rankUp', { label: option.label })}>
                  <ArrowUpOutlined />
                </button>
                <button
                  type="button"
                  className="lm-sv-rank__move"
                  disabled={place === order.length}
                  onClick={() => onChange(moveRank(order, option.value, 1))}
                  aria-label={t('surveys.form.rankDown', { label: option.label })}
                >
                  <ArrowDownOutlined />
                </button>
              </span>
            )}
          </div>
        );
      })}
    </div>
  );
}

/** Segmented points with the end labels under the ends; tapping the chosen point again clears an optional one. */
function ScaleInput({ question, value, onChange }: InputProps) {
  const points = scalePoints(question);
  const minLabel = question.scale?.minLabel;
  const maxLabel = question.scale?.maxLabel;
  return (
    <div className="lm-sv-scale">
      <div role="radiogroup" aria-label={question.text} className="lm-sv-scale__points" style={{ gridTemplateColumns: `repeat(${points.length}, minmax(0, 1fr))` }}>
        {points.map((point) => {
          const on = value === point;
          return (
            <button key={point} type="button" role="radio" aria-checked={on} className={`lm-sv-scale__point${on ? ' lm-sv-scale__point--on' : ''}`} onClick={() => onChange(on && !question.required ? null : point)} data-value={point}>
              {point}
            </button>
          );
        })}
      </div>
      {(minLabel || maxLabel) && (
        <div className="lm-sv-scale__ends">
          <span>{minLabel}</span>
          <span>{maxLabel}</span>
        </div>
      )}
    </div>
  );
}

function NumberInput({ question, value, onChange }: InputProps) {
  const range = question.range;
  return (
    <InputNumber
      value={typeof value === 'number' ? value : null}
      onChange={(next) => onChange(typeof next === 'number' ? next : null)}
      min={typeof range?.min === 'number' ? range.min : undefined}
      max={typeof range?.max === 'number' ? range.max : undefined}
      precision={range?.integer ? 0 : undefined}
      inputMode={range?.integer ? 'numeric' : 'decimal'}
      suffix={range?.unit ?? undefined}
      size="large"
      className="lm-sv-number"
      aria-label={question.text}
    />
  );
}

function TextInput({ question, value, onChange }: InputProps) {
  const { t } = useTranslation();
  return (
    <Input.TextArea
      value={typeof value === 'string' ? value : ''}
      onChange={(event) => onChange(event.target.value === '' ? null : event.target.value)}
      autoSize={{ minRows: 2, maxRows: 8 }}
      maxLength={4000}
      placeholder={t('surveys.form.textPlaceholder')}
      className="lm-sv-text"
      aria-label={question.text}
    />
  );
}
