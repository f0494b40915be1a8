import * as React from 'react';
import { Badge, Box, Button, Flex, Loader, Textarea, Typography } from '@strapi/design-system';
import { useFetchClient } from '@strapi/strapi/admin';
import type { ProseFinding, SentenceView } from '../../../../server/src/core/annual-report';
import { RegenerateButton } from './RegenerateButton';

/** What GET /disclosure/annual-reports/:documentId/prose answers. */
export interface ProseView {
  documentId: string;
  organization: { code: string; name: string } | null;
  year: number;
  generatedAt: string | null;
  sections: { section: string; heading: string; paragraphs: SentenceView[][] }[];
  findings: ProseFinding[];
  placeholders: { section: string; heading: string; markers: string[] }[];
  proseAcknowledgement: null | { by: { name?: string | null; email?: string | null }; at: string; reason: string };
  undoAvailable: boolean;
  previousGenerationAt: string | null;
}

const ORIGIN: Record<SentenceView['origin'], { label: string; color: string }> = {
  generated: { label: '自动生成', color: 'neutral600' },
  'hand-written': { label: '人工撰写', color: 'primary600' },
  placeholder: { label: '待补充', color: 'danger600' },
};

const errorText = (e: any) => e?.response?.data?.error?.message ?? e?.message ?? '请求失败';

/**
 * The report's prose against its tables: each sentence marked as generated (with the cells its figures
 * come from), hand-written or placeholder; what the checker finds; regenerate with a confirmation
 * listing what will change; undo of the last generation; a super admin's acknowledgement with a reason.
 * `onChanged` runs after a regeneration or undo so the caller can refresh what it shows.
 */
export const ProsePanel = ({ documentId, version, onChanged }: { documentId: string; version?: unknown; onChanged?: () => void }) => {
  const { get, post } = useFetchClient();
  const [view, setView] = React.useState<ProseView | null>(null);
  const [error, setError] = React.useState<string | null>(null);
  const [busy, setBusy] = React.useState(false);
  const [note, setNote] = React.useState<string | null>(null);
  const [reason, setReason] = React.useState('');
  const [reload, setReload] = React.useState(0);

  React.useEffect(() => {
    let live = true;
    get(`/disclosure/annual-reports/${documentId}/prose`)
      .then((res: any) => live && (setView(res.data.data), setError(null)))
      .catch((e: any) => live && setError(errorText(e)));
    return () => {
      live = false;
    };
  }, [documentId, version, reload]);

  const act = async (fn: () => Promise<string>) => {
    setBusy(true);
    setNote(null);
    try {
      setNote(await fn());
      setReload((n) => n + 1);
      onChanged?.();
    } catch (e) {
      setNote(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  const undo = () =>
    act(async () => {
      await post(`/disclosure/annual-reports/${documentId}/undo-generate`, {});
      return '已恢复到上次生成之前的版本。';
    });
  const acknowledge = () =>
    act(async () => {
      await post(`/disclosure/annual-reports/${documentId}/acknowledge-prose`, { reason });
      return '已记录确认理由。';
    });

  if (error) return <Typography textColor="danger600">{error}</Typography>;
  if (!view) return <Loader small>读取中</Loader>;
  return (
    <Box width="100%" data-prose-panel>
      {view.placeholders.length ? (
        <Box paddingBottom={2}>
          <Typography textColor="danger600" fontWeight="bold">
            尚有待补充的内容，不能发布：{view.placeholders.map((p) => p.heading).join('、')}
          </Typography>
        </Box>
      ) : null}
      {view.findings.length ? (
        <Box paddingBottom={2} role="status">
          <Typography textColor="danger600" fontWeight="bold">
            正文有{view.findings.length}处与表格不符：
          </Typography>
          <ul>
            {view.findings.map((f, i) => (
              <li key={i}>
                <Typography variant="pi" textColor="danger600">
                  {f.message.zh}
                </Typography>
              </li>
            ))}
          </ul>
          {view.proseAcknowledgement ? (
            <Typography variant="pi">
              已由 {view.proseAcknowledgement.by.name ?? view.proseAcknowledgement.by.email} 确认：{view.proseAcknowledgement.reason}
            </Typography>
          ) : (
            <Flex direction="column" alignItems="stretch" gap={1} paddingTop={1}>
              <Textarea
                aria-label="确认理由（仅超级管理员）"
                placeholder="如确需按原文发布，请说明理由（仅超级管理员）"
                value={reason}
                onChange={(e: any) => setReason(e.target.value)}
              />
              <Button size="S" variant="danger-light" onClick={acknowledge} disabled={busy || reason.trim().length < 4}>
                确认并记录理由
              </Button>
            </Flex>
          )}
        </Box>
      ) : (
        <Typography variant="pi" textColor="success600">
          正文所述数字与表格一致。
        </Typography>
      )}
      <Flex gap={2} paddingTop={2} paddingBottom={2} wrap="wrap">
        {view.organization ? (
          <RegenerateButton
            organization={view.organization.code}
            year={view.year}
            exists
            label="按最新数据重新生成…"
            onDone={(text) => {
              setNote(text);
              setReload((n) => n + 1);
              onChanged?.();
            }}
          />
        ) : null}
        {view.undoAvailable ? (
          <Button size="S" variant="tertiary" onClick={undo} disabled={busy}>
            撤销上次生成
          </Button>
        ) : null}
      </Flex>
      {note ? (
        <Typography variant="pi" tag="p" role="status">
          {note}
        </Typography>
      ) : null}
      {view.sections.map((s) => (
        <Box key={s.section} paddingTop={2}>
          <Typography variant="sigma">{s.heading}</Typography>
          {s.paragraphs.map((p, i) => (
            <Box key={i} paddingTop={1}>
              {p.map((sentence, j) => (
                <Flex key={j} gap={1} alignItems="flex-start" data-origin={sentence.origin}>
                  <Badge textColor={ORIGIN[sentence.origin].color}>{ORIGIN[sentence.origin].label}</Badge>
                  <Typography variant="pi" title={sentence.cells?.length ? `数字来自：${sentence.cells.join('、')}` : undefined}>
                    {sentence.text}
                  </Typography>
                </Flex>
              ))}
            </Box>
          ))}
        </Box>
      ))}
    </Box>
  );
};
