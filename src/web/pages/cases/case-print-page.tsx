import type { ReactNode } from 'react';
import { Button, Result, Space } from 'antd';
import { ArrowLeftOutlined, PrinterOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { ETHNICITIES } from '../../../shared/codes';
import { ApiError } from '../../app/api';
import { useUser } from '../../app/auth';
import { LoadError } from '../../components/load-error';
import { PageLoading } from '../../components/page-loading';
import { usePerson } from '../people/people-api';
import type { Person } from '../people/people-types';
import { findOrg, useOrgTree } from '../places/places-api';
import type { Case } from './case-types';
import { useCase } from './cases-api';
import { paperCode, paperDate, usePaperT, type PaperFacts } from './print/paper';
import { AssessmentPaper, ClosurePaper, EvaluationPaper, IntakePaper, PlanPaper, ReferralPaper } from './print/print-documents';
import './cases.css';

const DOCUMENTS = ['intake', 'assessment', 'plan', 'evaluation', 'closure', 'referral'] as const;
type PrintDocument = (typeof DOCUMENTS)[number];

function isPrintDocument(value: string | undefined): value is PrintDocument {
  return DOCUMENTS.some((document) => document === value);
}

/**
 * A case document as the A4 form it is on paper (接案登记表 … 结案报告, 转介表), with the
 * station, the person and signature lines. On screen a toolbar prints it; printed, only the
 * paper shows (cases.css).
 */
export function CasePrintPage() {
  const { id = '', document } = useParams();
  const { t } = useTranslation();
  const found = useCase(id);
  if (!isPrintDocument(document)) return <Result status="404" title={t('cases.print.unknown')} extra={<Link to={`/cases/${id}`}>{t('cases.print.back')}</Link>} />;
  if (found.isPending) return <PageLoading />;
  if (found.isError) {
    if (found.error instanceof ApiError && found.error.status === 404) return <Result status="404" title={t('cases.case.notFound')} />;
    return <LoadError error={found.error} onRetry={() => void found.refetch()} />;
  }
  return <PrintView caseData={found.data} document={document} />;
}

function PrintView({ caseData, document }: { caseData: Case; document: PrintDocument }) {
  const { t } = useTranslation();
  const paperT = usePaperT();
  const user = useUser();
  const [params] = useSearchParams();
  const person = usePerson(caseData.personId);
  const orgs = useOrgTree();
  if (person.isPending || orgs.isPending) return <PageLoading />;

  const station = findOrg(orgs.data ?? [], caseData.stationId)?.name ?? user.scope.orgName ?? '';
  const gender = person.data?.gender;
  const facts = factsOf(caseData, person.data ?? null, station, gender === 'male' || gender === 'female' ? paperT(`cases.paper.${gender}`) : '');
  const referralId = params.get('id');
  const referrals = referralId ? caseData.referrals.filter((referral) => referral.id === referralId) : caseData.referrals;

  let papers: ReactNode;
  switch (document) {
    case 'intake':
      papers = <IntakePaper caseData={caseData} facts={facts} />;
      break;
    case 'assessment':
      papers = <AssessmentPaper caseData={caseData} facts={facts} />;
      break;
    case 'plan':
      papers = <PlanPaper caseData={caseData} facts={facts} />;
      break;
    case 'evaluation':
      papers = <EvaluationPaper caseData={caseData} facts={facts} />;
      break;
    case 'closure':
      papers = <ClosurePaper caseData={caseData} facts={facts} />;
      break;
    case 'referral':
      papers =
        referrals.length === 0 ? (
          <Result status="info" title={t('cases.print.noReferrals')} />
        ) : (
          referrals.map((referral) => <ReferralPaper key={referral.id} caseData={caseData} facts={facts} referral={referral} />)
        );
      break;
  }

  return (
    <div className="lm-print" data-testid="print-page">
      <div className="lm-print__toolbar">
        <Link to={`/cases/${caseData.id}`} className="lm-back-link">
          <ArrowLeftOutlined /> {t('cases.print.back')}
        </Link>
        <Space wrap>
          <span className="lm-muted lm-small">{t('cases.print.hint')}</span>
          <Button type="primary" icon={<PrinterOutlined />} onClick={() => window.print()} data-testid="print-button">
            {t('cases.print.print')}
          </Button>
        </Space>
      </div>
      {person.isError && <div className="lm-print__warning">{t('cases.print.personUnavailable')}</div>}
      <div className="lm-print__papers">{papers}</div>
    </div>
  );
}

function factsOf(caseData: Case, person: Person | null, station: string, gender: string): PaperFacts {
  return {
    station,
    caseNumber: caseData.id.slice(0, 8).toUpperCase(),
    personName: caseData.personName,
    gender,
    birthDate: paperDate(person?.birthDate),
    ethnicity: person?.ethnicity ? paperCode(ETHNICITIES, person.ethnicity) : '',
    village: caseData.villageName ?? person?.villageName ?? '',
    address: person?.address ?? '',
    phone: person?.phone ?? '',
    worker: caseData.worker.name,
    openedOn: paperDate(caseData.openedAt),
  };
}
