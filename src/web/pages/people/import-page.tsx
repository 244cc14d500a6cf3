import { useMemo, useState } from 'react';
import { Alert, App, Button, Card, Col, Empty, Form, Result, Row, Select, Space, Steps, Table, Tag, Typography, Upload, type TableColumnsType } from 'antd';
import { CheckCircleOutlined, DownloadOutlined, ExperimentOutlined, FileExcelOutlined, SaveOutlined, UploadOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { GROUPS } from '../../../shared/codes';
import { ApiError, errorText } from '../../app/api';
import { useLanguage } from '../../app/language';
import { PageHeader } from '../../components/page-header';
import { flattenOrgs, useOrgTree } from '../places/places-api';
import { IMPORT_TEMPLATE_URL, PEOPLE_KEY, previewImport, runImport, saveImportMapping } from './people-api';
import { codeOptions } from './people-labels';
import { IMPORT_FIELDS, type ImportField, type ImportPreview, type ImportResult } from './people-types';

const CHILD_FIELDS: readonly ImportField[] = [
  'school', 'grade', 'boarding', 'schooling', 'hukouRegistered',
  'guardianName', 'guardianPhone', 'guardianRelation', 'guardianshipType', 'guardianshipAssessment',
  'fatherName', 'fatherPhone', 'fatherWorkPlace', 'fatherWorkProvince', 'fatherWorkCity',
  'motherName', 'motherPhone', 'motherWorkPlace', 'motherWorkProvince', 'motherWorkCity',
  'childDirector', 'childDirectorPhone', 'incomeSources', 'assistance',
];

type Mapping = Record<string, string | null>;

interface FailedLine {
  key: string;
  row: number;
  column: string | null;
  message: string;
}

function isMapping(value: unknown): value is Mapping {
  return typeof value === 'object' && value !== null && Object.values(value).every((v) => v === null || typeof v === 'string');
}

/** A sample cell of a column: rows may come as arrays (by header position) or as objects keyed by column. */
function sampleCell(row: unknown, column: string, index: number): string {
  let value: unknown;
  if (Array.isArray(row)) value = row[index];
  else if (typeof row === 'object' && row !== null) value = Reflect.get(row, column);
  if (value === null || value === undefined) return '';
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

export function PeopleImportPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const orgs = useOrgTree();
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [mapping, setMapping] = useState<Mapping>({});
  const [mappingDirty, setMappingDirty] = useState(false);
  const [mappingRequired, setMappingRequired] = useState(false);
  const [villageId, setVillageId] = useState<string | undefined>();
  const [groups, setGroups] = useState<string[]>([]);
  const [dryRun, setDryRun] = useState<ImportResult | null>(null);
  const [done, setDone] = useState<ImportResult | null>(null);
  const [busy, setBusy] = useState<'preview' | 'mapping' | 'dryRun' | 'import' | null>(null);
  const [error, setError] = useState<string | null>(null);

  const villages = useMemo(
    () => flattenOrgs(orgs.data ?? []).filter((node) => node.level === 'village').map((node) => ({ value: node.id, label: node.name })),
    [orgs.data],
  );

  const fieldOptions = useMemo(
    () => [
      { value: '', label: t('people.import.ignore') },
      {
        label: t('people.import.fieldsGroups.person'),
        options: IMPORT_FIELDS.filter((f) => !CHILD_FIELDS.includes(f)).map((f) => ({ value: f, label: t(`people.import.importFields.${f}`) })),
      },
      {
        label: t('people.import.fieldsGroups.child'),
        options: CHILD_FIELDS.map((f) => ({ value: f, label: t(`people.import.importFields.${f}`) })),
      },
      {
        label: t('people.import.fieldsGroups.groups'),
        // A tick column of one group maps onto `group.<code>`.
        options: codeOptions(GROUPS, language).map((o) => ({ value: `group.${o.value}`, label: t('people.import.groupColumn', { group: o.label }) })),
      },
    ],
    [t, language],
  );

  function reset() {
    setFile(null);
    setPreview(null);
    setMapping({});
    setMappingDirty(false);
    setMappingRequired(false);
    setDryRun(null);
    setDone(null);
    setError(null);
  }

  function choose(next: File) {
    reset();
    if (!next.name.toLowerCase().endsWith('.xlsx')) {
      setError(t('people.import.onlyXlsx'));
      return;
    }
    setFile(next);
    setBusy('preview');
    previewImport(next)
      .then((result) => {
        setPreview(result);
        setMapping(result.mapping);
        setMappingRequired(result.layout === 'custom' && result.mappingSource !== 'saved');
      })
      .catch((cause: unknown) => setError(errorText(cause)))
      .finally(() => setBusy(null));
  }

  async function storeMapping(): Promise<boolean> {
    if (!preview || !file) return false;
    setBusy('mapping');
    try {
      await saveImportMapping({ signature: preview.signature, name: t('people.import.mappingNameDefault', { file: file.name }), mapping });
      setMappingDirty(false);
      setMappingRequired(false);
      void message.success(t('people.import.mappingSaved'));
      return true;
    } catch (cause) {
      setError(errorText(cause));
      return false;
    } finally {
      setBusy(null);
    }
  }

  async function run(dry: boolean) {
    if (!file) return;
    setError(null);
    // A layout of the station's own must be saved first: the import reads the saved mapping.
    if (dry && preview?.layout === 'custom' && (mappingDirty || mappingRequired)) {
      if (!(await storeMapping())) return;
    }
    setBusy(dry ? 'dryRun' : 'import');
    try {
      const result = await runImport(file, { dryRun: dry, villageId, groups });
      if (dry) setDryRun(result);
      else {
        setDone(result);
        void queryClient.invalidateQueries({ queryKey: PEOPLE_KEY });
      }
    } catch (cause) {
      if (cause instanceof ApiError && cause.code === 'IMPORT_MAPPING_REQUIRED') {
        const details = cause.details;
        const suggested: unknown = typeof details === 'object' && details !== null ? Reflect.get(details, 'mapping') : undefined;
        if (isMapping(suggested)) setMapping(suggested);
        setMappingRequired(true);
        setDryRun(null);
        setError(t('people.import.mappingRequired'));
      } else setError(errorText(cause));
    } finally {
      setBusy(null);
    }
  }

  const failedLines: FailedLine[] = (dryRun?.rows ?? [])
    .filter((row) => row.status === 'failed')
    .flatMap((row) =>
      row.errors.length === 0
        ? [{ key: `${row.row}`, row: row.row, column: null, message: '' }]
        : row.errors.map((e, index) => ({ key: `${row.row}-${index}`, row: row.row, column: e.column, message: e.message })),
    );

  const step = done ? 3 : dryRun ? 2 : preview ? 1 : 0;
  const showMapping = preview !== null && (preview.layout === 'custom' || mappingRequired);

  const mappingColumns: TableColumnsType<{ column: string; text: string; index: number }> = [
    { title: t('people.import.column'), dataIndex: 'column', key: 'column', width: 64, render: (c: string) => <Tag>{c}</Tag> },
    { title: t('people.import.header'), dataIndex: 'text', key: 'text', render: (text: string) => <strong>{text}</strong> },
    {
      title: t('people.import.sample'),
      key: 'sample',
      responsive: ['md'],
      render: (_v, header) => (
        <span className="lm-muted">
          {(preview?.sampleRows ?? [])
            .slice(0, 2)
            .map((row) => sampleCell(row, header.column, header.index))
            .filter(Boolean)
            .join('；')}
        </span>
      ),
    },
    {
      title: t('people.import.field'),
      key: 'field',
      render: (_v, header) => (
        <Select
          value={mapping[header.column] ?? ''}
          options={fieldOptions}
          onChange={(value: string) => {
            setMapping((current) => ({ ...current, [header.column]: value === '' ? null : value }));
            setMappingDirty(true);
          }}
          style={{ width: 200 }}
          popupMatchSelectWidth={false}
          data-testid={`mapping-${header.column}`}
        />
      ),
    },
  ];

  const failedColumns: TableColumnsType<FailedLine> = [
    { title: t('people.import.row'), dataIndex: 'row', key: 'row', width: 72 },
    {
      title: t('people.import.column'),
      dataIndex: 'column',
      key: 'column',
      render: (c: string | null) => {
        if (!c) return '—';
        const header = preview?.headers.find((h) => h.column === c)?.text;
        return (
          <span className="lm-nowrap">
            <Tag>{c}</Tag>
            {header}
          </span>
        );
      },
    },
    { title: t('people.import.reason'), dataIndex: 'message', key: 'message' },
  ];

  return (
    <div className="lm-import">
      <PageHeader
        title={t('people.import.title')}
        description={t('people.import.description')}
        extra={
          <Button icon={<DownloadOutlined />} href={IMPORT_TEMPLATE_URL} data-testid="import-template">
            {t('people.import.template')}
          </Button>
        }
      />
      <Card className="lm-import__steps">
        <Steps
          current={step}
          size="small"
          responsive={false}
          items={[
            { title: t('people.import.steps.file') },
            { title: t('people.import.steps.mapping') },
            { title: t('people.import.steps.check') },
            { title: t('people.import.steps.done') },
          ]}
        />
      </Card>

      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid="import-error" />}

      {done ? (
        <Card>
          <Result
            status="success"
            title={t('people.import.done', { created: done.created, updated: done.updated })}
            extra={
              <Space wrap>
                <Link to="/people">
                  <Button type="primary">{t('people.import.toList')}</Button>
                </Link>
                <Button onClick={reset}>{t('people.import.again')}</Button>
              </Space>
            }
          />
        </Card>
      ) : (
        <Space orientation="vertical" size={16} style={{ width: '100%' }}>
          <Card title={t('people.import.steps.file')} size="small">
            <Typography.Paragraph type="secondary">{t('people.import.templateHint')}</Typography.Paragraph>
            <Upload
              accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              maxCount={1}
              showUploadList={false}
              beforeUpload={(next) => {
                choose(next);
                return false;
              }}
            >
              <Button icon={<UploadOutlined />} loading={busy === 'preview'} data-testid="import-choose">
                {t('people.import.choose')}
              </Button>
            </Upload>
            {file && (
              <div className="lm-import__file">
                <FileExcelOutlined /> {t('people.import.chosen', { name: file.name })}
              </div>
            )}
          </Card>

          {preview && (
            <Card
              title={t('people.import.steps.mapping')}
              size="small"
              extra={<span className="lm-muted lm-small">{t('people.import.headerRow', { row: preview.headerRow })}</span>}
            >
              <Alert
                type={preview.layout === 'custom' ? 'warning' : 'success'}
                showIcon
                title={t(`people.import.layout.${preview.layout}`)}
                description={t(`people.import.mappingSource.${preview.mappingSource}`)}
                style={{ marginBottom: showMapping ? 16 : 0 }}
                data-testid="import-layout"
              />
              {showMapping && (
                <>
                  <Table
                    rowKey="column"
                    size="small"
                    pagination={false}
                    columns={mappingColumns}
                    dataSource={preview.headers.map((header, index) => ({ ...header, index }))}
                    scroll={{ x: 'max-content' }}
                    data-testid="import-mapping"
                  />
                  <div className="lm-import__actions">
                    <Button icon={<SaveOutlined />} onClick={() => void storeMapping()} loading={busy === 'mapping'}>
                      {t('people.import.saveMapping')}
                    </Button>
                  </div>
                </>
              )}
            </Card>
          )}

          {preview && (
            <Card title={t('people.import.defaults')} size="small">
              <Form layout="vertical">
                <Row gutter={16}>
                  <Col xs={24} md={12}>
                    <Form.Item label={t('people.import.defaultVillage')}>
                      <Select allowClear value={villageId} onChange={setVillageId} options={villages} placeholder={t('people.form.select')} data-testid="import-village" />
                    </Form.Item>
                  </Col>
                  <Col xs={24} md={12}>
                    <Form.Item label={t('people.import.defaultGroups')}>
                      <Select
                        mode="multiple"
                        allowClear
                        showSearch={{ optionFilterProp: 'label' }}
                        value={groups}
                        onChange={setGroups}
                        options={codeOptions(GROUPS, language)}
                        placeholder={t('people.form.select')}
                      />
                    </Form.Item>
                  </Col>
                </Row>
              </Form>
              <Space wrap>
                <Button icon={<ExperimentOutlined />} onClick={() => void run(true)} loading={busy === 'dryRun' || busy === 'mapping'} data-testid="import-dry-run">
                  {t('people.import.dryRun')}
                </Button>
                <span className="lm-muted lm-small">{t('people.import.dryRunHint')}</span>
              </Space>
            </Card>
          )}

          {dryRun && (
            <Card title={t('people.import.steps.check')} size="small" data-testid="import-result">
              <Alert
                type={dryRun.failed > 0 ? 'warning' : 'success'}
                showIcon
                title={t('people.import.dryRunSummary', { created: dryRun.created, updated: dryRun.updated, failed: dryRun.failed })}
                style={{ marginBottom: 16 }}
                data-testid="import-summary"
              />
              {failedLines.length > 0 ? (
                <>
                  <Typography.Title level={5}>{t('people.import.failedRows')}</Typography.Title>
                  <Table<FailedLine>
                    rowKey="key"
                    size="small"
                    columns={failedColumns}
                    dataSource={failedLines}
                    pagination={failedLines.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
                    scroll={{ x: 'max-content' }}
                    data-testid="import-failed"
                  />
                </>
              ) : (
                <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('people.import.noErrors')} />
              )}
              <div className="lm-import__actions">
                <Space wrap>
                  <Button
                    type="primary"
                    icon={<CheckCircleOutlined />}
                    disabled={dryRun.created + dryRun.updated === 0}
                    loading={busy === 'import'}
                    onClick={() => void run(false)}
                    data-testid="import-confirm"
                  >
                    {t('people.import.confirm')}
                  </Button>
                  <span className="lm-muted lm-small">{t('people.import.confirmHint')}</span>
                </Space>
              </div>
            </Card>
          )}
        </Space>
      )}
    </div>
  );
}
