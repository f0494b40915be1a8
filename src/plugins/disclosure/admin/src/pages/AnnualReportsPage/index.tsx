import * as React from 'react';
import { Box, Button, Flex, Link, Loader, SingleSelect, SingleSelectOption, Typography } from '@strapi/design-system';
import { Layouts, Page, useFetchClient } from '@strapi/strapi/admin';
import { MonthBars } from '../../components/reports/MonthBars';
import { FailureList, ReportTables } from '../../components/reports/ReportTables';
import type { Failure, Layout, Tables } from '../../components/reports/types';
import { PreviousYearForm } from '../../components/reports/PreviousYearForm';
import { ProsePanel } from '../../components/reports/ProsePanel';
import { RegenerateButton } from '../../components/reports/RegenerateButton';
import { useIntl } from 'react-intl';
import { errorText, useT, type MessageKey } from '../../intl';

interface Overview {
  organization: { code: string; name: string; documentId: string };
  year: number;
  formatVersion: '2019' | '2021';
  notices: { total: number; byMonth: number[] };
  tables: Tables;
  tablesSource: 'report' | 'computed';
  validation: { errors: number; warnings: number; failures: Failure[]; previousReport: null | { year: number; source: 'report' | 'entered' } };
  overriddenCells: string[];
  processingFeeYuan: number | null;
  report: null | {
    documentId: string;
    title: string;
    published: boolean;
    generatedAt: string | null;
    warningsAcknowledgement: null | { by: { name?: string | null; email?: string | null }; at: string };
    contentManagerPath: string;
  };
}

const EXPORTS: { label: string | MessageKey; query: string; ext: string }[] = [
  { label: 'HTML', query: 'format=html', ext: 'html' },
  { label: 'Word', query: 'format=docx', ext: 'docx' },
  { label: 'PDF', query: 'format=pdf', ext: 'pdf' },
  { label: 'Excel', query: 'format=xlsx', ext: 'xlsx' },
  { label: 'reports.export.csvZip', query: 'format=csv', ext: 'zip' },
  { label: 'reports.export.csvSingle', query: 'format=csv&layout=single', ext: 'csv' },
  { label: 'JSON', query: 'format=json', ext: 'json' },
];

/** 年度报告: the tables of an organization-year with their validation, the draft and its exports. */
const AnnualReportsPage = () => {
  const { get, post } = useFetchClient();
  const t = useT();
  const { locale } = useIntl();
  const dateTime = (at: string) => new Date(at).toLocaleString(locale.startsWith('zh') ? 'zh-CN' : 'en-GB', { timeZone: 'Asia/Shanghai' });
  const errorMessage = (e: any) => errorText(e, t('error.request'));
  const thisYear = new Date().getFullYear();
  const years = Array.from({ length: thisYear - 2019 + 1 }, (_, i) => thisYear - i);
  const [organizations, setOrganizations] = React.useState<{ code: string; name: string }[]>([]);
  const [organization, setOrganization] = React.useState('');
  const [year, setYear] = React.useState(thisYear);
  const [overview, setOverview] = React.useState<Overview | null>(null);
  const [layout, setLayout] = React.useState<Layout | null>(null);
  const [loading, setLoading] = React.useState(false);
  const [busy, setBusy] = React.useState(false);
  const [message, setMessage] = React.useState<{ kind: 'error' | 'ok'; text: string } | null>(null);
  const [reload, setReload] = React.useState(0);
  /** Fetch the overview again; loading is set here, with the change that asks for it, so no render shows stale data as settled. */
  const refresh = () => {
    setLoading(true);
    setReload((n) => n + 1);
  };

  React.useEffect(() => {
    get('/disclosure/annual-reports/organizations').then(
      (res: any) => {
        const list = res.data.data as { code: string; name: string }[];
        setOrganizations(list);
        if (list.length && !organization) setOrganization((list.find((o) => o.code === '430381106') ?? list[0]).code);
      },
      (e: any) => setMessage({ kind: 'error', text: errorMessage(e) }),
    );
  }, []);

  React.useEffect(() => {
    if (!organization) return;
    let live = true;
    setLoading(true);
    get(`/disclosure/annual-reports/overview?organization=${encodeURIComponent(organization)}&year=${year}`)
      .then(async (res: any) => {
        const data: Overview = res.data.data;
        const lay: any = await get(`/disclosure/annual-reports/layout?formatVersion=${data.formatVersion}`);
        if (!live) return;
        setOverview(data);
        setLayout(lay.data.data);
      })
      .catch((e: any) => live && setMessage({ kind: 'error', text: errorMessage(e) }))
      .finally(() => live && setLoading(false));
    return () => {
      live = false;
    };
  }, [organization, year, reload]);

  const acknowledge = async () => {
    if (!overview?.report) return;
    setBusy(true);
    try {
      await post(`/disclosure/annual-reports/${overview.report.documentId}/acknowledge-warnings`, {});
      setMessage({ kind: 'ok', text: t('reports.acknowledged') });
      refresh();
    } catch (e) {
      setMessage({ kind: 'error', text: errorMessage(e) });
    } finally {
      setBusy(false);
    }
  };

  const download = async (query: string, ext: string) => {
    if (!overview?.report) return;
    try {
      const res: any = await get(`/disclosure/annual-reports/${overview.report.documentId}/export?${query}`, { responseType: 'blob' });
      const url = URL.createObjectURL(res.data as Blob);
      const a = document.createElement('a');
      a.href = url;
      a.download = `${overview.report.title || `annual-report-${year}`}.${ext}`;
      a.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch (e) {
      setMessage({ kind: 'error', text: errorMessage(e) });
    }
  };

  // While the same organization-year is fetched again (after generating), its last tables stay on screen;
  // another organization or year is not shown under the wrong heading.
  const shown = overview && layout && overview.organization.code === organization && overview.year === year ? overview : null;
  const report = shown?.report;
  const warnings = shown?.validation.failures.filter((f) => f.severity === 'warning') ?? [];

  return (
    <Page.Main>
      <Page.Title>{t('menu.annual-reports')}</Page.Title>
      <Layouts.Header
        title={t('menu.annual-reports')}
        subtitle={t('reports.subtitle')}
        primaryAction={
          <RegenerateButton
            organization={organization}
            year={year}
            exists={Boolean(report)}
            variant="default"
            onDone={(text, out) => {
              setMessage({ kind: out ? 'ok' : 'error', text });
              if (out) refresh();
            }}
          />
        }
      />
      <Layouts.Content>
        <Flex gap={4} paddingBottom={4} alignItems="flex-end">
          <Box minWidth="320px">
            <SingleSelect
              aria-label={t('column.organization')}
              placeholder={t('reports.chooseOrganization')}
              value={organization}
              onChange={(v: string | number) => setOrganization(String(v))}
            >
              {organizations.map((o) => (
                <SingleSelectOption key={o.code} value={o.code}>
                  {t('reports.organizationOption', { name: o.name, code: o.code })}
                </SingleSelectOption>
              ))}
            </SingleSelect>
          </Box>
          <SingleSelect aria-label={t('reports.year')} value={String(year)} onChange={(v: string | number) => setYear(Number(v))}>
            {years.map((y) => (
              <SingleSelectOption key={y} value={String(y)}>
                {t('reports.yearOption', { year: y })}
              </SingleSelectOption>
            ))}
          </SingleSelect>
        </Flex>
        {message ? (
          <Box paddingBottom={4}>
            <Typography textColor={message.kind === 'error' ? 'danger600' : 'success600'}>{message.text}</Typography>
          </Box>
        ) : null}
        {!shown || !layout ? (
          organization ? (
            <Loader>{t('reports.counting')}</Loader>
          ) : null
        ) : (
          <Flex direction="column" alignItems="stretch" gap={6} aria-busy={loading} data-annual-report={loading ? 'refreshing' : 'ready'}>
            {loading ? (
              <Flex gap={2}>
                <Loader small>{t('reports.refreshing')}</Loader>
                <Typography variant="pi" textColor="neutral600" aria-hidden>
                  {t('reports.refreshing')}
                </Typography>
              </Flex>
            ) : null}
            <Box background="neutral0" padding={6} shadow="tableShadow" hasRadius>
              <Typography variant="beta" tag="h2">
                {t('reports.heading', {
                  name: shown.organization.name,
                  year: shown.year,
                  format: t(shown.formatVersion === '2019' ? 'reports.format2019' : 'reports.format2021'),
                })}
              </Typography>
              <Box paddingTop={2}>
                {report ? (
                  <Typography tag="p">
                    {t('reports.draft', {
                      title: report.title,
                      state: t(report.published ? 'reports.published' : 'reports.unpublished'),
                      generated: report.generatedAt ? t('reports.generatedAt', { at: dateTime(report.generatedAt) }) : '',
                    })}{' '}
                    <Link href={`/admin${report.contentManagerPath}`}>{t('reports.editInContentManager')}</Link>
                  </Typography>
                ) : (
                  <Typography tag="p">{t('reports.notGenerated')}</Typography>
                )}
                <Typography tag="p" variant="pi" textColor="neutral600">
                  {t('reports.source', {
                    source: t(shown.tablesSource === 'report' ? 'reports.source.report' : 'reports.source.computed'),
                    fee: shown.processingFeeYuan ?? '—',
                  })}
                </Typography>
              </Box>
              {report ? (
                <Flex gap={2} paddingTop={4} wrap="wrap">
                  {EXPORTS.map((e) => (
                    <Button key={e.label} variant="tertiary" size="S" onClick={() => download(e.query, e.ext)}>
                      {t('reports.download', { format: e.label.startsWith('reports.') ? t(e.label as MessageKey) : e.label })}
                    </Button>
                  ))}
                </Flex>
              ) : null}
            </Box>
            <Box background="neutral0" padding={6} shadow="tableShadow" hasRadius>
              <Typography variant="delta" tag="h3">
                {t('reports.validation', { errors: shown.validation.errors, warnings: shown.validation.warnings })}
              </Typography>
              <Box paddingTop={2}>
                <FailureList failures={shown.validation.failures} />
              </Box>
              {report && warnings.length ? (
                <Box paddingTop={2}>
                  {report.warningsAcknowledgement ? (
                    <Typography variant="pi">
                      {t('reports.acknowledgedBy', {
                        by: report.warningsAcknowledgement.by.name ?? report.warningsAcknowledgement.by.email ?? '',
                        at: dateTime(report.warningsAcknowledgement.at),
                      })}
                    </Typography>
                  ) : null}
                  <Button variant="secondary" size="S" onClick={acknowledge} loading={busy}>
                    {t('reports.acknowledge')}
                  </Button>
                </Box>
              ) : null}
            </Box>
            {report ? (
              <Box background="neutral0" padding={6} shadow="tableShadow" hasRadius>
                <Typography variant="delta" tag="h3">
                  {t('reports.proseCheck')}
                </Typography>
                <ProsePanel documentId={report.documentId} version={report.generatedAt} onChanged={refresh} />
              </Box>
            ) : null}
            {!shown.validation.previousReport || shown.validation.previousReport.source === 'entered' ? (
              <Box background="neutral0" padding={6} shadow="tableShadow" hasRadius>
                <PreviousYearForm organization={shown.organization.code} year={shown.year} onSaved={refresh} />
              </Box>
            ) : null}
            <Box background="neutral0" padding={6} shadow="tableShadow" hasRadius>
              <MonthBars counts={shown.notices.byMonth} title={t('reports.monthly', { total: shown.notices.total })} />
            </Box>
            <Box background="neutral0" padding={6} shadow="tableShadow" hasRadius>
              <ReportTables layout={layout} tables={shown.tables} failures={shown.validation.failures} overridden={shown.overriddenCells} />
            </Box>
          </Flex>
        )}
      </Layouts.Content>
    </Page.Main>
  );
};

export default AnnualReportsPage;
