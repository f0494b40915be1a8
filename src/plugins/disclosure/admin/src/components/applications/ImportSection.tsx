import * as React from 'react';
import { Box, Button, Flex, ProgressBar, Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { useFetchClient } from '@strapi/strapi/admin';
import { errorText, useT, type MessageKey } from '../../intl';

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

const STATES: Record<Job['state'], MessageKey> = {
  validating: 'import.state.validating',
  validated: 'import.state.validated',
  importing: 'import.state.importing',
  done: 'import.state.done',
  failed: 'import.state.failed',
};

/** 导入历史申请: template, upload, per-row validation result, confirmation, progress. */
export const ImportSection = ({ onImported }: { onImported: () => void }) => {
  const { get, post } = useFetchClient();
  const t = useT();
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
        setError(t('import.error.progress'));
      }
    }, 1000);
    return () => clearTimeout(timer);
  }, [job]);

  const download = async (format: 'xlsx' | 'csv') => {
    const res: any = await get(`/disclosure/import/template?format=${format}`, { responseType: 'blob' } as any);
    const url = URL.createObjectURL(res.data);
    const a = document.createElement('a');
    a.href = url;
    a.download = `${t('import.templateName')}.${format}`;
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
      setError(errorText(e, t('import.error.upload')));
    }
  };

  const confirm = async () => {
    if (!job) return;
    try {
      const res: any = await post(`/disclosure/import/${job.id}/confirm`, {});
      setJob(res.data.data);
    } catch (e: any) {
      setError(errorText(e, t('import.error.confirm')));
    }
  };

  const total = job?.state === 'importing' || job?.state === 'done' ? job.validRows : (job?.totalRows ?? 0);
  const progress = job && total ? Math.round((100 * job.processedRows) / total) : 0;

  return (
    <Box padding={4} background="neutral0" hasRadius shadow="tableShadow">
      <Typography variant="delta" tag="h2">
        {t('import.title')}
      </Typography>
      <Flex gap={2} paddingTop={3} paddingBottom={3} wrap="wrap">
        <Button variant="secondary" onClick={() => download('xlsx')}>
          {t('import.template', { format: 'XLSX' })}
        </Button>
        <Button variant="secondary" onClick={() => download('csv')}>
          {t('import.template', { format: 'CSV' })}
        </Button>
        <input ref={fileRef} type="file" accept=".xlsx,.csv" />
        <Button onClick={upload}>{t('import.upload')}</Button>
      </Flex>
      {error ? <Typography textColor="danger600">{error}</Typography> : null}
      {job ? (
        <Box>
          <Typography>
            {t('import.job', { file: job.filename, state: t(STATES[job.state]) })}
            {job.state === 'validated'
              ? t('import.validated', { total: job.totalRows, valid: job.validRows, already: job.alreadyImported ?? 0, rejected: job.rejectedRows })
              : ''}
            {job.state === 'done' ? t('import.done', { created: job.created, skipped: job.skipped }) : ''}
            {job.failure ? t('import.failure', { reason: job.failure }) : ''}
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
              <Button onClick={confirm}>{t('import.confirm', { n: job.validRows })}</Button>
            </Box>
          ) : null}
          {job.rejected.length ? (
            <Box paddingTop={3}>
              <Table colCount={3} rowCount={job.rejected.length + 1}>
                <Thead>
                  <Tr>
                    {(['import.column.line', 'import.column.column', 'import.column.reason'] as const).map((key) => (
                      <Th key={key}>
                        <Typography variant="sigma">{t(key)}</Typography>
                      </Th>
                    ))}
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
