import * as React from 'react';
import { Box, Button, Flex, Link, Loader, SingleSelect, SingleSelectOption, Typography } from '@strapi/design-system';
import { Layouts, Page, useFetchClient } from '@strapi/strapi/admin';
import { MonthBars } from '../../components/reports/MonthBars';
import { FailureList, ReportTables } from '../../components/reports/ReportTables';
import type { Failure, Layout, Tables } from '../../components/reports/types';
import { PreviousYearForm } from '../../components/reports/PreviousYearForm';
import { ProsePanel } from '../../components/reports/ProsePanel';
import { RegenerateButton } from '../../components/reports/RegenerateButton';

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

const EXPORTS: { label: string; query: string; ext: string }[] = [
  { label: 'HTML', query: 'format=html', ext: 'html' },
  { label: 'Word', query: 'format=docx', ext: 'docx' },
  { label: 'PDF', query: 'format=pdf', ext: 'pdf' },
  { label: 'Excel', query: 'format=xlsx', ext: 'xlsx' },
  { label: 'CSV（每表一个，zip）', query: 'format=csv', ext: 'zip' },
  { label: 'CSV（单个文件）', query: 'format=csv&layout=single', ext: 'csv' },
  { label: 'JSON', query: 'format=json', ext: 'json' },
];

function errorMessage(e: any): string {
  return e?.response?.data?.error?.message ?? e?.message ?? '请求失败';
}

/** 年度报告: the tables of an organization-year with their validation, the draft and its exports. */
const AnnualReportsPage = () => {
  const { get, post } = useFetchClient();
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
      setMessage({ kind: 'ok', text: '已确认跨年度核对提示' });
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
      <Page.Title>年度报告</Page.Title>
      <Layouts.Header
        title="年度报告"
        subtitle="政府信息公开工作年度报告：按全国统一格式统计、校验、生成草稿和导出"
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
            <SingleSelect aria-label="机关" placeholder="选择机关" value={organization} onChange={(v: string | number) => setOrganization(String(v))}>
              {organizations.map((o) => (
                <SingleSelectOption key={o.code} value={o.code}>
                  {o.name}（{o.code}）
                </SingleSelectOption>
              ))}
            </SingleSelect>
          </Box>
          <SingleSelect aria-label="年度" value={String(year)} onChange={(v: string | number) => setYear(Number(v))}>
            {years.map((y) => (
              <SingleSelectOption key={y} value={String(y)}>
                {y}年
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
            <Loader>正在统计…</Loader>
          ) : null
        ) : (
          <Flex direction="column" alignItems="stretch" gap={6} aria-busy={loading} data-annual-report={loading ? 'refreshing' : 'ready'}>
            {loading ? (
              <Flex gap={2}>
                <Loader small>正在刷新…</Loader>
                <Typography variant="pi" textColor="neutral600" aria-hidden>
                  正在刷新…
                </Typography>
              </Flex>
            ) : null}
            <Box background="neutral0" padding={6} shadow="tableShadow" hasRadius>
              <Typography variant="beta" tag="h2">
                {shown.organization.name} {shown.year}年（{shown.formatVersion === '2019' ? '2019年试行格式' : '国办公开办函〔2021〕30号格式'}）
              </Typography>
              <Box paddingTop={2}>
                {report ? (
                  <Typography tag="p">
                    草稿：{report.title}（{report.published ? '已发布' : '未发布'}
                    {report.generatedAt ? `，生成于 ${new Date(report.generatedAt).toLocaleString('zh-CN')}` : ''}）{' '}
                    <Link href={`/admin${report.contentManagerPath}`}>在内容管理中编辑</Link>
                  </Typography>
                ) : (
                  <Typography tag="p">尚未生成本年度报告；下表为按记录统计的数值。</Typography>
                )}
                <Typography tag="p" variant="pi" textColor="neutral600">
                  表格来源：{shown.tablesSource === 'report' ? '报告草稿（含编辑人员修改）' : '统计结果'}；标 * 的单元格为编辑人员填写的覆盖值。 信息处理费：
                  {shown.processingFeeYuan ?? '—'}元
                </Typography>
              </Box>
              {report ? (
                <Flex gap={2} paddingTop={4} wrap="wrap">
                  {EXPORTS.map((e) => (
                    <Button key={e.label} variant="tertiary" size="S" onClick={() => download(e.query, e.ext)}>
                      下载 {e.label}
                    </Button>
                  ))}
                </Flex>
              ) : null}
            </Box>
            <Box background="neutral0" padding={6} shadow="tableShadow" hasRadius>
              <Typography variant="delta" tag="h3">
                校验结果：{shown.validation.errors}项错误，{shown.validation.warnings}项跨年度提示
              </Typography>
              <Box paddingTop={2}>
                <FailureList failures={shown.validation.failures} />
              </Box>
              {report && warnings.length ? (
                <Box paddingTop={2}>
                  {report.warningsAcknowledgement ? (
                    <Typography variant="pi">
                      已由 {report.warningsAcknowledgement.by.name ?? report.warningsAcknowledgement.by.email} 于{' '}
                      {new Date(report.warningsAcknowledgement.at).toLocaleString('zh-CN')} 确认提示
                    </Typography>
                  ) : null}
                  <Button variant="secondary" size="S" onClick={acknowledge} loading={busy}>
                    确认跨年度提示（发布前必须）
                  </Button>
                </Box>
              ) : null}
            </Box>
            {report ? (
              <Box background="neutral0" padding={6} shadow="tableShadow" hasRadius>
                <Typography variant="delta" tag="h3">
                  正文核对
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
              <MonthBars counts={shown.notices.byMonth} title={`每月主动公开信息数（共${shown.notices.total}条）`} />
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
