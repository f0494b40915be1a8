import * as React from 'react';
import { Box, Button, Flex, Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { Layouts, Page, useFetchClient } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { useT, type MessageKey } from '../../intl';

interface AccessEntry {
  id: number;
  occurredAt: string;
  userEmail: string | null;
  subject: string;
  documentIds: string[];
  count: number;
  method: string;
  route: string;
}

const SUBJECTS: Record<string, MessageKey> = {
  'api::disclosure-application.disclosure-application': 'accessLog.subject.application',
  'api::review-case.review-case': 'accessLog.subject.reviewCase',
  'plugin::disclosure.import-job': 'accessLog.subject.importJob',
};
const PAGE_SIZE = 50;

/** 个人信息访问记录: every admin read of applicants' data, newest first. Read-only: the plugin writes it. */
const AccessLogPage = () => {
  const { get } = useFetchClient();
  const t = useT();
  const { locale } = useIntl();
  const [page, setPage] = React.useState(1);
  const [rows, setRows] = React.useState<AccessEntry[]>([]);
  const [total, setTotal] = React.useState(0);
  const [error, setError] = React.useState<string | null>(null);

  React.useEffect(() => {
    let live = true;
    get(`/disclosure/access-log?page=${page}&pageSize=${PAGE_SIZE}`)
      .then((res: any) => {
        if (!live) return;
        setRows(res.data.data);
        setTotal(res.data.meta.pagination.total);
      })
      .catch(() => live && setError(t('accessLog.error')));
    return () => {
      live = false;
    };
  }, [page]);

  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  return (
    <Page.Main>
      <Page.Title>{t('menu.accessLog')}</Page.Title>
      <Layouts.Header title={t('menu.accessLog')} subtitle={t('accessLog.subtitle', { total })} />
      <Layouts.Content>
        {error ? <Typography textColor="danger600">{error}</Typography> : null}
        <Table colCount={5} rowCount={rows.length + 1}>
          <Thead>
            <Tr>
              {(
                ['accessLog.column.time', 'accessLog.column.user', 'accessLog.column.subject', 'accessLog.column.records', 'accessLog.column.route'] as const
              ).map((key) => (
                <Th key={key}>
                  <Typography variant="sigma">{t(key)}</Typography>
                </Th>
              ))}
            </Tr>
          </Thead>
          <Tbody>
            {rows.map((r) => (
              <Tr key={r.id}>
                <Td>
                  <Typography>
                    {new Date(r.occurredAt).toLocaleString(locale.startsWith('zh') ? 'zh-CN' : 'en-GB', { timeZone: 'Asia/Shanghai', hour12: false })}
                  </Typography>
                </Td>
                <Td>
                  <Typography>{r.userEmail ?? '—'}</Typography>
                </Td>
                <Td>
                  <Typography>{SUBJECTS[r.subject] ? t(SUBJECTS[r.subject]) : r.subject}</Typography>
                </Td>
                <Td>
                  <Typography title={r.documentIds.join(', ')}>{r.count === 1 ? r.documentIds[0] : t('accessLog.count', { n: r.count })}</Typography>
                </Td>
                <Td>
                  <Typography>
                    {r.method} {r.route}
                  </Typography>
                </Td>
              </Tr>
            ))}
          </Tbody>
        </Table>
        <Flex gap={2} paddingTop={4}>
          <Button variant="tertiary" disabled={page <= 1} onClick={() => setPage(page - 1)}>
            {t('page.previous')}
          </Button>
          <Box>
            <Typography>{t('page.of', { page, pages })}</Typography>
          </Box>
          <Button variant="tertiary" disabled={page >= pages} onClick={() => setPage(page + 1)}>
            {t('page.next')}
          </Button>
        </Flex>
      </Layouts.Content>
    </Page.Main>
  );
};

export default AccessLogPage;
