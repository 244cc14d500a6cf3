import { Card, Collapse, Empty, Skeleton, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../app/language';
import { formatDateMinute } from '../../components/format';
import { LoadError } from '../../components/load-error';
import { needTypeLabel, questionTypeLabel } from './survey-labels';
import type { Question, Survey } from './survey-types';
import { useSurveyVersion } from './surveys-api';

/** 版本: every version of the questions with its responses; a version opens to its questions. */
export function VersionsTab({ survey }: { survey: Survey }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const versions = [...survey.versions].sort((a, b) => b.number - a.number);
  if (versions.length === 0) {
    return (
      <Card className="lm-sv-tab">
        <Empty description={t('surveys.versions.empty')} />
      </Card>
    );
  }
  return (
    <div className="lm-sv-tab" data-testid="versions-tab">
      <Collapse
        defaultActiveKey={[String(survey.currentVersion)]}
        items={versions.map((version) => ({
          key: String(version.number),
          label: (
            <span className="lm-sv-version" data-testid="version-row" data-version={version.number}>
              <strong>{t('surveys.versionN', { number: version.number })}</strong>
              {version.number === survey.currentVersion && (
                <Tag color="green" variant="filled">
                  {t('surveys.versions.current')}
                </Tag>
              )}
              <span className="lm-muted lm-small">
                {[
                  t('surveys.versions.created', { time: formatDateMinute(version.createdAt, language) }),
                  t('surveys.versions.questions', { count: version.questionCount }),
                  t('surveys.versions.responses', { count: version.responseCount }),
                ].join(' · ')}
              </span>
            </span>
          ),
          children: version.number === survey.currentVersion ? <QuestionList questions={survey.questions} /> : <VersionQuestions surveyId={survey.id} number={version.number} />,
        }))}
      />
    </div>
  );
}

function VersionQuestions({ surveyId, number }: { surveyId: string; number: number }) {
  const version = useSurveyVersion(surveyId, number);
  if (version.isError) return <LoadError error={version.error} onRetry={() => void version.refetch()} />;
  if (version.isPending) return <Skeleton active paragraph={{ rows: 4 }} />;
  return <QuestionList questions={version.data.questions} />;
}

/** The questions as a numbered list: type, text, options with their need types, the condition. */
export function QuestionList({ questions }: { questions: readonly Question[] }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const numberOf = (key: string) => questions.findIndex((question) => question.key === key) + 1;
  return (
    <ol className="lm-sv-qlist">
      {questions.map((question) => {
        const source = question.showIf ? questions.find((item) => item.key === question.showIf?.key) : undefined;
        const equals = question.showIf ? (source?.options?.find((option) => option.value === String(question.showIf?.equals))?.label ?? String(question.showIf.equals)) : null;
        return (
          <li key={question.key} className="lm-sv-qlist__item" data-key={question.key}>
            <div className="lm-sv-qlist__head">
              <span>{question.text}</span>
              {question.required && <span className="lm-sv-q__required">*</span>}
              <Tag variant="outlined">{questionTypeLabel(question.type, language)}</Tag>
              <span className="lm-mono lm-muted">{question.key}</span>
            </div>
            {question.showIf && <div className="lm-muted lm-small">{t('surveys.builder.question.showIfSummary', { number: numberOf(question.showIf.key), value: equals })}</div>}
            {question.options && question.options.length > 0 && (
              <ul className="lm-sv-qlist__options">
                {question.options.map((option) => (
                  <li key={option.value}>
                    {option.label}
                    {option.needType && <span className="lm-sv-need">{needTypeLabel(option.needType, language)}</span>}
                  </li>
                ))}
              </ul>
            )}
          </li>
        );
      })}
    </ol>
  );
}
