import * as React from 'react';
import { Badge, Box, Button, Flex, Loader, Typography } from '@strapi/design-system';
import { useFetchClient } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { Ambiguities } from './Ambiguities';
import { errorMessage, isStatus, msg, STATUS_COLORS } from './labels';

type DiffPart = { op: 'same' | 'removed' | 'added'; text: string };
type Target = {
  locale: string;
  conversion: string;
  status: string;
  published: boolean;
  sourceChanges?: Array<{ field: string; parts: DiffPart[] }> | null;
};

/** Field labels as the edit view shows them (the content manager's configuration), by attribute name. */
function useFieldLabels(uid: string): Record<string, string> {
  const { get } = useFetchClient();
  const [labels, setLabels] = React.useState<Record<string, string>>({});
  React.useEffect(() => {
    get(`/content-manager/content-types/${uid}/configuration`).then(
      (res: any) => {
        const metadatas = res.data?.data?.contentType?.metadatas ?? {};
        setLabels(Object.fromEntries(Object.entries(metadatas).map(([k, m]: [string, any]) => [k, m?.edit?.label ?? k])));
      },
      () => setLabels({}),
    );
  }, [uid]);
  return labels;
}

/** The source's changes since the version a hand-edited target was based on, word by word. */
const SourceChanges = ({ changes, labels }: { changes: Target['sourceChanges']; labels: Record<string, string> }) => {
  const { formatMessage } = useIntl();
  if (changes === undefined) return null;
  return (
    <Box background="warning100" padding={2} marginTop={2} hasRadius data-source-changes>
      <Typography variant="sigma">{formatMessage(msg('panel.changed'))}</Typography>
      {changes === null ? (
        <Typography tag="p" variant="pi">
          {formatMessage(msg('panel.changed.unknown'))}
        </Typography>
      ) : (
        changes.map(({ field, parts }) => (
          <Box key={field} paddingTop={1}>
            <Typography variant="pi" fontWeight="bold">
              {labels[field] ?? field}
            </Typography>
            <Typography tag="p" variant="pi" style={{ whiteSpace: 'pre-wrap' }}>
              {parts.map((p, i) =>
                p.op === 'same' ? (
                  <span key={i}>{p.text}</span>
                ) : p.op === 'removed' ? (
                  <del key={i} title={formatMessage(msg('panel.changed.removed'))} style={{ background: '#fcd9d9', color: '#b72b1a' }}>
                    {p.text}
                  </del>
                ) : (
                  <ins key={i} title={formatMessage(msg('panel.changed.added'))} style={{ background: '#d8f3dc', color: '#2f6846', textDecoration: 'none' }}>
                    {p.text}
                  </ins>
                ),
              )}
            </Typography>
          </Box>
        ))
      )}
    </Box>
  );
};
type Status = { sourceLocale: string; exists: boolean; targets: Target[] };

function previewText(value: unknown): string | null {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) {
    // blocks: the text leaves, each paragraph and each list item on its own line
    const walk = (n: any): string => (typeof n?.text === 'string' ? n.text : Array.isArray(n?.children) ? n.children.map(walk).join('') : '');
    const lines = (n: any): string[] => (n?.type === 'list' && Array.isArray(n.children) ? n.children.flatMap(lines) : [walk(n)]);
    return value.flatMap(lines).filter(Boolean).join('\n');
  }
  return null;
}

const Preview = ({
  uid,
  documentId,
  locale,
  version,
  labels,
}: {
  uid: string;
  documentId: string;
  locale: string;
  version: unknown;
  labels: Record<string, string>;
}) => {
  const { get } = useFetchClient();
  const { formatMessage } = useIntl();
  const [data, setData] = React.useState<Record<string, unknown> | null>(null);
  const [error, setError] = React.useState<string | null>(null);
  React.useEffect(() => {
    let live = true;
    get('/chinese-variants/preview', { params: { uid, documentId, locale } })
      .then((res: any) => live && (setData(res.data.data), setError(null)))
      .catch((e: any) => live && setError(errorMessage(e, formatMessage(msg('error.preview')))));
    return () => {
      live = false;
    };
  }, [uid, documentId, locale, version]);
  if (error) return <Typography textColor="danger600">{error}</Typography>;
  if (!data) return <Loader small>{formatMessage(msg('panel.converting'))}</Loader>;
  const entries = Object.entries(data)
    .map(([k, v]) => [k, previewText(v)] as const)
    .filter(([, v]) => v);
  return (
    <Box background="neutral100" padding={2} hasRadius>
      {entries.map(([k, v]) => (
        <Box key={k} paddingBottom={1}>
          <Typography variant="sigma">{labels[k] ?? k}</Typography>
          <Typography tag="p" variant="pi" style={{ whiteSpace: 'pre-wrap' }}>
            {String(v).length > 400 ? `${String(v).slice(0, 400)}…` : v}
          </Typography>
        </Box>
      ))}
    </Box>
  );
};

const PanelContent = ({ uid, documentId, version }: { uid: string; documentId: string; version: unknown }) => {
  const { get, post } = useFetchClient();
  const { formatMessage } = useIntl();
  // fields are named as the edit view names them (the content manager's labels), not by attribute name
  const labels = useFieldLabels(uid);
  const [status, setStatus] = React.useState<Status | null>(null);
  const [error, setError] = React.useState<string | null>(null);
  const [busy, setBusy] = React.useState<string | null>(null);
  const [tick, setTick] = React.useState(0);

  React.useEffect(() => {
    let live = true;
    get('/chinese-variants/status', { params: { uid, documentId } })
      .then((res: any) => live && (setStatus(res.data.data), setError(null)))
      .catch((e: any) => live && setError(errorMessage(e, formatMessage(msg('error.status')))));
    return () => {
      live = false;
    };
  }, [uid, documentId, version, tick]);

  const act = async (action: 'regenerate' | 'keep', locale: string) => {
    setBusy(`${action}:${locale}`);
    try {
      await post(`/chinese-variants/${action}`, { uid, documentId, locale });
      setTick((t) => t + 1);
    } catch (e: any) {
      setError(errorMessage(e, formatMessage(msg('error.action'))));
    } finally {
      setBusy(null);
    }
  };

  if (error) return <Typography textColor="danger600">{error}</Typography>;
  if (!status) return <Loader small>{formatMessage(msg('panel.loading'))}</Loader>;
  if (!status.exists) return <Typography variant="pi">{formatMessage(msg('panel.noSource'), { locale: status.sourceLocale })}</Typography>;
  return (
    <Flex direction="column" alignItems="stretch" gap={3} width="100%">
      {status.targets.map((t) => {
        const code = t.status;
        const label = isStatus(code)
          ? { label: formatMessage(msg(`status.${code}`)), color: STATUS_COLORS[code], explain: formatMessage(msg(`status.${code}.explain`)) }
          : { label: code, color: 'neutral' as const, explain: '' };
        return (
          <Box key={t.locale}>
            <Flex justifyContent="space-between" gap={2}>
              <Typography fontWeight="bold">
                {t.locale} <Typography variant="pi">({t.conversion})</Typography>
              </Typography>
              <Badge backgroundColor={`${label.color}100`} textColor={`${label.color}700`}>
                {label.label}
              </Badge>
            </Flex>
            <Typography variant="pi" tag="p">
              {formatMessage(msg(t.published ? 'panel.published' : 'panel.unpublished'))}
            </Typography>
            <Typography variant="pi" tag="p" textColor="neutral600" data-status-explanation>
              {label.explain}
            </Typography>
            {t.status === 'stale' ? <SourceChanges changes={t.sourceChanges ?? null} labels={labels} /> : null}
            {t.status === 'stale' || t.status === 'edited' ? (
              <Typography variant="pi" tag="p" textColor="neutral600">
                {formatMessage(msg('panel.hint.regenerate'))} {formatMessage(msg('panel.hint.keep'))}
              </Typography>
            ) : null}
            <Flex gap={2} paddingTop={2} wrap="wrap">
              <Button size="S" variant="secondary" loading={busy === `regenerate:${t.locale}`} onClick={() => act('regenerate', t.locale)}>
                {formatMessage(msg('panel.regenerate'))}
              </Button>
              {(t.status === 'stale' || t.status === 'edited') && (
                <Button size="S" variant="tertiary" loading={busy === `keep:${t.locale}`} onClick={() => act('keep', t.locale)}>
                  {formatMessage(msg('panel.keep'))}
                </Button>
              )}
            </Flex>
          </Box>
        );
      })}
      {status.targets.map((t) => (
        <Ambiguities
          key={`review:${t.locale}`}
          uid={uid}
          documentId={documentId}
          locale={t.locale}
          version={`${String(version)}:${tick}`}
          labels={labels}
          onChange={() => setTick((x) => x + 1)}
        />
      ))}
      {status.targets[0] && (
        <Box>
          <Typography variant="sigma">{formatMessage(msg('panel.preview'), { locale: status.targets[0].locale })}</Typography>
          <Preview uid={uid} documentId={documentId} locale={status.targets[0].locale} version={`${String(version)}:${tick}`} labels={labels} />
        </Box>
      )}
    </Flex>
  );
};

const PanelTitle = () => {
  const { formatMessage } = useIntl();
  return <>{formatMessage(msg('panel.title'))}</>;
};

/** Edit-view side panel on localized api:: types: the Traditional versions' status, actions and a preview. */
export const VariantsPanel = ({ model, documentId, document }: { model: string; documentId?: string; document?: any }) => {
  // localized types only: a document of a type without i18n has no locale (or a null one)
  if (!model?.startsWith('api::') || !documentId || !document?.locale) return null;
  return {
    title: <PanelTitle />,
    content: <PanelContent uid={model} documentId={documentId} version={document?.updatedAt} />,
  };
};
