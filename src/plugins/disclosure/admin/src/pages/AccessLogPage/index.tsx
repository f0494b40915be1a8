import * as React from 'react';
import { Box, Button, Flex, Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { Layouts, Page, useFetchClient } from '@strapi/strapi/admin';

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

const SUBJECTS: Record<string, string> = {
  'api::disclosure-application.disclosure-application': '申请',
  'api::review-case.review-case': '复议诉讼案件',
  'plugin::disclosure.import-job': '导入结果',
};
const PAGE_SIZE = 50;

/** 个人信息访问记录: every admin read of applicants' data, newest first. Read-only: the plugin writes it. */
const AccessLogPage = () => {
  const { get } = useFetchClient();
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
      .catch(() => live && setError('无法读取访问记录'));
    return () => {
      live = false;
    };
  }, [page]);

  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  return (
    <Page.Main>
      <Page.Title>个人信息访问记录</Page.Title>
      <Layouts.Header title="个人信息访问记录" subtitle={`谁在何时通过哪个页面查看了哪些申请（共 ${total} 条，最新在前）`} />
      <Layouts.Content>
        {error ? <Typography textColor="danger600">{error}</Typography> : null}
        <Table colCount={5} rowCount={rows.length + 1}>
          <Thead>
            <Tr>
              <Th>
                <Typography variant="sigma">时间</Typography>
              </Th>
              <Th>
                <Typography variant="sigma">用户</Typography>
              </Th>
              <Th>
                <Typography variant="sigma">对象</Typography>
              </Th>
              <Th>
                <Typography variant="sigma">记录</Typography>
              </Th>
              <Th>
                <Typography variant="sigma">路径</Typography>
              </Th>
            </Tr>
          </Thead>
          <Tbody>
            {rows.map((r) => (
              <Tr key={r.id}>
                <Td>
                  <Typography>{new Date(r.occurredAt).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false })}</Typography>
                </Td>
                <Td>
                  <Typography>{r.userEmail ?? '—'}</Typography>
                </Td>
                <Td>
                  <Typography>{SUBJECTS[r.subject] ?? r.subject}</Typography>
                </Td>
                <Td>
                  <Typography title={r.documentIds.join(', ')}>{r.count === 1 ? r.documentIds[0] : `${r.count} 条`}</Typography>
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
            上一页
          </Button>
          <Box>
            <Typography>
              第 {page} / {pages} 页
            </Typography>
          </Box>
          <Button variant="tertiary" disabled={page >= pages} onClick={() => setPage(page + 1)}>
            下一页
          </Button>
        </Flex>
      </Layouts.Content>
    </Page.Main>
  );
};

export default AccessLogPage;
