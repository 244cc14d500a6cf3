import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { Alert, Button, Card, Form, Input, Progress, Result, Segmented, Select, Skeleton, Typography } from 'antd';
import { ArrowLeftOutlined, CloseOutlined, EditOutlined, FileTextOutlined, HomeOutlined, PhoneOutlined, TeamOutlined, UserOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams, useParams } from 'react-router';
import { v7 as uuidv7 } from 'uuid';
import { AGE_BANDS, GENDERS, RESPONSE_SOURCES, type AgeBand, type GenderCode, type ResponseSource } from '../../../shared/codes';
import { ApiError, errorText } from '../../app/api';
import { hasPermission, useUser } from '../../app/auth';
import { useLanguage } from '../../app/language';
import { LoadError } from '../../components/load-error';
import { usePeopleSearch } from '../people/people-api';
import { GroupTags } from '../people/people-labels';
import type { PersonSummary } from '../people/people-types';
import { flattenOrgs, useOrgTree } from '../places/places-api';
import { instantOf, wallClockOf } from '../services/service-form-values';
import { SurveyForm } from './survey-form';
import { AudienceTag, ModeTag, sourceLabel } from './survey-labels';
import { answerProblems, answersToSend, progressOf } from './survey-logic';
import type { Answers, CreateResponseRequest, Survey, SurveyResponse } from './survey-types';
import { usePersonOnFile, useSubmitResponse, useSurvey } from './surveys-api';
import { useLeaveGuard } from './use-leave-guard';
import './surveys.css';

const SOURCES = Object.keys(RESPONSE_SOURCES) as ResponseSource[];
const SOURCE_ICON: Record<ResponseSource, ReactNode> = { visit: <HomeOutlined />, phone: <PhoneOutlined />, paper: <FileTextOutlined />, group: <TeamOutlined /> };

function isSource(value: string | null): value is ResponseSource {
  return value !== null && (SOURCES as string[]).includes(value);
}

/**
 * /surveys/:id/fill (?personId=…&source=paper): a survey filled in on a phone during a visit, or
 * entered afterwards from paper. First who answers (a person on file, or anonymous with village,
 * sex and age band) and how; then the questions; one submit with an id made here, so a double tap
 * or a retry after a lost reply never makes a second response.
 */
export function SurveyFillPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const survey = useSurvey(id);
  const user = useUser();
  // One who only fills in goes back to the list; the survey's page is for those who analyse or build it.
  const toSurvey = hasPermission(user, 'surveys:analyse') || hasPermission(user, 'surveys:write');
  const back = (
    <Link to={toSurvey ? `/surveys/${id}` : '/surveys'} className="lm-back-link">
      <ArrowLeftOutlined /> {toSurvey ? t('surveys.backToSurvey') : t('surveys.back')}
    </Link>
  );
  if (survey.isPending) {
    return (
      <div className="lm-sv-fill">
        <Skeleton active paragraph={{ rows: 8 }} />
      </div>
    );
  }
  if (survey.isError) {
    return (
      <div className="lm-sv-fill">
        <Link to="/surveys" className="lm-back-link">
          <ArrowLeftOutlined /> {t('surveys.back')}
        </Link>
        {survey.error instanceof ApiError && survey.error.status === 404 ? <Result status="404" title={t('surveys.notFound')} /> : <LoadError error={survey.error} onRetry={() => void survey.refetch()} />}
      </div>
    );
  }
  return <FillForm survey={survey.data} back={back} />;
}

interface Respondent {
  kind: 'person' | 'anonymous';
  personId: string | null;
  villageId: string | null;
  gender: GenderCode | null;
  ageBand: AgeBand | null;
}

function FillForm({ survey, back }: { survey: Survey; back: ReactNode }) {
  const { t } = useTranslation();
  const user = useUser();
  const [params] = useSearchParams();
  const language = useLanguage();
  const sourceParam = params.get('source');
  const personParam = params.get('personId');
  const submit = useSubmitResponse(survey.id);
  // One id per response being filled in: a retry of the same response names the same record.
  const [responseId, setResponseId] = useState(() => uuidv7());
  const [respondent, setRespondent] = useState<Respondent>({ kind: 'person', personId: personParam, villageId: null, gender: null, ageBand: null });
  const [source, setSource] = useState<ResponseSource>(isSource(sourceParam) ? sourceParam : 'visit');
  const [collectedAt, setCollectedAt] = useState('');
  const [answers, setAnswers] = useState<Answers>({});
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [duplicate, setDuplicate] = useState(false);
  const [scrollTo, setScrollTo] = useState<string | null>(null);
  const [done, setDone] = useState<SurveyResponse | null>(null);
  const progress = progressOf(survey.questions, answers);
  useLeaveGuard(!done && (progress.answered > 0 || note.trim() !== ''), {
    title: t('surveys.leave.fillTitle'),
    content: t('surveys.leave.fillContent'),
    ok: t('surveys.leave.ok'),
    cancel: t('surveys.leave.stay'),
  });
  const canSeeSurvey = hasPermission(user, 'surveys:analyse') || hasPermission(user, 'surveys:write');

  useEffect(() => {
    if (!scrollTo) return;
    document.getElementById(scrollTo)?.scrollIntoView({ behavior: 'smooth', block: 'center' });
    setScrollTo(null);
  }, [scrollTo]);

  if (survey.status !== 'open') {
    return (
      <div className="lm-sv-fill" data-testid="survey-fill-page">
        {back}
        <Result status="warning" title={survey.title} subTitle={t(`surveys.fill.notOpen.${survey.status}`)} data-testid="survey-not-open" />
      </div>
    );
  }

  if (done) {
    const again = () => {
      setDone(null);
      setResponseId(uuidv7());
      setAnswers({});
      setNote('');
      setErrors({});
      setCollectedAt('');
      // The next respondent at a group session is often of the same village: keep it, and how it is filled in.
      setRespondent((current) => ({ kind: current.kind, personId: null, villageId: current.villageId, gender: null, ageBand: null }));
      window.scrollTo({ top: 0 });
    };
    return (
      <div className="lm-sv-fill" data-testid="survey-fill-page">
        <Result
          status="success"
          title={t('surveys.fill.successTitle')}
          subTitle={done.person ? t('surveys.fill.successFor', { name: done.person.name }) : t('surveys.fill.successAnonymous')}
          data-testid="fill-success"
          extra={[
            <Button key="again" type="primary" size="large" onClick={again} data-testid="fill-again">
              {t('surveys.fill.again')}
            </Button>,
            <Link key="back" to={canSeeSurvey ? `/surveys/${survey.id}` : '/surveys'}>
              <Button size="large">{canSeeSurvey ? t('surveys.fill.toSurvey') : t('surveys.back')}</Button>
            </Link>,
          ]}
        />
      </div>
    );
  }

  const change = (next: Answers) => {
    setAnswers(next);
    if (Object.keys(errors).length > 0) {
      const shownProblems = Object.keys(errors).filter((key) => key.startsWith('respondent.') || key === 'collectedAt' || next[key] === answers[key]);
      if (shownProblems.length !== Object.keys(errors).length) setErrors(Object.fromEntries(shownProblems.map((key) => [key, errors[key]!])));
    }
  };

  const fail = (next: Record<string, string>, top: string | null) => {
    setErrors(next);
    setFormError(top);
    const first = Object.keys(next)[0];
    const question = survey.questions.find((item) => Object.hasOwn(next, item.key));
    setScrollTo(question ? `fill-question-${question.key}` : first ? `fill-${first.replace('respondent.', '')}` : 'fill-top');
  };

  const send = () => {
    setFormError(null);
    setDuplicate(false);
    const local: Record<string, string> = {};
    if (respondent.kind === 'person' && !respondent.personId) local['respondent.person'] = t('surveys.fill.chooseRespondent');
    if (source === 'paper') {
      if (!collectedAt) local.collectedAt = t('surveys.fill.collectedRequired');
      else if (new Date(instantOf(collectedAt)).getTime() > Date.now() + 60_000) local.collectedAt = t('surveys.fill.collectedFuture');
    }
    for (const [key, problem] of Object.entries(answerProblems(survey.questions, answers))) local[key] = t(`surveys.fill.errors.${problem}`);
    if (Object.keys(local).length > 0) {
      fail(local, t('surveys.fill.errorsTitle'));
      return;
    }
    const request: CreateResponseRequest = {
      id: responseId,
      versionNumber: survey.currentVersion,
      source,
      answers: answersToSend(survey.questions, answers),
      ...(respondent.kind === 'person'
        ? { personId: respondent.personId }
        : { villageId: respondent.villageId, gender: respondent.gender, ageBand: respondent.ageBand }),
      ...(source === 'paper' && collectedAt ? { collectedAt: instantOf(collectedAt) } : {}),
      ...(note.trim() ? { note: note.trim() } : {}),
    };
    submit.mutate(request, {
      onSuccess: (response) => {
        setDone(response);
        window.scrollTo({ top: 0 });
      },
      onError: (error) => {
        if (error instanceof ApiError && error.code === 'DUPLICATE') {
          setDuplicate(true);
          setScrollTo('fill-top');
          return;
        }
        const next: Record<string, string> = {};
        const leftOver: string[] = [];
        if (error instanceof ApiError && error.code === 'VALIDATION_FAILED' && Array.isArray(error.details)) {
          for (const item of error.details as unknown[]) {
            if (typeof item !== 'object' || item === null) continue;
            const path: unknown = Reflect.get(item, 'path');
            const message: unknown = Reflect.get(item, 'message');
            const question: unknown = Reflect.get(item, 'question');
            if (typeof message !== 'string') continue;
            const pathText = Array.isArray(path) ? path.map(String).join('.') : typeof path === 'string' ? path : '';
            const key = typeof question === 'string' ? question : pathText.startsWith('answers.') ? pathText.slice('answers.'.length) : null;
            if (key && survey.questions.some((item) => item.key === key)) next[key] = next[key] ? `${next[key]} ${message}` : message;
            else if (pathText === 'personId') next['respondent.person'] = message;
            else if (pathText === 'villageId') next['respondent.village'] = message;
            else if (pathText === 'collectedAt') next.collectedAt = message;
            else leftOver.push(message);
          }
        }
        if (Object.keys(next).length === 0 && leftOver.length === 0) {
          setFormError(errorText(error));
          setScrollTo('fill-top');
          return;
        }
        fail(next, leftOver.length > 0 ? leftOver.join(' ') : t('surveys.fill.errorsTitle'));
      },
    });
  };

  return (
    <div className="lm-sv-fill" data-testid="survey-fill-page">
      {back}
      <div id="fill-top" />
      <header className="lm-sv-fill__head">
        <h1 className="lm-sv-fill__title" data-testid="fill-title">
          {survey.title}
        </h1>
        <span className="lm-tags">
          <AudienceTag audience={survey.audience} />
          <ModeTag mode={survey.mode} />
          <span className="lm-muted lm-small">{t('surveys.versionN', { number: survey.currentVersion })}</span>
        </span>
      </header>
      {survey.description && (
        <Card size="small" className="lm-sv-fill__about" title={t('surveys.fill.about')}>
          <Typography.Paragraph className="lm-prewrap" ellipsis={{ rows: 3, expandable: true, symbol: t('surveys.survey.more') }}>
            {survey.description}
          </Typography.Paragraph>
        </Card>
      )}
      {duplicate && (
        <Alert
          type="warning"
          showIcon
          title={t('surveys.fill.duplicate')}
          className="lm-sv-fill__alert"
          data-testid="fill-duplicate"
          action={
            <Button
              size="small"
              onClick={() => {
                setResponseId(uuidv7());
                setDuplicate(false);
              }}
            >
              {t('surveys.fill.again')}
            </Button>
          }
        />
      )}
      {formError && <Alert type="error" showIcon title={formError} className="lm-sv-fill__alert" data-testid="fill-error" />}

      <Card size="small" title={t('surveys.fill.respondent')} className="lm-sv-fill__card" data-testid="fill-respondent">
        <RespondentFields
          value={respondent}
          onChange={(next) => {
            setRespondent(next);
            setErrors((current) => Object.fromEntries(Object.entries(current).filter(([key]) => !key.startsWith('respondent.'))));
          }}
          errors={errors}
        />
      </Card>

      <Card size="small" title={t('surveys.fill.source')} className="lm-sv-fill__card">
        <div role="radiogroup" aria-label={t('surveys.fill.source')} className="lm-sv-sources" data-testid="fill-source">
          {SOURCES.map((code) => (
            <button
              key={code}
              type="button"
              role="radio"
              aria-checked={source === code}
              className={`lm-sv-source${source === code ? ' lm-sv-source--on' : ''}`}
              onClick={() => setSource(code)}
              data-value={code}
            >
              <span aria-hidden="true">{SOURCE_ICON[code]}</span>
              <span>{sourceLabel(code, language)}</span>
            </button>
          ))}
        </div>
        {source === 'paper' && (
          <Form layout="vertical" component="div" className="lm-sv-fill__paper" requiredMark={false}>
            <div id="fill-collectedAt" />
            <Form.Item label={t('surveys.fill.collectedAt')} extra={t('surveys.fill.collectedAtHint')} validateStatus={errors.collectedAt ? 'error' : undefined} help={errors.collectedAt}>
              <Input
                type="datetime-local"
                value={collectedAt}
                max={wallClockOf(new Date())}
                onChange={(event) => {
                  setCollectedAt(event.target.value);
                  setErrors((current) => Object.fromEntries(Object.entries(current).filter(([key]) => key !== 'collectedAt')));
                }}
                className="lm-sv-native"
                data-testid="fill-collected-at"
              />
            </Form.Item>
          </Form>
        )}
      </Card>

      <SurveyForm questions={survey.questions} mode={survey.mode} answers={answers} onChange={change} errors={errors} disabled={submit.isPending} idPrefix="fill" />

      {survey.mode === 'interview' && (
        <Card size="small" title={t('surveys.fill.note')} className="lm-sv-fill__card">
          <Input.TextArea value={note} onChange={(event) => setNote(event.target.value)} autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} placeholder={t('surveys.fill.notePlaceholder')} data-testid="fill-note" />
        </Card>
      )}

      <div className="lm-form-footer lm-sv-fill__footer">
        <div className="lm-sv-fill__progress" data-testid="fill-progress">
          <span>{t('surveys.fill.progress', progress)}</span>
          <Progress percent={progress.total === 0 ? 0 : Math.round((progress.answered / progress.total) * 100)} showInfo={false} size="small" />
        </div>
        <Button type="primary" size="large" icon={<EditOutlined />} loading={submit.isPending} onClick={send} data-testid="fill-submit">
          {submit.isPending ? t('surveys.fill.submitting') : t('surveys.fill.submit')}
        </Button>
      </div>
    </div>
  );
}

/** 答卷人: a person on file (searched, or given by ?personId=), or anonymous with village, sex and age band. */
function RespondentFields({ value, onChange, errors }: { value: Respondent; onChange: (next: Respondent) => void; errors: Record<string, string> }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const orgs = useOrgTree();
  const villages = useMemo(
    () => flattenOrgs(orgs.data ?? []).filter((node) => node.level === 'village').map((node) => ({ value: node.id, label: node.name })),
    [orgs.data],
  );
  return (
    <div className="lm-sv-respondent">
      <Segmented<Respondent['kind']>
        block
        value={value.kind}
        options={[
          { value: 'person', label: t('surveys.fill.person'), icon: <UserOutlined /> },
          { value: 'anonymous', label: t('surveys.fill.anonymousRespondent') },
        ]}
        onChange={(kind) => onChange({ ...value, kind })}
        data-testid="respondent-kind"
        className="lm-sv-respondent__kind"
      />
      <div id="fill-person" />
      {value.kind === 'person' ? (
        <PersonField personId={value.personId} onChange={(personId) => onChange({ ...value, personId })} error={errors['respondent.person']} />
      ) : (
        <Form layout="vertical" component="div" requiredMark={false} className="lm-sv-respondent__anonymous">
          <p className="lm-muted lm-small">{t('surveys.fill.anonymousHint')}</p>
          <div id="fill-village" />
          <Form.Item label={t('surveys.fill.village')} validateStatus={errors['respondent.village'] ? 'error' : undefined} help={errors['respondent.village']}>
            <Select
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              value={value.villageId ?? undefined}
              options={villages}
              loading={orgs.isPending}
              placeholder={t('surveys.fill.choose')}
              onChange={(villageId?: string) => onChange({ ...value, villageId: villageId ?? null })}
              size="large"
              data-testid="respondent-village"
            />
          </Form.Item>
          <Form.Item label={t('surveys.fill.gender')}>
            <div role="radiogroup" aria-label={t('surveys.fill.gender')} className="lm-sv-chips" data-testid="respondent-gender">
              {(Object.keys(GENDERS) as GenderCode[]).map((gender) => (
                <button
                  key={gender}
                  type="button"
                  role="radio"
                  aria-checked={value.gender === gender}
                  className={`lm-sv-chip${value.gender === gender ? ' lm-sv-chip--on' : ''}`}
                  onClick={() => onChange({ ...value, gender: value.gender === gender ? null : gender })}
                  data-value={gender}
                >
                  {GENDERS[gender][language]}
                </button>
              ))}
            </div>
          </Form.Item>
          <Form.Item label={t('surveys.fill.ageBand')}>
            <div role="radiogroup" aria-label={t('surveys.fill.ageBand')} className="lm-sv-chips" data-testid="respondent-age">
              {(Object.keys(AGE_BANDS) as AgeBand[]).map((band) => (
                <button
                  key={band}
                  type="button"
                  role="radio"
                  aria-checked={value.ageBand === band}
                  className={`lm-sv-chip${value.ageBand === band ? ' lm-sv-chip--on' : ''}`}
                  onClick={() => onChange({ ...value, ageBand: value.ageBand === band ? null : band })}
                  data-value={band}
                >
                  {AGE_BANDS[band][language]}
                </button>
              ))}
            </div>
          </Form.Item>
        </Form>
      )}
    </div>
  );
}

function PersonField({ personId, onChange, error }: { personId: string | null; onChange: (personId: string | null) => void; error?: string }) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const search = usePeopleSearch(q);
  const [chosen, setChosen] = useState<PersonSummary | null>(null);
  const person = usePersonOnFile(personId && chosen?.id !== personId ? personId : null);
  const shown: PersonSummary | null = chosen?.id === personId ? chosen : personId && person.data ? person.data : null;
  const facts = (item: PersonSummary) => [item.villageName, item.age !== null ? t('people.ageYears', { age: item.age }) : null].filter(Boolean).join(' · ');

  if (personId && !shown) {
    if (person.isError) {
      return (
        <Alert
          type="warning"
          showIcon
          title={t('surveys.fill.personMissing')}
          action={
            <Button size="small" onClick={() => onChange(null)}>
              {t('surveys.fill.changePerson')}
            </Button>
          }
        />
      );
    }
    return <Skeleton active avatar paragraph={{ rows: 1 }} />;
  }
  if (shown) {
    return (
      <div className="lm-sv-person" data-testid="respondent-person">
        <div className="lm-sv-person__who">
          <span className="lm-sv-person__name">{shown.name}</span>
          <span className="lm-muted">{facts(shown)}</span>
          <GroupTags groups={shown.groups} />
        </div>
        <Button
          icon={<CloseOutlined />}
          onClick={() => {
            setChosen(null);
            onChange(null);
          }}
          data-testid="respondent-change"
        >
          {t('surveys.fill.changePerson')}
        </Button>
      </div>
    );
  }
  const options = (search.data?.items ?? []).map((item) => ({ value: item.id, label: [item.name, facts(item)].filter(Boolean).join(' · ') }));
  return (
    <Form layout="vertical" component="div" requiredMark={false}>
      <Form.Item validateStatus={error ? 'error' : undefined} help={error} className="lm-sv-person__search">
        <Select
          showSearch={{ filterOption: false, onSearch: setQ }}
          value={null}
          onChange={(id: string) => {
            setChosen(search.data?.items.find((item) => item.id === id) ?? null);
            onChange(id);
          }}
          options={options}
          loading={search.isFetching}
          placeholder={t('surveys.fill.choosePerson')}
          notFoundContent={q.trim() && !search.isFetching ? t('surveys.fill.noPerson') : null}
          style={{ width: '100%' }}
          size="large"
          data-testid="respondent-search"
        />
      </Form.Item>
    </Form>
  );
}
