import * as React from 'react';
import { Box, Flex, Link, Loader, Typography } from '@strapi/design-system';
import { useFetchClient } from '@strapi/strapi/admin';
import type { OfficerView } from '../applications/types';
import { errorText, useT } from '../../intl';

/** Home: open applications due within 3 working days, and those overdue. */
export const DeadlinesWidget = () => {
  const { get } = useFetchClient();
  const t = useT();
  const [view, setView] = React.useState<OfficerView | null>(null);
  const [error, setError] = React.useState<string | null>(null);
  React.useEffect(() => {
    get('/disclosure/applications/officer-view').then(
      (res: any) => setView(res.data.data),
      (e: any) => setError(errorText(e, t('error.read'))),
    );
  }, []);
  if (error) return <Typography textColor="danger600">{error}</Typography>;
  if (!view) return <Loader small>{t('loading')}</Loader>;
  const soon = view.groups.dueSoon;
  const overdue = view.groups.overdue;
  return (
    <Flex direction="column" alignItems="stretch" gap={2} data-widget="deadlines">
      <Typography>
        {t('widget.deadlines.summary', { overdue: overdue.length, soon: soon.length, correction: view.groups.awaitingCorrection.length })}
      </Typography>
      {[...overdue, ...soon].slice(0, 5).map((a) => (
        <Typography key={a.documentId} variant="pi">
          {a.trackingNumber ?? t('application.noNumber')} · {a.organization?.name ?? ''} · {t('widget.deadlines.due', { date: a.dueDate ?? '' })}
        </Typography>
      ))}
      <Link href="/admin/plugins/disclosure/applications">{t('widget.deadlines.open')}</Link>
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
  const t = useT();
  const [status, setStatus] = React.useState<ReportStatus[] | null>(null);
  const [error, setError] = React.useState<string | null>(null);
  React.useEffect(() => {
    get('/disclosure/annual-reports/status').then(
      (res: any) => setStatus(res.data.data),
      (e: any) => setError(errorText(e, t('error.read'))),
    );
  }, []);
  if (error) return <Typography textColor="danger600">{error}</Typography>;
  if (!status) return <Loader small>{t('loading')}</Loader>;
  return (
    <Flex direction="column" alignItems="stretch" gap={2} data-widget="reports">
      {status.map((y) => (
        <Box key={y.year}>
          <Typography fontWeight="bold">{t('widget.reports.year', { year: y.year })}</Typography>
          {y.reports.length === 0 ? (
            <Typography variant="pi" tag="p">
              {t('widget.reports.none')}
            </Typography>
          ) : (
            y.reports.map((r) => {
              const todo = [
                r.errors ? t('widget.reports.errors', { n: r.errors }) : '',
                r.findings ? t('widget.reports.findings', { n: r.findings }) : '',
                r.placeholders ? t('widget.reports.placeholders', { n: r.placeholders }) : '',
              ].filter(Boolean);
              return (
                <Typography key={r.documentId} variant="pi" tag="p">
                  {t('widget.reports.line', {
                    name: r.organization ?? r.title,
                    state: t(r.published ? 'state.published' : 'state.draft'),
                    check: todo.length ? t('widget.reports.todo', { list: todo.join(t('list.separator')) }) : t('widget.reports.ok'),
                  })}
                </Typography>
              );
            })
          )}
        </Box>
      ))}
      <Link href="/admin/plugins/disclosure/annual-reports">{t('widget.reports.open')}</Link>
    </Flex>
  );
};
