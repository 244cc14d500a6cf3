import { Fragment, useEffect, useMemo, useState } from 'react';
import { Alert, App, Button, Card, Col, Drawer, Dropdown, Empty, Form, Grid, Input, Result, Row, Segmented, Select, Skeleton } from 'antd';
import { ArrowLeftOutlined, CloseOutlined, EyeOutlined, PlusOutlined, UndoOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { GROUPS, QUESTION_TYPES, SURVEY_MODES, type GroupCode, type SurveyMode } from '../../../shared/codes';
import { ApiError, errorText } from '../../app/api';
import { useLanguage } from '../../app/language';
import { LoadError } from '../../components/load-error';
import { PageHeader } from '../../components/page-header';
import {
  addOption,
  addQuestion,
  blankSurvey,
  draftProblems,
  duplicateQuestion,
  firstErrorPath,
  fromSurvey,
  fromTemplate,
  issuePath,
  moveQuestion,
  questionErrors,
  removeOption,
  removeQuestion,
  toQuestions,
  toSurveyFields,
  updateOption,
  updateQuestion,
  type DraftErrors,
  type DraftSurvey,
} from './builder-values';
import { QUESTION_TYPE_CODES, QuestionCard, type CardActions } from './question-card';
import { SurveyForm } from './survey-form';
import type { Answers, Survey } from './survey-types';
import { useCreateSurvey, useSurvey, useTemplates, useUpdateSurvey } from './surveys-api';
import { useLeaveGuard } from './use-leave-guard';
import './surveys.css';

/** /surveys/new (?template=…) and /surveys/:id/edit: one builder for both. */
export function SurveyBuilderPage() {
  const { id } = useParams();
  const [params] = useSearchParams();
  if (id) return <EditSurvey id={id} />;
  return <NewSurvey templateKey={params.get('template')} />;
}

function BackLink({ to }: { to: string }) {
  const { t } = useTranslation();
  return (
    <Link to={to} className="lm-back-link">
      <ArrowLeftOutlined /> {to === '/surveys' ? t('surveys.back') : t('surveys.backToSurvey')}
    </Link>
  );
}

function NewSurvey({ templateKey }: { templateKey: string | null }) {
  const language = useLanguage();
  const templates = useTemplates(language, templateKey !== null);
  if (templateKey === null) return <Builder key="blank" initial={blankSurvey()} survey={null} />;
  if (templates.isPending) return <BuilderSkeleton back="/surveys" />;
  if (templates.isError) {
    return (
      <div className="lm-sv-builder">
        <BackLink to="/surveys" />
        <LoadError error={templates.error} onRetry={() => void templates.refetch()} />
      </div>
    );
  }
  const template = templates.data.find((item) => item.key === templateKey);
  return <Builder key={templateKey} initial={template ? fromTemplate(template) : blankSurvey()} survey={null} templateTitle={template?.title} />;
}

function EditSurvey({ id }: { id: string }) {
  const { t } = useTranslation();
  const survey = useSurvey(id);
  // Read once: a refetch in the background must not replace what is being edited.
  const [loaded, setLoaded] = useState<Survey | null>(null);
  useEffect(() => {
    if (survey.data && loaded === null) setLoaded(survey.data);
  }, [survey.data, loaded]);
  if (survey.isError) {
    return (
      <div className="lm-sv-builder">
        <BackLink to="/surveys" />
        {survey.error instanceof ApiError && survey.error.status === 404 ? <Result status="404" title={t('surveys.notFound')} /> : <LoadError error={survey.error} onRetry={() => void survey.refetch()} />}
      </div>
    );
  }
  if (!loaded) return <BuilderSkeleton back={`/surveys/${id}`} />;
  return <Builder key={loaded.id} initial={fromSurvey(loaded)} survey={loaded} />;
}

function BuilderSkeleton({ back }: { back: string }) {
  return (
    <div className="lm-sv-builder">
      <BackLink to={back} />
      <Skeleton active paragraph={{ rows: 10 }} />
    </div>
  );
}

/** The issues of a VALIDATION_FAILED reply with their paths and the question they name. */
function serverIssues(error: unknown): Array<{ path: string; message: string; question: string | null }> {
  if (!(error instanceof ApiError) || error.code !== 'VALIDATION_FAILED' || !Array.isArray(error.details)) return [];
  const issues: Array<{ path: string; message: string; question: string | null }> = [];
  for (const item of error.details as unknown[]) {
    if (typeof item !== 'object' || item === null) continue;
    const rawPath: unknown = Reflect.get(item, 'path');
    const message: unknown = Reflect.get(item, 'message');
    const question: unknown = Reflect.get(item, 'question');
    const path = Array.isArray(rawPath) ? rawPath.map(String).join('.') : typeof rawPath === 'string' ? rawPath : '';
    if (typeof message === 'string') issues.push({ path, message, question: typeof question === 'string' ? question : null });
  }
  return issues;
}

function Builder({ initial, survey, templateTitle }: { initial: DraftSurvey; survey: Survey | null; templateTitle?: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const navigate = useNavigate();
  const { message, modal } = App.useApp();
  const screens = Grid.useBreakpoint();
  const wide = screens.xl === true;
  const [draft, setDraft] = useState(initial);
  const [errors, setErrors] = useState<DraftErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [scrollTo, setScrollTo] = useState<string | null>(null);
  const [previewOpen, setPreviewOpen] = useState(false);
  const [previewAnswers, setPreviewAnswers] = useState<Answers>({});
  const [version, setVersion] = useState(survey?.version ?? 0);
  const [conflict, setConflict] = useState(false);
  const create = useCreateSurvey();
  const update = useUpdateSurvey(survey?.id ?? '');
  const saving = create.isPending || update.isPending;
  const back = survey ? `/surveys/${survey.id}` : '/surveys';
  const originalQuestions = useMemo(() => JSON.stringify(toQuestions(initial)), [initial]);
  const original = useMemo(() => JSON.stringify(toSurveyFields(initial)), [initial]);
  const allowLeave = useLeaveGuard(JSON.stringify(toSurveyFields(draft)) !== original, {
    title: t('surveys.leave.builderTitle'),
    content: t('surveys.leave.builderContent'),
    ok: t('surveys.leave.ok'),
    cancel: t('surveys.leave.stay'),
  });
  // Changed questions make a new version only once the current one has responses (older versions keep theirs).
  const settledResponses = survey?.versions.find((item) => item.number === survey.currentVersion)?.responseCount ?? 0;

  useEffect(() => {
    if (!scrollTo) return;
    const match = /^questions\.(\d+)/.exec(scrollTo);
    const element = document.getElementById(match ? `q-card-${match[1]}` : `field-${scrollTo.split('.')[0] ?? ''}`) ?? document.querySelector('.lm-sv-builder__alert');
    element?.scrollIntoView({ behavior: 'smooth', block: 'center' });
    setScrollTo(null);
  }, [scrollTo]);

  /**
   * Applies a change and clears the errors it answers: those under the path `clear`, or all of them
   * (`'all'`) after a structural change (add, move, delete), since the errors' paths held positions.
   */
  const change = (next: DraftSurvey, clear: string) => {
    setDraft(next);
    if (clear === 'all') {
      if (Object.keys(errors).length > 0) setErrors({});
      return;
    }
    if (Object.keys(errors).some((path) => path === clear || path.startsWith(`${clear}.`))) {
      setErrors((current) => Object.fromEntries(Object.entries(current).filter(([path]) => path !== clear && !path.startsWith(`${clear}.`))));
    }
  };

  const actionsFor = (index: number): CardActions => ({
    update: (patch) => change(updateQuestion(draft, index, patch), patch.type || patch.key !== undefined ? `questions.${index}` : `questions.${index}.${Object.keys(patch)[0] ?? ''}`),
    updateOption: (optionIndex, patch) => change(updateOption(draft, index, optionIndex, patch), `questions.${index}.options`),
    addOption: () => change(addOption(draft, index), `questions.${index}.options`),
    removeOption: (optionIndex) => change(removeOption(draft, index, optionIndex), 'all'),
    move: (step) => change(moveQuestion(draft, index, step), 'all'),
    duplicate: () => change(duplicateQuestion(draft, index), 'all'),
    remove: () => change(removeQuestion(draft, index), 'all'),
    addAfter: (type) => {
      change(addQuestion(draft, type, index + 1), 'all');
      setScrollTo(`questions.${index + 1}`);
    },
  });

  const showErrors = (next: DraftErrors) => {
    setErrors(next);
    setFormError(t('surveys.builder.errorsTitle'));
    setScrollTo(firstErrorPath(next));
  };

  const onSaveError = (error: unknown) => {
    if (error instanceof ApiError && error.code === 'VERSION_CONFLICT') {
      const current: unknown = typeof error.details === 'object' && error.details !== null ? Reflect.get(error.details, 'current') : undefined;
      const currentVersion: unknown = typeof current === 'object' && current !== null ? Reflect.get(current, 'version') : undefined;
      if (typeof currentVersion === 'number') setVersion(currentVersion);
      setConflict(true);
      setScrollTo('alert');
      return;
    }
    const issues = serverIssues(error);
    if (issues.length === 0) {
      setFormError(errorText(error));
      setScrollTo('alert');
      return;
    }
    const next: DraftErrors = {};
    for (const issue of issues) {
      const at = issuePath(issue, draft) || 'questions';
      next[at] = next[at] ? `${next[at]} ${issue.message}` : issue.message;
    }
    showErrors(next);
  };

  const save = (status: 'draft' | 'open' | null) => {
    setFormError(null);
    setConflict(false);
    const problems = draftProblems(draft);
    if (Object.keys(problems).length > 0) {
      showErrors(Object.fromEntries(Object.entries(problems).map(([path, key]) => [path, t(`surveys.builder.errors.${key}`)])));
      return;
    }
    setErrors({});
    const fields = toSurveyFields(draft);
    if (!survey) {
      create.mutate(
        { ...fields, status: status ?? 'draft' },
        {
          onSuccess: (saved) => {
            void message.success(t('surveys.builder.saved'));
            allowLeave();
            void navigate(`/surveys/${saved.id}`, { replace: true });
          },
          onError: onSaveError,
        },
      );
      return;
    }
    const send = () =>
      update.mutate(
        { version, title: fields.title, description: fields.description, audience: fields.audience, mode: fields.mode, questions: fields.questions },
        {
          onSuccess: (saved) => {
            void message.success(saved.currentVersion > survey.currentVersion ? t('surveys.builder.savedNewVersion', { number: saved.currentVersion }) : t('surveys.builder.saved'));
            allowLeave();
            void navigate(`/surveys/${saved.id}`, { replace: true });
          },
          onError: onSaveError,
        },
      );
    const questionsChanged = JSON.stringify(fields.questions) !== originalQuestions;
    if (settledResponses > 0 && questionsChanged) {
      const number = survey.currentVersion + 1;
      void modal.confirm({
        title: t('surveys.builder.newVersionTitle', { number }),
        content: t('surveys.builder.newVersionBody', { number, count: settledResponses, current: survey.currentVersion }),
        okText: t('surveys.builder.newVersionOk'),
        cancelText: t('common.cancel'),
        onOk: send,
        className: 'lm-sv-version-confirm',
      });
      return;
    }
    send();
  };

  const surveyError = (field: string) => (errors[field] ? { validateStatus: 'error' as const, help: errors[field] } : {});
  const typeMenu = {
    items: QUESTION_TYPE_CODES.map((type) => ({ key: type, label: QUESTION_TYPES[type][language] })),
    onClick: ({ key }: { key: string }) => {
      const type = QUESTION_TYPE_CODES.find((code) => code === key);
      if (!type) return;
      change(addQuestion(draft, type), 'all');
      setScrollTo(`questions.${draft.questions.length}`);
    },
  };

  const preview = (
    <div className="lm-sv-preview" data-testid="builder-preview">
      <p className="lm-muted lm-small">{t('surveys.builder.previewHint')}</p>
      {draft.title.trim() && <h2 className="lm-sv-preview__title">{draft.title}</h2>}
      {draft.description.trim() && <p className="lm-sv-preview__description lm-prewrap">{draft.description}</p>}
      <SurveyForm
        questions={toQuestions(draft, true).map((question) => ({ ...question, text: question.text || '…' }))}
        mode={draft.mode}
        answers={previewAnswers}
        onChange={setPreviewAnswers}
        idPrefix="preview"
      />
      <Button icon={<UndoOutlined />} onClick={() => setPreviewAnswers({})} className="lm-sv-preview__reset">
        {t('surveys.builder.previewReset')}
      </Button>
    </div>
  );

  const builder = (
    <>
      {settledResponses > 0 && <Alert type="warning" showIcon title={t('surveys.builder.hasResponses', { count: settledResponses })} className="lm-sv-builder__notice" data-testid="has-responses" />}
      {conflict && <Alert type="warning" showIcon title={t('surveys.builder.conflict')} className="lm-sv-builder__alert" data-testid="builder-conflict" />}
      {formError && <Alert type="error" showIcon title={formError} className="lm-sv-builder__alert" data-testid="builder-error" />}
      <Card title={t('surveys.builder.basics')} size="small" className="lm-sv-builder__basics">
        <Form layout="vertical" component="div" requiredMark={false}>
          <div id="field-title" />
          <Form.Item label={t('surveys.builder.fields.title')} {...surveyError('title')}>
            <Input
              value={draft.title}
              onChange={(event) => change({ ...draft, title: event.target.value }, 'title')}
              maxLength={200}
              placeholder={t('surveys.builder.placeholders.title')}
              size="large"
              data-testid="survey-title"
            />
          </Form.Item>
          <Row gutter={12}>
            <Col xs={24} md={12}>
              <div id="field-audience" />
              <Form.Item label={t('surveys.builder.fields.audience')} {...surveyError('audience')}>
                <Select<GroupCode>
                  showSearch={{ optionFilterProp: 'label' }}
                  value={draft.audience ?? undefined}
                  placeholder={t('surveys.builder.placeholders.audience')}
                  options={(Object.keys(GROUPS) as GroupCode[]).map((code) => ({ value: code, label: GROUPS[code][language] }))}
                  onChange={(audience) => change({ ...draft, audience }, 'audience')}
                  data-testid="survey-audience"
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <div id="field-mode" />
              <Form.Item label={t('surveys.builder.fields.mode')} validateStatus={errors.mode ? 'error' : undefined} help={errors.mode ?? t(`surveys.builder.modeHint.${draft.mode}`)}>
                <Segmented<SurveyMode>
                  value={draft.mode}
                  options={(Object.keys(SURVEY_MODES) as SurveyMode[]).map((mode) => ({ value: mode, label: SURVEY_MODES[mode][language] }))}
                  onChange={(mode) => change({ ...draft, mode }, 'mode')}
                  data-testid="survey-mode"
                />
              </Form.Item>
            </Col>
          </Row>
          <div id="field-description" />
          <Form.Item label={t('surveys.builder.fields.description')} {...surveyError('description')}>
            <Input.TextArea
              value={draft.description}
              onChange={(event) => change({ ...draft, description: event.target.value }, 'description')}
              autoSize={{ minRows: 2, maxRows: 8 }}
              maxLength={2000}
              placeholder={t('surveys.builder.placeholders.description')}
              data-testid="survey-description"
            />
          </Form.Item>
        </Form>
      </Card>

      <div className="lm-sv-builder__questions-head" id="field-questions">
        <h2>{t('surveys.builder.questions')}</h2>
        <span className="lm-muted">{t('surveys.builder.questionsCount', { count: draft.questions.length })}</span>
      </div>
      {errors.questions && <Alert type="error" showIcon title={errors.questions} className="lm-sv-builder__alert" />}
      {draft.questions.length === 0 && <Empty description={t('surveys.builder.noQuestions')} />}
      {draft.questions.map((question, index) => {
        const section = question.section.trim();
        const previous = index > 0 ? (draft.questions[index - 1]?.section.trim() ?? '') : '';
        return (
          <Fragment key={question.uid}>
            {section && section !== previous && (
              <h3 className="lm-sv-builder__section" data-testid="builder-section">
                {section}
              </h3>
            )}
            <QuestionCard draft={draft} index={index} mode={draft.mode} audience={draft.audience} errors={questionErrors(errors, index)} actions={actionsFor(index)} />
          </Fragment>
        );
      })}
      <Dropdown menu={typeMenu} trigger={['click']}>
        <Button type="dashed" icon={<PlusOutlined />} block size="large" className="lm-sv-builder__add" data-testid="question-add">
          {t('surveys.builder.addQuestion')}
        </Button>
      </Dropdown>
    </>
  );

  return (
    <div className={`lm-sv-builder${previewOpen && wide ? ' lm-sv-builder--with-preview' : ''}`} data-testid="survey-builder">
      <BackLink to={back} />
      <PageHeader
        title={survey ? t('surveys.builder.titleEdit') : t('surveys.builder.titleNew')}
        description={survey ? survey.title : templateTitle ? <span data-testid="from-template">{t('surveys.builder.fromTemplate', { title: templateTitle })}</span> : undefined}
        extra={
          <Button icon={previewOpen ? <CloseOutlined /> : <EyeOutlined />} onClick={() => setPreviewOpen((open) => !open)} data-testid="preview-toggle" aria-pressed={previewOpen}>
            {previewOpen ? t('surveys.builder.hidePreview') : t('surveys.builder.preview')}
          </Button>
        }
      />
      {previewOpen && wide ? (
        <Row gutter={20} wrap={false}>
          <Col flex="1 1 0" style={{ minWidth: 0 }}>
            {builder}
          </Col>
          <Col flex="0 0 420px">
            <Card title={t('surveys.builder.previewTitle')} size="small" className="lm-sv-preview-panel">
              {preview}
            </Card>
          </Col>
        </Row>
      ) : (
        builder
      )}
      {!wide && (
        <Drawer open={previewOpen} onClose={() => setPreviewOpen(false)} title={t('surveys.builder.previewTitle')} placement="right" size={screens.sm ? 480 : '100%'} rootClassName="lm-sv-preview-drawer">
          {preview}
        </Drawer>
      )}
      <div className="lm-form-footer lm-sv-footer">
        <Link to={back}>
          <Button size="large" disabled={saving}>
            {t('surveys.builder.cancel')}
          </Button>
        </Link>
        {survey ? (
          <Button type="primary" size="large" loading={saving} onClick={() => save(null)} data-testid="builder-save">
            {saving ? t('surveys.builder.saving') : t('surveys.builder.save')}
          </Button>
        ) : (
          <>
            <Button size="large" loading={saving} onClick={() => save('draft')} data-testid="builder-save">
              {t('surveys.builder.saveDraft')}
            </Button>
            <Button type="primary" size="large" loading={saving} onClick={() => save('open')} data-testid="builder-save-publish">
              {t('surveys.builder.saveAndPublish')}
            </Button>
          </>
        )}
      </div>
    </div>
  );
}
