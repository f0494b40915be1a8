import * as React from 'react';
import { Badge, Box, Button, Flex, Loader, Textarea, Typography } from '@strapi/design-system';
import { useFetchClient } from '@strapi/strapi/admin';
import type { ProseFinding, SentenceView } from '../../../../server/src/core/annual-report';
import { RegenerateButton } from './RegenerateButton';
import { errorText, useBilingual, useT, type MessageKey } from '../../intl';

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

const ORIGIN: Record<SentenceView['origin'], { label: MessageKey; color: string }> = {
  generated: { label: 'prose.origin.generated', color: 'neutral600' },
  'hand-written': { label: 'prose.origin.handWritten', color: 'primary600' },
  placeholder: { label: 'prose.origin.placeholder', color: 'danger600' },
};

/**
 * The report's prose against its tables: each sentence marked as generated (with the cells its figures
 * come from), hand-written or placeholder; what the checker finds; regenerate with a confirmation
 * listing what will change; undo of the last generation; a super admin's acknowledgement with a reason.
 * `onChanged` runs after a regeneration or undo so the caller can refresh what it shows.
 */
export const ProsePanel = ({ documentId, version, onChanged }: { documentId: string; version?: unknown; onChanged?: () => void }) => {
  const { get, post } = useFetchClient();
  const t = useT();
  const pick = useBilingual();
  const failed = (e: unknown) => errorText(e, t('error.request'));
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
      .catch((e: any) => live && setError(failed(e)));
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
      setNote(failed(e));
    } finally {
      setBusy(false);
    }
  };

  const undo = () =>
    act(async () => {
      await post(`/disclosure/annual-reports/${documentId}/undo-generate`, {});
      return t('prose.undone');
    });
  const acknowledge = () =>
    act(async () => {
      await post(`/disclosure/annual-reports/${documentId}/acknowledge-prose`, { reason });
      return t('prose.acknowledged');
    });

  if (error) return <Typography textColor="danger600">{error}</Typography>;
  if (!view) return <Loader small>{t('loading')}</Loader>;
  return (
    <Box width="100%" data-prose-panel>
      {view.placeholders.length ? (
        <Box paddingBottom={2}>
          <Typography textColor="danger600" fontWeight="bold">
            {t('prose.placeholders', { sections: view.placeholders.map((p) => p.heading).join(t('list.separator')) })}
          </Typography>
        </Box>
      ) : null}
      {view.findings.length ? (
        <Box paddingBottom={2} role="status">
          <Typography textColor="danger600" fontWeight="bold">
            {t('prose.findings', { n: view.findings.length })}
          </Typography>
          <ul>
            {view.findings.map((f, i) => (
              <li key={i}>
                <Typography variant="pi" textColor="danger600">
                  {pick(f.message)}
                </Typography>
              </li>
            ))}
          </ul>
          {view.proseAcknowledgement ? (
            <Typography variant="pi">
              {t('prose.acknowledgedBy', {
                by: view.proseAcknowledgement.by.name ?? view.proseAcknowledgement.by.email ?? '',
                reason: view.proseAcknowledgement.reason,
              })}
            </Typography>
          ) : (
            <Flex direction="column" alignItems="stretch" gap={1} paddingTop={1}>
              <Textarea
                aria-label={t('prose.reason')}
                placeholder={t('prose.reasonPlaceholder')}
                value={reason}
                onChange={(e: any) => setReason(e.target.value)}
              />
              <Button size="S" variant="danger-light" onClick={acknowledge} disabled={busy || reason.trim().length < 4}>
                {t('prose.acknowledge')}
              </Button>
            </Flex>
          )}
        </Box>
      ) : (
        <Typography variant="pi" textColor="success600">
          {t('prose.consistent')}
        </Typography>
      )}
      <Flex gap={2} paddingTop={2} paddingBottom={2} wrap="wrap">
        {view.organization ? (
          <RegenerateButton
            organization={view.organization.code}
            year={view.year}
            exists
            label={t('prose.regenerate')}
            onDone={(text) => {
              setNote(text);
              setReload((n) => n + 1);
              onChanged?.();
            }}
          />
        ) : null}
        {view.undoAvailable ? (
          <Button size="S" variant="tertiary" onClick={undo} disabled={busy}>
            {t('prose.undo')}
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
                  <Badge textColor={ORIGIN[sentence.origin].color}>{t(ORIGIN[sentence.origin].label)}</Badge>
                  <Typography variant="pi" title={sentence.cells?.length ? t('prose.cells', { cells: sentence.cells.join(t('list.separator')) }) : undefined}>
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
