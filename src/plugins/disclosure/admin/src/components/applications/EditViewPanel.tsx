import * as React from 'react';
import { Box, Loader, Typography } from '@strapi/design-system';
import { useFetchClient } from '@strapi/strapi/admin';
import { DueDateExplanation } from './DueDateExplanation';
import { ApplicationFiles } from './ApplicationFiles';
import { EventList } from './EventList';
import { ReceiptActions } from './ReceiptActions';
import type { Step } from './types';
import { errorText, useT } from '../../intl';

const APPLICATION_UID = 'api::disclosure-application.disclosure-application';

const DueDate = ({ documentId, version }: { documentId: string; version: unknown }) => {
  const { get } = useFetchClient();
  const t = useT();
  const [data, setData] = React.useState<any>(null);
  const [error, setError] = React.useState<string | null>(null);
  React.useEffect(() => {
    let live = true;
    get(`/disclosure/applications/${documentId}/due-date`)
      .then((res: any) => live && (setData(res.data.data), setError(null)))
      .catch((e: any) => live && setError(errorText(e, t('due.error'))));
    return () => {
      live = false;
    };
  }, [documentId, version]);
  if (error) return <Typography textColor="danger600">{error}</Typography>;
  if (!data) return <Loader small>{t('loading')}</Loader>;
  if (data.preReceipt) {
    return data.applicationStatus === 'submitted' ? (
      <Box>
        <Typography variant="pi" tag="p">
          {t('online.confirmHint')}
        </Typography>
        <ReceiptActions documentId={documentId} onDone={() => window.location.reload()} />
      </Box>
    ) : null;
  }
  return (
    <Box>
      <Typography fontWeight="bold">
        {t('due.line', { date: data.dueDate ?? t('due.pausedForCorrection') })}
        {data.provisional ? t('due.provisionalSuffix') : ''}
      </Typography>
      <Typography variant="pi" tag="p">
        {t('due.correctionLimit', { date: data.correctionLimit ?? '' })}
      </Typography>
      <DueDateExplanation steps={data.explanation as Step[]} missingYears={data.missingCalendarYears} />
    </Box>
  );
};

const Content = ({ documentId, version }: { documentId: string; version: unknown }) => {
  const t = useT();
  return (
    <Box width="100%">
      <DueDate documentId={documentId} version={version} />
      <Box paddingTop={3}>
        <Typography variant="sigma">{t('application.events')}</Typography>
        <EventList key={String(version)} documentId={documentId} />
      </Box>
      <ApplicationFiles documentId={documentId} />
    </Box>
  );
};

const Title = () => <>{useT()('panel.application')}</>;

/** Side panel on an application's edit view: its due date with the explanation, and its dated events. */
export const ApplicationPanel = ({ model, documentId, document }: { model: string; documentId?: string; document?: any }) => {
  if (model !== APPLICATION_UID || !documentId) return null;
  return { title: <Title />, content: <Content documentId={documentId} version={document?.updatedAt} /> };
};
