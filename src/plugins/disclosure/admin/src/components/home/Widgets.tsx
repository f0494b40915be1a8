import * as React from 'react';
import { Box, Flex, Link, Loader, Typography } from '@strapi/design-system';
import { useFetchClient } from '@strapi/strapi/admin';
import type { OfficerView } from '../applications/types';

const errorText = (e: any) => e?.response?.data?.error?.message ?? '无法读取';

/** Home: open applications due within 3 working days, and those overdue. */
export const DeadlinesWidget = () => {
  const { get } = useFetchClient();
  const [view, setView] = React.useState<OfficerView | null>(null);
  const [error, setError] = React.useState<string | null>(null);
  React.useEffect(() => {
    get('/disclosure/applications/officer-view').then(
      (res: any) => setView(res.data.data),
      (e: any) => setError(errorText(e)),
    );
  }, []);
  if (error) return <Typography textColor="danger600">{error}</Typography>;
  if (!view) return <Loader small>读取中</Loader>;
  const soon = view.groups.dueSoon;
  const overdue = view.groups.overdue;
  return (
    <Flex direction="column" alignItems="stretch" gap={2} data-widget="deadlines">
      <Typography>
        已逾期 <strong>{overdue.length}</strong> 件，3个工作日内到期 <strong>{soon.length}</strong> 件，待补正 {view.groups.awaitingCorrection.length} 件
      </Typography>
      {[...overdue, ...soon].slice(0, 5).map((a) => (
        <Typography key={a.documentId} variant="pi">
          {a.trackingNumber ?? '（无编号）'} · {a.organization?.name ?? ''} · 期限 {a.dueDate}
        </Typography>
      ))}
      <Link href="/admin/plugins/disclosure/applications">打开依申请公开</Link>
    </Flex>
  );
};

interface ReportStatus {
  year: number;
  reports: { documentId: string; title: string; organization: string | null; published: boolean; errors: number; findings: number; placeholders: number }[];
}

/** Home: this year's and last year's annual reports — drafted, checked, published. */
export const ReportsWidget = () => {
  const { get } = useFetchClient();
  const [status, setStatus] = React.useState<ReportStatus[] | null>(null);
  const [error, setError] = React.useState<string | null>(null);
  React.useEffect(() => {
    get('/disclosure/annual-reports/status').then(
      (res: any) => setStatus(res.data.data),
      (e: any) => setError(errorText(e)),
    );
  }, []);
  if (error) return <Typography textColor="danger600">{error}</Typography>;
  if (!status) return <Loader small>读取中</Loader>;
  return (
    <Flex direction="column" alignItems="stretch" gap={2} data-widget="reports">
      {status.map((y) => (
        <Box key={y.year}>
          <Typography fontWeight="bold">{y.year}年度</Typography>
          {y.reports.length === 0 ? (
            <Typography variant="pi" tag="p">
              尚未生成
            </Typography>
          ) : (
            y.reports.map((r) => (
              <Typography key={r.documentId} variant="pi" tag="p">
                {r.organization ?? r.title}：{r.published ? '已发布' : '草稿'}
                {r.errors + r.findings + r.placeholders > 0
                  ? `，待处理：${[r.errors ? `表格错误${r.errors}项` : '', r.findings ? `正文与表格不符${r.findings}处` : '', r.placeholders ? `待补充${r.placeholders}节` : ''].filter(Boolean).join('、')}`
                  : '，校验通过'}
              </Typography>
            ))
          )}
        </Box>
      ))}
      <Link href="/admin/plugins/disclosure/annual-reports">打开年度报告</Link>
    </Flex>
  );
};
