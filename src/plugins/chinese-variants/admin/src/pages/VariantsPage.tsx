import * as React from 'react';
import { Box, Button, Flex, Main, ProgressBar, Typography } from '@strapi/design-system';
import { Layouts, useFetchClient } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { errorMessage, msg } from '../components/labels';

type Progress = {
  running: boolean;
  dryRun: boolean;
  total: number;
  done: number;
  written: number;
  published: number;
  skipped: number;
  currentType: string | null;
  errors: Array<{ uid: string; documentId: string; locale: string; message: string }>;
  finishedAt: string | null;
};

// The content manager names the glossary type by its display name, which the admin's translations may rename.
const GLOSSARY_TYPE = 'Glossary term (Chinese variants)';

/** Plugin page: configuration at a glance and the backfill button with its progress. */
const VariantsPage = () => {
  const { get, post } = useFetchClient();
  const { formatMessage } = useIntl();
  const [config, setConfig] = React.useState<any>(null);
  const [progress, setProgress] = React.useState<Progress | null>(null);
  const [error, setError] = React.useState<string | null>(null);

  const refresh = React.useCallback(async () => {
    try {
      const res: any = await get('/chinese-variants/backfill');
      setProgress(res.data.data);
    } catch (e: any) {
      setError(errorMessage(e, formatMessage(msg('error.progress'))));
    }
  }, [get, formatMessage]);

  React.useEffect(() => {
    get('/chinese-variants/config')
      .then((res: any) => setConfig(res.data.data))
      .catch((e: any) => setError(errorMessage(e, formatMessage(msg('error.config')))));
    refresh();
  }, []);

  React.useEffect(() => {
    if (!progress?.running) return undefined;
    const timer = setInterval(refresh, 1000);
    return () => clearInterval(timer);
  }, [progress?.running, refresh]);

  const start = async (dryRun: boolean) => {
    setError(null);
    try {
      const res: any = await post('/chinese-variants/backfill', { dryRun });
      setProgress(res.data.data);
    } catch (e: any) {
      setError(errorMessage(e, formatMessage(msg('error.start'))));
    }
  };

  const pct = progress && progress.total > 0 ? Math.round((progress.done / progress.total) * 100) : 0;
  return (
    <Main>
      <Layouts.Header title={formatMessage(msg('page.title'))} subtitle={formatMessage(msg('page.subtitle'))} />
      <Layouts.Content>
        <Flex direction="column" alignItems="stretch" gap={4}>
          {error && <Typography textColor="danger600">{error}</Typography>}
          {config && (
            <Box background="neutral0" padding={4} hasRadius shadow="tableShadow">
              <Typography variant="delta" tag="h2">
                {formatMessage(msg('page.config'))}
              </Typography>
              <Typography tag="p">{formatMessage(msg('page.sourceLocale'), { locale: config.sourceLocale })}</Typography>
              <Typography tag="p">
                {formatMessage(msg('page.targets'), {
                  targets: Object.entries(config.targets)
                    .map(([l, c]) => `${l} (${c})`)
                    .join(', '),
                })}
              </Typography>
              <Typography tag="p">{formatMessage(msg('page.contentTypes'), { types: config.contentTypes.join(', ') })}</Typography>
              <Typography tag="p" variant="pi">
                {formatMessage(msg('page.glossary'), { name: formatMessage({ id: GLOSSARY_TYPE, defaultMessage: GLOSSARY_TYPE }) })}
              </Typography>
            </Box>
          )}
          <Box background="neutral0" padding={4} hasRadius shadow="tableShadow">
            <Typography variant="delta" tag="h2">
              {formatMessage(msg('page.backfill'))}
            </Typography>
            <Typography tag="p" variant="pi">
              {formatMessage(msg('page.backfill.explain'))}
            </Typography>
            <Flex gap={2} paddingTop={3}>
              <Button onClick={() => start(false)} disabled={progress?.running} loading={progress?.running && !progress?.dryRun}>
                {formatMessage(msg('page.backfill.start'))}
              </Button>
              <Button variant="secondary" onClick={() => start(true)} disabled={progress?.running}>
                {formatMessage(msg('page.backfill.dryRun'))}
              </Button>
            </Flex>
            {progress && (progress.running || progress.finishedAt) && (
              <Box paddingTop={3}>
                <ProgressBar value={pct} />
                <Typography tag="p" variant="pi">
                  {progress.running
                    ? formatMessage(msg('page.progress.running'), { type: progress.currentType ?? '' })
                    : formatMessage(msg(progress.dryRun ? 'page.progress.dryRunDone' : 'page.progress.done'))}
                  {formatMessage(msg('page.progress.counts'), {
                    done: progress.done,
                    total: progress.total,
                    dryRun: String(progress.dryRun),
                    written: progress.written,
                    published: progress.published,
                    skipped: progress.skipped,
                    errors: progress.errors.length,
                  })}
                </Typography>
                {progress.errors.slice(0, 10).map((e) => (
                  <Typography key={`${e.uid}${e.documentId}${e.locale}`} tag="p" variant="pi" textColor="danger600">
                    {e.uid} {e.documentId} → {e.locale}：{e.message}
                  </Typography>
                ))}
              </Box>
            )}
          </Box>
        </Flex>
      </Layouts.Content>
    </Main>
  );
};

export default VariantsPage;
