import * as React from 'react';
import { Box, Loader, Typography } from '@strapi/design-system';
import { useFetchClient } from '@strapi/strapi/admin';
import { STATUS_LABELS, type ApplicationEvent } from './types';

const ACTIONS: Record<string, string> = { created: '登记', imported: '导入', transition: '状态变更' };

function describe(e: ApplicationEvent): string {
  const to = e.toStatus ? (STATUS_LABELS[e.toStatus] ?? e.toStatus) : '';
  if (e.action === 'transition') return `${STATUS_LABELS[e.fromStatus ?? ''] ?? e.fromStatus} → ${to}`;
  return `${ACTIONS[e.action] ?? e.action}（${to}）`;
}

/** 办理过程: every dated event of one application (who, when, what, note). */
export const EventList = ({ documentId }: { documentId: string }) => {
  const { get } = useFetchClient();
  const [events, setEvents] = React.useState<ApplicationEvent[] | null>(null);
  const [error, setError] = React.useState<string | null>(null);
  React.useEffect(() => {
    let live = true;
    get(`/disclosure/applications/${documentId}/events`)
      .then((res: any) => live && setEvents(res.data.data))
      .catch(() => live && setError('无法读取办理过程'));
    return () => {
      live = false;
    };
  }, [documentId]);
  if (error) return <Typography textColor="danger600">{error}</Typography>;
  if (!events) return <Loader small>读取中</Loader>;
  if (events.length === 0) return <Typography variant="omega">暂无记录</Typography>;
  return (
    <Box>
      {events.map((e) => (
        <Box key={e.id} paddingBottom={1}>
          <Typography variant="omega">
            {new Date(e.occurredAt).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai' })} · {describe(e)} · {e.actorName ?? '系统'}
            {e.note ? ` · ${e.note}` : ''}
          </Typography>
        </Box>
      ))}
    </Box>
  );
};
