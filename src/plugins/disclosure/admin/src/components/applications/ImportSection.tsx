import * as React from 'react';
import { Box, Button, Flex, ProgressBar, Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { useFetchClient } from '@strapi/strapi/admin';

interface Job {
  id: number;
  filename: string;
  state: 'validating' | 'validated' | 'importing' | 'done' | 'failed';
  totalRows: number;
  processedRows: number;
  validRows: number;
  rejectedRows: number;
  alreadyImported?: number;
  created: number;
  skipped: number;
  rejected: { line: number; column: string | null; reason: string }[];
  failure: string | null;
}

const STATES: Record<Job['state'], string> = {
  validating: '正在校验',
  validated: '校验完成，等待确认',
  importing: '正在导入',
  done: '导入完成',
  failed: '失败',
};

/** 导入历史申请: template, upload, per-row validation result, confirmation, progress. */
export const ImportSection = ({ onImported }: { onImported: () => void }) => {
  const { get, post } = useFetchClient();
  const [job, setJob] = React.useState<Job | null>(null);
  const [error, setError] = React.useState<string | null>(null);
  const fileRef = React.useRef<HTMLInputElement>(null);

  React.useEffect(() => {
    if (!job || !['validating', 'importing'].includes(job.state)) return;
    const timer = setTimeout(async () => {
      try {
        const res: any = await get(`/disclosure/import/${job.id}`);
        setJob(res.data.data);
        if (res.data.data.state === 'done') onImported();
      } catch {
        setError('无法读取导入进度');
      }
    }, 1000);
    return () => clearTimeout(timer);
  }, [job]);

  const download = async (format: 'xlsx' | 'csv') => {
    const res: any = await get(`/disclosure/import/template?format=${format}`, { responseType: 'blob' } as any);
    const url = URL.createObjectURL(res.data);
    const a = document.createElement('a');
    a.href = url;
    a.download = `依申请公开导入模板.${format}`;
    a.click();
    URL.revokeObjectURL(url);
  };

  const upload = async () => {
    const file = fileRef.current?.files?.[0];
    if (!file) return;
    setError(null);
    const body = new FormData();
    body.append('file', file);
    try {
      const res: any = await post('/disclosure/import', body);
      setJob(res.data.data);
    } catch (e: any) {
      setError(e?.response?.data?.error?.message ?? '上传失败');
    }
  };

  const confirm = async () => {
    if (!job) return;
    try {
      const res: any = await post(`/disclosure/import/${job.id}/confirm`, {});
      setJob(res.data.data);
    } catch (e: any) {
      setError(e?.response?.data?.error?.message ?? '确认失败');
    }
  };

  const total = job?.state === 'importing' || job?.state === 'done' ? job.validRows : (job?.totalRows ?? 0);
  const progress = job && total ? Math.round((100 * job.processedRows) / total) : 0;

  return (
    <Box padding={4} background="neutral0" hasRadius shadow="tableShadow">
      <Typography variant="delta" tag="h2">
        导入历史申请（XLSX / CSV）
      </Typography>
      <Flex gap={2} paddingTop={3} paddingBottom={3} wrap="wrap">
        <Button variant="secondary" onClick={() => download('xlsx')}>
          下载模板（XLSX）
        </Button>
        <Button variant="secondary" onClick={() => download('csv')}>
          下载模板（CSV）
        </Button>
        <input ref={fileRef} type="file" accept=".xlsx,.csv" />
        <Button onClick={upload}>上传并校验</Button>
      </Flex>
      {error ? <Typography textColor="danger600">{error}</Typography> : null}
      {job ? (
        <Box>
          <Typography>
            {job.filename}：{STATES[job.state]}
            {job.state === 'validated'
              ? `。共 ${job.totalRows} 行，有效 ${job.validRows} 行（其中已导入过 ${job.alreadyImported ?? 0} 行，将跳过），有误 ${job.rejectedRows} 行。`
              : ''}
            {job.state === 'done' ? `。新增 ${job.created} 行，跳过已存在 ${job.skipped} 行。` : ''}
            {job.failure ? `：${job.failure}` : ''}
          </Typography>
          {['validating', 'importing'].includes(job.state) ? (
            <Box paddingTop={2}>
              <ProgressBar value={progress} />
              <Typography variant="pi">
                {job.processedRows} / {total}
              </Typography>
            </Box>
          ) : null}
          {job.state === 'validated' && job.validRows > 0 ? (
            <Box paddingTop={2}>
              <Button onClick={confirm}>确认导入有效的 {job.validRows} 行</Button>
            </Box>
          ) : null}
          {job.rejected.length ? (
            <Box paddingTop={3}>
              <Table colCount={3} rowCount={job.rejected.length + 1}>
                <Thead>
                  <Tr>
                    <Th>
                      <Typography variant="sigma">行</Typography>
                    </Th>
                    <Th>
                      <Typography variant="sigma">列</Typography>
                    </Th>
                    <Th>
                      <Typography variant="sigma">原因</Typography>
                    </Th>
                  </Tr>
                </Thead>
                <Tbody>
                  {job.rejected.map((r, i) => (
                    <Tr key={i}>
                      <Td>
                        <Typography>{r.line}</Typography>
                      </Td>
                      <Td>
                        <Typography>{r.column ?? '—'}</Typography>
                      </Td>
                      <Td>
                        <Typography>{r.reason}</Typography>
                      </Td>
                    </Tr>
                  ))}
                </Tbody>
              </Table>
            </Box>
          ) : null}
        </Box>
      ) : null}
    </Box>
  );
};
