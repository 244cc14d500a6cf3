import { Alert, Button, Card, Col, Dropdown, Form, Input, InputNumber, Popconfirm, Row, Select, Space, Switch, Tooltip } from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined, CopyOutlined, DeleteOutlined, LockOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { NEED_TYPES, QUESTION_TYPES, type GroupCode, type NeedTypeCode, type QuestionType, type SurveyMode } from '../../../shared/codes';
import { useLanguage } from '../../app/language';
import { conditionSources, conditionValues, isChoiceType, type DraftOption, type DraftQuestion, type DraftSurvey, type QuestionErrors } from './builder-values';
import { needTypeOptions } from './survey-labels';

export const QUESTION_TYPE_CODES = Object.keys(QUESTION_TYPES) as QuestionType[];
const NEED_TYPE_CODES = Object.keys(NEED_TYPES) as NeedTypeCode[];

/** What a card can ask of the builder: every change is a pure operation on the draft (builder-values.ts). */
export interface CardActions {
  update: (patch: Partial<DraftQuestion>) => void;
  updateOption: (optionIndex: number, patch: Partial<DraftOption>) => void;
  addOption: () => void;
  removeOption: (optionIndex: number) => void;
  move: (step: -1 | 1) => void;
  duplicate: () => void;
  remove: () => void;
  addAfter: (type: QuestionType) => void;
}

function status(message: string | undefined): { validateStatus?: 'error'; help?: string } {
  return message ? { validateStatus: 'error', help: message } : {};
}

/** The short text that names a question in a condition's picker: 第 2 题 · 您最需要…。 */
function questionName(question: DraftQuestion, number: number, label: (number: number) => string): string {
  const text = question.text.trim();
  return text ? `${label(number)} · ${text.length > 24 ? `${text.slice(0, 24)}…` : text}` : label(number);
}

/** One question of the builder as a card: its type, key, text, options (with need types), limits, condition, notes. */
export function QuestionCard({
  draft,
  index,
  mode,
  audience,
  errors,
  actions,
}: {
  draft: DraftSurvey;
  index: number;
  mode: SurveyMode;
  audience: GroupCode | null;
  errors: QuestionErrors;
  actions: CardActions;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const question = draft.questions[index]!;
  const count = draft.questions.length;
  const numberLabel = (number: number) => t('surveys.builder.question.number', { number });
  const dependants = draft.questions.filter((other) => other.showIf?.key === question.key).length;
  const sources = conditionSources(draft, index);
  const referenced = question.showIf ? draft.questions.findIndex((other) => other.key === question.showIf?.key) : -1;
  const sourceOptions = sources.map((source) => ({ value: source.key, label: questionName(source, draft.questions.indexOf(source) + 1, numberLabel) }));
  // A condition naming a question that is no longer before this one still shows by name, for the save to refuse.
  if (question.showIf && referenced >= index) {
    sourceOptions.push({ value: question.showIf.key, label: questionName(draft.questions[referenced]!, referenced + 1, numberLabel) });
  }
  const source = referenced >= 0 ? draft.questions[referenced] : undefined;
  const valueOptions = source ? conditionValues(source).map((item) => ({ value: String(item.value), label: item.label })) : [];
  const choice = isChoiceType(question.type);
  const needOptions = needTypeOptions(audience, language, { audience: t('surveys.builder.question.needTypesAudience'), other: t('surveys.builder.question.needTypesOther') });
  const typeMenu = { items: QUESTION_TYPE_CODES.map((type) => ({ key: type, label: QUESTION_TYPES[type][language] })), onClick: ({ key }: { key: string }) => {
      const type = QUESTION_TYPE_CODES.find((code) => code === key);
      if (type) actions.addAfter(type);
    },
  };

  return (
    <Card
      id={`q-card-${index}`}
      size="small"
      className={`lm-sv-qcard${errors.other.length > 0 || Object.keys(errors.fields).length > 0 || Object.keys(errors.options).length > 0 ? ' lm-sv-qcard--error' : ''}`}
      data-testid="question-card"
      data-key={question.key}
      title={
        <div className="lm-sv-qcard__head">
          <span className="lm-sv-qcard__number">{index + 1}</span>
          <Select<QuestionType>
            value={question.type}
            options={QUESTION_TYPE_CODES.map((type) => ({ value: type, label: QUESTION_TYPES[type][language] }))}
            onChange={(type) => actions.update({ type })}
            aria-label={t('surveys.builder.question.type')}
            style={{ width: 136 }}
            popupMatchSelectWidth={false}
            data-testid="question-type"
          />
        </div>
      }
      extra={
        <Space size={2} className="lm-sv-qcard__tools">
          <Tooltip title={t('surveys.builder.question.moveUp')}>
            <Button type="text" icon={<ArrowUpOutlined />} disabled={index === 0} onClick={() => actions.move(-1)} aria-label={t('surveys.builder.question.moveUp')} data-testid="question-up" />
          </Tooltip>
          <Tooltip title={t('surveys.builder.question.moveDown')}>
            <Button type="text" icon={<ArrowDownOutlined />} disabled={index === count - 1} onClick={() => actions.move(1)} aria-label={t('surveys.builder.question.moveDown')} data-testid="question-down" />
          </Tooltip>
          <Tooltip title={t('surveys.builder.question.duplicate')}>
            <Button type="text" icon={<CopyOutlined />} onClick={actions.duplicate} aria-label={t('surveys.builder.question.duplicate')} data-testid="question-duplicate" />
          </Tooltip>
          <Dropdown menu={typeMenu} trigger={['click']}>
            <Tooltip title={t('surveys.builder.addQuestionHere')}>
              <Button type="text" icon={<PlusOutlined />} aria-label={t('surveys.builder.addQuestionHere')} data-testid="question-add-after" />
            </Tooltip>
          </Dropdown>
          <Popconfirm
            title={dependants > 0 ? t('surveys.builder.question.removeConfirmRules') : t('surveys.builder.question.removeConfirm')}
            okText={t('surveys.builder.question.remove')}
            cancelText={t('common.cancel')}
            okButtonProps={{ danger: true }}
            onConfirm={actions.remove}
          >
            <Button type="text" danger icon={<DeleteOutlined />} disabled={count === 1} aria-label={t('surveys.builder.question.remove')} data-testid="question-remove" />
          </Popconfirm>
        </Space>
      }
    >
      {errors.other.length > 0 && <Alert type="error" showIcon title={errors.other.join(' ')} className="lm-sv-qcard__alert" data-testid="question-card-error" />}
      <Form layout="vertical" component="div" requiredMark={false} className="lm-sv-qcard__form">
        <Form.Item label={t('surveys.builder.question.text')} {...status(errors.fields.text)} className="lm-sv-qcard__text">
          <Input.TextArea
            value={question.text}
            onChange={(event) => actions.update({ text: event.target.value })}
            autoSize={{ minRows: 1, maxRows: 5 }}
            maxLength={500}
            placeholder={t('surveys.builder.question.textPlaceholder')}
            data-testid="question-text"
          />
        </Form.Item>
        <Row gutter={12}>
          <Col xs={24} sm={12}>
            <Form.Item
              label={t('surveys.builder.question.key')}
              tooltip={question.autoKey ? t('surveys.builder.question.keyHint') : t('surveys.builder.question.keyLocked')}
              {...status(errors.fields.key)}
            >
              <Input
                value={question.key}
                onChange={(event) => actions.update({ key: event.target.value.trim() })}
                maxLength={40}
                className="lm-mono-input"
                prefix={question.autoKey ? undefined : <LockOutlined className="lm-muted" />}
                data-testid="question-key"
              />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item label={t('surveys.builder.question.section')} {...status(errors.fields.section)}>
              <Input
                value={question.section}
                onChange={(event) => actions.update({ section: event.target.value })}
                maxLength={100}
                placeholder={t('surveys.builder.question.sectionPlaceholder')}
                data-testid="question-section"
              />
            </Form.Item>
          </Col>
        </Row>
        <div className="lm-sv-qcard__switch">
          <Switch checked={question.required} onChange={(required) => actions.update({ required })} id={`q-required-${index}`} data-testid="question-required" />
          <label htmlFor={`q-required-${index}`}>{t('surveys.builder.question.required')}</label>
        </div>

        {choice && (
          <Form.Item label={t('surveys.builder.question.options')} {...status(errors.fields.options)} className="lm-sv-options">
            <div className="lm-sv-options__list">
              {question.options.map((option, optionIndex) => (
                <div key={option.uid} className="lm-sv-option" data-testid="option-row">
                  <div className="lm-sv-option__fields">
                    <Input
                      value={option.label}
                      onChange={(event) => actions.updateOption(optionIndex, { label: event.target.value })}
                      placeholder={t('surveys.builder.question.optionLabel')}
                      aria-label={t('surveys.builder.question.optionLabel')}
                      maxLength={200}
                      className="lm-sv-option__label"
                      status={errors.options[optionIndex] ? 'error' : undefined}
                      data-testid="option-label"
                    />
                    <Select
                      allowClear
                      showSearch={{ optionFilterProp: 'label' }}
                      value={option.needType ?? undefined}
                      placeholder={t('surveys.builder.question.needTypeNone')}
                      aria-label={t('surveys.builder.question.needType')}
                      options={needOptions}
                      onChange={(needType?: string) => actions.updateOption(optionIndex, { needType: NEED_TYPE_CODES.find((code) => code === needType) ?? null })}
                      className="lm-sv-option__need"
                      popupMatchSelectWidth={false}
                      data-testid="option-need"
                    />
                    <Input
                      value={option.value}
                      onChange={(event) => actions.updateOption(optionIndex, { value: event.target.value.trim() })}
                      aria-label={t('surveys.builder.question.optionValue')}
                      title={t('surveys.builder.question.optionValue')}
                      maxLength={40}
                      className="lm-sv-option__value lm-mono-input"
                      status={errors.options[optionIndex] ? 'error' : undefined}
                      data-testid="option-value"
                    />
                    <Button
                      type="text"
                      icon={<DeleteOutlined />}
                      onClick={() => actions.removeOption(optionIndex)}
                      disabled={question.options.length <= 2}
                      aria-label={t('surveys.builder.question.removeOption')}
                      data-testid="option-remove"
                    />
                  </div>
                  {errors.options[optionIndex] && <div className="lm-sv-option__error">{errors.options[optionIndex]}</div>}
                </div>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={actions.addOption} className="lm-sv-options__add" data-testid="option-add">
                {t('surveys.builder.question.addOption')}
              </Button>
            </div>
          </Form.Item>
        )}

        {(question.type === 'multi' || question.type === 'rank') && (
          <Form.Item label={question.type === 'rank' ? t('surveys.builder.question.maxChoicesRank') : t('surveys.builder.question.maxChoices')} {...status(errors.fields.maxChoices)}>
            <InputNumber
              min={1}
              max={Math.max(1, question.options.length)}
              precision={0}
              value={question.maxChoices}
              onChange={(value) => actions.update({ maxChoices: typeof value === 'number' ? value : null })}
              placeholder={t('surveys.builder.question.noLimit')}
              style={{ width: 140 }}
              data-testid="question-max-choices"
            />
          </Form.Item>
        )}

        {question.type === 'scale' && (
          <Form.Item label={t('surveys.builder.question.scalePoints')} {...status(errors.fields.scale)}>
            <div className="lm-sv-qcard__inline">
              <InputNumber min={0} max={9} precision={0} value={question.scale.min} onChange={(min) => actions.update({ scale: { ...question.scale, min: min ?? 1 } })} style={{ width: 72 }} aria-label={t('surveys.builder.question.scaleMin')} />
              <span>{t('surveys.builder.question.scaleTo')}</span>
              <InputNumber min={1} max={10} precision={0} value={question.scale.max} onChange={(max) => actions.update({ scale: { ...question.scale, max: max ?? 5 } })} style={{ width: 72 }} aria-label={t('surveys.builder.question.scaleMax')} />
            </div>
            <Row gutter={12} className="lm-sv-qcard__ends">
              <Col xs={24} sm={12}>
                <Input
                  value={question.scale.minLabel}
                  onChange={(event) => actions.update({ scale: { ...question.scale, minLabel: event.target.value } })}
                  placeholder={t('surveys.builder.question.scaleMinPlaceholder')}
                  aria-label={t('surveys.builder.question.scaleMinLabel')}
                  prefix={<span className="lm-muted lm-small">{question.scale.min}</span>}
                  maxLength={50}
                />
              </Col>
              <Col xs={24} sm={12}>
                <Input
                  value={question.scale.maxLabel}
                  onChange={(event) => actions.update({ scale: { ...question.scale, maxLabel: event.target.value } })}
                  placeholder={t('surveys.builder.question.scaleMaxPlaceholder')}
                  aria-label={t('surveys.builder.question.scaleMaxLabel')}
                  prefix={<span className="lm-muted lm-small">{question.scale.max}</span>}
                  maxLength={50}
                />
              </Col>
            </Row>
          </Form.Item>
        )}

        {question.type === 'number' && (
          <Form.Item label={t('surveys.builder.question.rangeMin')} {...status(errors.fields.range)} className="lm-sv-qcard__range">
            <div className="lm-sv-qcard__inline lm-sv-qcard__inline--wrap">
              <InputNumber value={question.range.min} onChange={(min) => actions.update({ range: { ...question.range, min: typeof min === 'number' ? min : null } })} aria-label={t('surveys.builder.question.rangeMin')} style={{ width: 96 }} />
              <span>{t('surveys.builder.question.scaleTo')}</span>
              <InputNumber value={question.range.max} onChange={(max) => actions.update({ range: { ...question.range, max: typeof max === 'number' ? max : null } })} aria-label={t('surveys.builder.question.rangeMax')} style={{ width: 96 }} />
              <Input
                value={question.range.unit}
                onChange={(event) => actions.update({ range: { ...question.range, unit: event.target.value } })}
                placeholder={t('surveys.builder.question.unitPlaceholder')}
                aria-label={t('surveys.builder.question.unit')}
                maxLength={20}
                style={{ width: 140 }}
              />
              <span className="lm-sv-qcard__switch lm-sv-qcard__switch--inline">
                <Switch size="small" checked={question.range.integer} onChange={(integer) => actions.update({ range: { ...question.range, integer } })} id={`q-integer-${index}`} />
                <label htmlFor={`q-integer-${index}`}>{t('surveys.builder.question.integer')}</label>
              </span>
            </div>
          </Form.Item>
        )}

        <Form.Item label={t('surveys.builder.question.showIf')} {...status(errors.fields.showIf)} className="lm-sv-qcard__rule">
          {sources.length === 0 && !question.showIf ? (
            <span className="lm-muted lm-small">{t('surveys.builder.question.showIfNone')}</span>
          ) : (
            <div className="lm-sv-qcard__inline lm-sv-qcard__inline--wrap">
              <Select
                allowClear
                value={question.showIf?.key}
                placeholder={t('surveys.builder.question.showIfAlways')}
                options={sourceOptions}
                onChange={(key?: string) => {
                  const chosen = draft.questions.find((other) => other.key === key);
                  const first = chosen ? (chosen.type === 'number' ? { value: chosen.range.min ?? 0 } : conditionValues(chosen)[0]) : undefined;
                  actions.update({ showIf: key && first !== undefined ? { key, equals: first.value } : null });
                }}
                className="lm-sv-qcard__rule-source"
                popupMatchSelectWidth={false}
                aria-label={t('surveys.builder.question.showIfSource')}
                data-testid="showif-source"
              />
              {question.showIf && source?.type === 'number' && (
                <>
                  <span>{t('surveys.builder.question.showIfEquals')}</span>
                  <InputNumber
                    value={typeof question.showIf.equals === 'number' ? question.showIf.equals : Number(question.showIf.equals)}
                    onChange={(value) => {
                      const rule = question.showIf;
                      if (rule && typeof value === 'number') actions.update({ showIf: { key: rule.key, equals: value } });
                    }}
                    aria-label={t('surveys.builder.question.showIfValue')}
                    data-testid="showif-number"
                  />
                </>
              )}
              {question.showIf && source?.type !== 'number' && (
                <>
                  <span>{t('surveys.builder.question.showIfEquals')}</span>
                  <Select
                    value={String(question.showIf.equals)}
                    options={valueOptions}
                    onChange={(value: string) => {
                      const rule = question.showIf;
                      if (!rule) return;
                      actions.update({ showIf: { key: rule.key, equals: source?.type === 'scale' ? Number(value) : value } });
                    }}
                    className="lm-sv-qcard__rule-value"
                    popupMatchSelectWidth={false}
                    aria-label={t('surveys.builder.question.showIfValue')}
                    data-testid="showif-value"
                  />
                </>
              )}
            </div>
          )}
        </Form.Item>

        <Form.Item label={t('surveys.builder.question.help')} {...status(errors.fields.help)}>
          <Input value={question.help} onChange={(event) => actions.update({ help: event.target.value })} maxLength={500} placeholder={t('surveys.builder.question.helpPlaceholder')} data-testid="question-help" />
        </Form.Item>
        {mode === 'interview' && (
          <Form.Item label={t('surveys.builder.question.prompt')} {...status(errors.fields.prompt)} className="lm-sv-qcard__prompt">
            <Input.TextArea
              value={question.prompt}
              onChange={(event) => actions.update({ prompt: event.target.value })}
              autoSize={{ minRows: 2, maxRows: 6 }}
              maxLength={1000}
              placeholder={t('surveys.builder.question.promptPlaceholder')}
              data-testid="question-prompt"
            />
          </Form.Item>
        )}
      </Form>
    </Card>
  );
}
