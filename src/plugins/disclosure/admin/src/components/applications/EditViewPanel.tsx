import * as React from 'react';
import { Box, Loader, Typography } from '@strapi/design-system';
import { useFetchClient } from '@strapi/strapi/admin';
import { DueDateExplanation } from './DueDateExplanation';
import { EventList } from './EventList';
import type { Step } from './types';

const APPLICATION_UID = 'api::disclosure-application.disclosure-application';

const DueDate = ({ documentId, version }: { documentId: string; version: unknown }) => {
  const { get } = useFetchClient();
  const [data, setData] = React.useState<any>(null);
  const [error, setError] = React.useState<string | null>(null);
  React.useEffect(() => {
    let live = true;
    get(`/disclosure/applications/${documentId}/due-date`)
      .then((res: any) => live && (setData(res.data.data), setError(null)))
      .catch((e: any) => live && setError(e?.response?.data?.error?.message ?? '无法计算期限'));
    return () => {
      live = false;
    };
  }, [documentId, version]);
  if (error) return <Typography textColor="danger600">{error}</Typography>;
  if (!data) return <Loader small>读取中</Loader>;
  return (
    <Box>
      <Typography fontWeight="bold">
        答复期限：{data.dueDate ?? '待补正，期限暂停'}
        {data.provisional ? '（暂定）' : ''}
      </Typography>
      <Typography variant="pi" tag="p">
        补正告知期限：{data.correctionLimit}
      </Typography>
      <DueDateExplanation steps={data.explanation as Step[]} missingYears={data.missingCalendarYears} />
    </Box>
  );
};

/** Side panel on an application's edit view: its due date with the explanation, and its dated events. */
export const ApplicationPanel = ({ model, documentId, document }: { model: string; documentId?: string; document?: any }) => {
  if (model !== APPLICATION_UID || !documentId) return null;
  return {
    title: '期限与办理过程',
    content: (
      <Box width="100%">
        <DueDate documentId={documentId} version={document?.updatedAt} />
        <Box paddingTop={3}>
          <Typography variant="sigma">办理过程</Typography>
          <EventList key={String(document?.updatedAt)} documentId={documentId} />
        </Box>
      </Box>
    ),
  };
};
