import * as React from 'react';
import { Box, Loader, Typography } from '@strapi/design-system';
import { useFetchClient } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import type { ApplicationEvent } from './types';
import { useCodeName, useT } from '../../intl';

/** 办理过程: every dated event of one application (who, when, what, note). */
export const EventList = ({ documentId }: { documentId: string }) => {
  const { get } = useFetchClient();
  const { locale } = useIntl();
  const t = useT();
  const name = useCodeName();
  const [events, setEvents] = React.useState<ApplicationEvent[] | null>(null);
  const [error, setError] = React.useState<string | null>(null);
  React.useEffect(() => {
    let live = true;
    get(`/disclosure/applications/${documentId}/events`)
      .then((res: any) => live && setEvents(res.data.data))
      .catch(() => live && setError(t('events.error')));
    return () => {
      live = false;
    };
  }, [documentId]);
  if (error) return <Typography textColor="danger600">{error}</Typography>;
  if (!events) return <Loader small>{t('loading')}</Loader>;
  if (events.length === 0) return <Typography variant="omega">{t('events.none')}</Typography>;
  const describe = (e: ApplicationEvent) => {
    const to = e.toStatus ? name(e.toStatus) : '';
    if (e.action === 'transition') return `${e.fromStatus ? name(e.fromStatus) : ''} → ${to}`;
    const action = e.action === 'created' ? t('events.created') : e.action === 'imported' ? t('events.imported') : e.action;
    return t('events.action', { action, status: to });
  };
  return (
    <Box>
      {events.map((e) => (
        <Box key={e.id} paddingBottom={1}>
          <Typography variant="omega">
            {new Date(e.occurredAt).toLocaleString(locale.startsWith('zh') ? 'zh-CN' : 'en-GB', { timeZone: 'Asia/Shanghai' })} · {describe(e)} ·{' '}
            {e.actorName ?? t('events.system')}
            {e.note ? ` · ${e.note}` : ''}
          </Typography>
        </Box>
      ))}
    </Box>
  );
};
