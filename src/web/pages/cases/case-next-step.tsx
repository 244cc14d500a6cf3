import { useState } from 'react';
import { Alert, App, Button, Card, Popconfirm, Space, Typography } from 'antd';
import { ArrowRightOutlined, CheckOutlined, RollbackOutlined, SendOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { hasPermission, useUser } from '../../app/auth';
import { useLanguage } from '../../app/language';
import { formatDate, formatDateMinute } from '../../components/format';
import { BackDialog, CloseRequestDialog, DeclineCloseDialog, incompleteItems, useActionError } from './case-dialogs';
import { closureReasonLabel, documentLabel, missingOf, nextStage, STAGE_DOCUMENT, stageLabel, useMissingText } from './case-labels';
import type { Case, CaseDocumentKind, CaseStage, MissingField } from './case-types';
import { useTransition } from './cases-api';

interface NextStepProps {
  caseData: Case;
  dirty: Partial<Record<CaseDocumentKind, boolean>>;
  onShowDocument: (kind: CaseDocumentKind | 'services') => void;
}

/**
 * What the case needs next: the button to the next stage (disabled, with the reason, while the
 * stage's document is incomplete), the close request, and the manager's approval.
 */
export function NextStepCard({ caseData, dirty, onShowDocument }: NextStepProps) {
  const { t } = useTranslation();
  return (
    <Card size="small" title={t('cases.next.title')} className="lm-case-next" data-testid="next-step">
      {caseData.stage === 'closed' ? (
        <ClosedNote caseData={caseData} />
      ) : caseData.closeRequested ? (
        <CloseRequested caseData={caseData} />
      ) : (
        <OpenStep caseData={caseData} dirty={dirty} onShowDocument={onShowDocument} />
      )}
    </Card>
  );
}

function ClosedNote({ caseData }: { caseData: Case }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <Space orientation="vertical" size={8} style={{ width: '100%' }}>
      <Alert
        type="success"
        showIcon
        data-testid="case-closed"
        title={t('cases.next.closedInfo', {
          date: caseData.closedAt ? formatDate(caseData.closedAt, language) : '—',
          reason: closureReasonLabel(caseData.closureReason, language) || '—',
        })}
        description={caseData.approvedBy ? t('cases.next.approvedBy', { name: caseData.approvedBy.name }) : undefined}
      />
      <Link to={`/cases/${caseData.id}/print/closure`}>{t('cases.next.printClosure')}</Link>
    </Space>
  );
}

function CloseRequested({ caseData }: { caseData: Case }) {
  const { t } = useTranslation();
  const user = useUser();
  const language = useLanguage();
  const { message } = App.useApp();
  const transition = useTransition(caseData.id);
  const actionError = useActionError();
  const missingText = useMissingText();
  const [declining, setDeclining] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const request = caseData.closeRequest;
  const canApprove = hasPermission(user, 'cases:approve');

  function approve() {
    setError(null);
    transition.mutate(
      { to: 'closed' },
      {
        onSuccess: () => void message.success(t('cases.next.approved')),
        onError: (e) => {
          const items = incompleteItems(e);
          setError(items ? `${t('cases.next.incompleteTitle')}${items.map((item) => missingText(item)).join('；')}` : actionError(e));
        },
      },
    );
  }

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <Alert
        type="info"
        showIcon
        className="lm-case-info"
        data-testid="close-requested"
        title={t('cases.next.waiting', {
          name: request?.by.name ?? caseData.worker.name,
          date: request ? formatDateMinute(request.at, language) : '',
        })}
        description={request?.note ? t('cases.next.requestNoteShown', { note: request.note }) : undefined}
      />
      {!canApprove && <Typography.Text type="secondary">{t('cases.next.waitingHint')}</Typography.Text>}
      {error && <Alert type="error" showIcon title={error} />}
      {canApprove && (
        <Space wrap>
          <Popconfirm
            title={t('cases.next.approveConfirmTitle')}
            description={t('cases.next.approveConfirm')}
            okText={t('cases.next.approve')}
            cancelText={t('common.cancel')}
            onConfirm={approve}
          >
            <Button type="primary" icon={<CheckOutlined />} loading={transition.isPending} data-testid="approve-close">
              {t('cases.next.approve')}
            </Button>
          </Popconfirm>
          <Button icon={<RollbackOutlined />} onClick={() => setDeclining(true)} data-testid="decline-close">
            {t('cases.next.decline')}
          </Button>
          <Link to={`/cases/${caseData.id}/print/closure`}>{t('cases.next.printClosure')}</Link>
        </Space>
      )}
      <DeclineCloseDialog caseData={caseData} open={declining} onClose={() => setDeclining(false)} />
    </Space>
  );
}

/** What is missing, each line naming its field; `kind` when the paths are the document's own. */
function MissingList({ items, kind }: { items: MissingField[]; kind?: CaseDocumentKind }) {
  const missingText = useMissingText();
  return (
    <ul className="lm-missing" data-testid="next-missing">
      {items.map((item) => (
        <li key={item.path}>{missingText(item, kind)}</li>
      ))}
    </ul>
  );
}

function OpenStep({ caseData, dirty, onShowDocument }: NextStepProps) {
  const { t } = useTranslation();
  const user = useUser();
  const language = useLanguage();
  const { message } = App.useApp();
  const transition = useTransition(caseData.id);
  const actionError = useActionError();
  const [refused, setRefused] = useState<{ title: string; items: MissingField[] } | null>(null);
  const [requesting, setRequesting] = useState(false);
  const [back, setBack] = useState<CaseStage | null>(null);
  const canWrite = hasPermission(user, 'cases:write');

  const stage = caseData.stage;
  const next = nextStage(stage);
  const doc = STAGE_DOCUMENT[stage];
  const missing = missingOf(caseData.missing, doc);
  const docName = doc ? documentLabel(doc, language) : '';
  const unsaved = doc !== null && dirty[doc] === true;
  const needsService = stage === 'intervention' && caseData.serviceCount === 0;
  const blocked = missing.length > 0 || unsaved || needsService;

  function moveOn() {
    if (!next) return;
    setRefused(null);
    transition.mutate(
      { to: next },
      {
        onSuccess: () => void message.success(t('cases.next.moved', { stage: stageLabel(next, language) })),
        onError: (error) => {
          const items = incompleteItems(error);
          setRefused(items ? { title: t('cases.next.refused'), items } : { title: actionError(error), items: [] });
        },
      },
    );
  }

  const reasons = (
    <>
      {missing.length > 0 && (
        <Alert
          type="warning"
          showIcon
          data-testid="next-blocked"
          title={t('cases.next.blocked', { document: docName, count: missing.length })}
          description={
            <>
              <MissingList items={missing} kind={doc ?? undefined} />
              {doc && (
                <Button size="small" onClick={() => onShowDocument(doc)}>
                  {t('cases.next.fill', { document: docName })}
                </Button>
              )}
            </>
          }
        />
      )}
      {unsaved && missing.length === 0 && <Alert type="warning" showIcon title={t('cases.next.saveFirst', { document: docName })} />}
      {stage === 'intervention' && (
        <Alert
          type={needsService ? 'warning' : 'info'}
          showIcon
          className="lm-case-info"
          data-testid="next-services"
          title={needsService ? t('cases.next.needService') : t('cases.next.serviceCount', { count: caseData.serviceCount })}
          action={
            <Button size="small" onClick={() => onShowDocument('services')}>
              {t('cases.services.title')}
            </Button>
          }
        />
      )}
      {refused && (
        <Alert
          type="error"
          showIcon
          data-testid="next-refused"
          title={refused.title}
          description={refused.items.length > 0 ? <MissingList items={refused.items} /> : undefined}
          closable={{ onClose: () => setRefused(null) }}
        />
      )}
    </>
  );

  if (stage === 'evaluation') {
    const closureMissing = caseData.missing.closure ?? [];
    return (
      <Space orientation="vertical" size={12} style={{ width: '100%' }}>
        <Typography.Text>{t('cases.next.evaluationIntro')}</Typography.Text>
        {reasons}
        {closureMissing.length > 0 && (
          <Alert
            type="warning"
            showIcon
            title={t('cases.next.closureIncomplete', { document: documentLabel('closure', language), count: closureMissing.length })}
            description={
              <>
                <MissingList items={closureMissing} kind="closure" />
                <Button size="small" onClick={() => onShowDocument('closure')}>
                  {t('cases.next.fill', { document: documentLabel('closure', language) })}
                </Button>
              </>
            }
          />
        )}
        {canWrite && (
          <Space wrap>
            <Button type="primary" icon={<SendOutlined />} disabled={blocked || closureMissing.length > 0} onClick={() => setRequesting(true)} data-testid="request-close">
              {t('cases.next.requestClose')}
            </Button>
            <Button icon={<RollbackOutlined />} onClick={() => setBack('planning')} data-testid="back-planning">
              {t('cases.next.backTo', { stage: stageLabel('planning', language) })}
            </Button>
            <Button icon={<RollbackOutlined />} onClick={() => setBack('intervention')} data-testid="back-intervention">
              {t('cases.next.backTo', { stage: stageLabel('intervention', language) })}
            </Button>
          </Space>
        )}
        <CloseRequestDialog caseData={caseData} open={requesting} onClose={() => setRequesting(false)} onShowClosure={() => onShowDocument('closure')} />
        <BackDialog caseData={caseData} to={back} onClose={() => setBack(null)} />
      </Space>
    );
  }

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      {next && <Typography.Text>{t(`cases.next.intro.${stage === 'closed' ? 'intake' : stage}`)}</Typography.Text>}
      {reasons}
      {!blocked && next && <Alert type="success" showIcon title={t('cases.next.ready', { stage: stageLabel(next, language) })} />}
      {canWrite && next && (
        <Button type="primary" icon={<ArrowRightOutlined />} disabled={blocked} loading={transition.isPending} onClick={moveOn} data-testid="next-stage" block>
          {t('cases.next.moveTo', { stage: stageLabel(next, language) })}
        </Button>
      )}
      {canWrite && (
        <Button type="link" size="small" onClick={() => setRequesting(true)} className="lm-case-next__early" data-testid="early-close">
          {t('cases.next.earlyClose')}
        </Button>
      )}
      <CloseRequestDialog caseData={caseData} open={requesting} onClose={() => setRequesting(false)} onShowClosure={() => onShowDocument('closure')} />
    </Space>
  );
}
