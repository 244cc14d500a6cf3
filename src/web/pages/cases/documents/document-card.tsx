import { useState, type ReactNode } from 'react';
import { Alert, App, Button, Card, Form, Space, type FormInstance } from 'antd';
import { CheckCircleOutlined, PrinterOutlined, SaveOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiError, errorText } from '../../../app/api';
import { hasPermission, useUser } from '../../../app/auth';
import { useLanguage } from '../../../app/language';
import { applyNestedServerErrors } from '../../../components/form-errors';
import { formatDateMinute } from '../../../components/format';
import { DOCUMENT_OPENS_AT, documentLabel, documentOpen, stageLabel, useMissingText } from '../case-labels';
import type { Case, CaseDocumentKind, MissingField } from '../case-types';
import { conflictCase, useSaveDocument } from '../cases-api';
import { fieldOfPath } from './document-values';

export interface DocumentFormProps {
  caseData: Case;
  onDirtyChange: (kind: CaseDocumentKind, dirty: boolean) => void;
}

interface DocumentCardProps<K extends CaseDocumentKind, V extends object> extends DocumentFormProps {
  kind: K;
  form: FormInstance<V>;
  toValues: (doc: Case['documents'][K]) => V;
  toContent: (values: V) => object;
  /** A read-only view of someone else's version, shown after a version conflict. */
  renderTheirs: (doc: Case['documents'][K]) => ReactNode;
  /** Goal ids of an evaluation, whose results the form keeps by goal. */
  evaluationGoalIds?: readonly string[];
  children: ReactNode;
}

/**
 * One stage document as a form: what it still lacks (from the case's `missing`), save, print,
 * and a version conflict that keeps the user's edits while showing the other version.
 */
export function DocumentCard<K extends CaseDocumentKind, V extends object>(props: DocumentCardProps<K, V>) {
  const { kind, caseData, form, toValues, toContent, renderTheirs, evaluationGoalIds, onDirtyChange, children } = props;
  const { t } = useTranslation();
  const user = useUser();
  const language = useLanguage();
  const { message } = App.useApp();
  const save = useSaveDocument(caseData.id);
  const missingText = useMissingText();
  const [dirty, setDirty] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);
  const [conflict, setConflict] = useState<Case | null>(null);
  const [showTheirs, setShowTheirs] = useState(false);
  // The values the form starts with; later saves by others reach it only when the user asks.
  const [initialValues] = useState(() => toValues(caseData.documents[kind]));

  const canWrite = hasPermission(user, 'cases:write');
  const open = documentOpen(kind, caseData.stage);
  const editable = canWrite && open;
  const doc = caseData.documents[kind];
  const missing: MissingField[] = caseData.missing[kind] ?? [];
  const name = documentLabel(kind, language);

  function markDirty(value: boolean) {
    setDirty(value);
    onDirtyChange(kind, value);
  }

  function submit(values: V) {
    setFormError(null);
    save.mutate(
      { kind, content: { ...toContent(values) } },
      {
        onSuccess: () => {
          markDirty(false);
          setConflict(null);
          setShowTheirs(false);
          void message.success(t('cases.doc.saved', { document: name }));
        },
        onError: (error) => {
          const current = conflictCase(error);
          if (current) {
            setConflict(current);
            return;
          }
          if (error instanceof ApiError && error.code === 'VALIDATION_FAILED') {
            setFormError(applyNestedServerErrors(form, error, (segments) => fieldOfPath(segments.join('.'), evaluationGoalIds)));
            return;
          }
          setFormError(errorText(error));
        },
      },
    );
  }

  function takeTheirs() {
    if (!conflict) return;
    form.setFieldsValue(toValues(conflict.documents[kind]));
    setConflict(null);
    setShowTheirs(false);
    markDirty(false);
  }

  function scrollTo(path: string) {
    const field = fieldOfPath(path, evaluationGoalIds);
    form.scrollToField(field, { block: 'center', focus: true });
  }

  const notOpenYet = !open && caseData.stage !== 'closed';
  const lastSave = conflict?.history.filter((event) => event.kind === 'document_saved' && event.document === kind).at(-1);

  return (
    <Card
      size="small"
      className="lm-case-doc"
      title={name}
      data-testid={`doc-${kind}`}
      extra={
        <Link to={`/cases/${caseData.id}/print/${kind}`} data-testid={`print-${kind}`}>
          <PrinterOutlined /> {t('cases.doc.print')}
        </Link>
      }
    >
      {caseData.stage === 'closed' && <Alert type="info" showIcon title={t('cases.doc.readOnlyClosed')} className="lm-case-doc__note lm-case-info" />}
      {notOpenYet && (
        <Alert
          type="info"
          showIcon
          title={t('cases.doc.notYet', { document: name, stage: stageLabel(DOCUMENT_OPENS_AT[kind], language) })}
          className="lm-case-doc__note lm-case-info"
        />
      )}
      {!canWrite && open && <Alert type="info" showIcon title={t('cases.doc.readOnly')} className="lm-case-doc__note lm-case-info" />}
      {editable && missing.length > 0 && (
        <Alert
          type="warning"
          showIcon
          className="lm-case-doc__note"
          data-testid={`missing-${kind}`}
          title={kind === 'closure' ? t('cases.doc.missingClosure', { count: missing.length }) : t('cases.doc.missingTitle', { count: missing.length })}
          description={
            <ul className="lm-missing">
              {missing.map((item) => (
                <li key={item.path}>
                  <Button type="link" size="small" onClick={() => scrollTo(item.path)} className="lm-missing__link">
                    {missingText(item, kind)}
                  </Button>
                </li>
              ))}
            </ul>
          }
        />
      )}
      {editable && missing.length === 0 && doc !== null && !dirty && (
        <Alert type="success" showIcon icon={<CheckCircleOutlined />} title={t('cases.doc.complete')} className="lm-case-doc__note" data-testid={`complete-${kind}`} />
      )}
      {conflict && (
        <Alert
          type="error"
          showIcon
          className="lm-case-doc__note"
          data-testid="doc-conflict"
          title={t('cases.doc.conflict.title', {
            name: lastSave?.by.name ?? t('cases.doc.conflict.someone'),
            time: lastSave ? formatDateMinute(lastSave.at, language) : '',
          })}
          description={
            <div className="lm-case-conflict">
              <p>{t('cases.doc.conflict.text')}</p>
              <Space wrap>
                <Button size="small" onClick={() => setShowTheirs((shown) => !shown)} data-testid="conflict-show-theirs">
                  {showTheirs ? t('cases.doc.conflict.hideTheirs') : t('cases.doc.conflict.showTheirs')}
                </Button>
                <Button size="small" type="primary" onClick={() => form.submit()} loading={save.isPending} data-testid="conflict-keep-mine">
                  {t('cases.doc.conflict.keepMine')}
                </Button>
                <Button size="small" onClick={takeTheirs} data-testid="conflict-use-theirs">
                  {t('cases.doc.conflict.useTheirs')}
                </Button>
              </Space>
              {showTheirs && (
                <div className="lm-case-conflict__theirs" data-testid="conflict-theirs">
                  <div className="lm-case-conflict__label">{t('cases.doc.conflict.theirs')}</div>
                  {renderTheirs(conflict.documents[kind])}
                </div>
              )}
            </div>
          }
        />
      )}
      {formError && <Alert type="error" showIcon title={formError} className="lm-case-doc__note" data-testid="doc-error" />}
      {(open || doc !== null) && (
        <Form<V>
          form={form}
          name={kind}
          layout="vertical"
          requiredMark={false}
          disabled={!editable}
          initialValues={initialValues}
          onValuesChange={() => markDirty(true)}
          onFinish={submit}
          scrollToFirstError
          className="lm-case-form"
        >
          {children}
          {editable && (
            <div className="lm-case-doc__footer">
              {dirty && <span className="lm-muted">{t('cases.doc.unsaved')}</span>}
              <Button type="primary" htmlType="submit" icon={<SaveOutlined />} loading={save.isPending} data-testid={`save-${kind}`}>
                {t('cases.doc.save', { document: name })}
              </Button>
            </div>
          )}
        </Form>
      )}
    </Card>
  );
}
