import * as React from 'react';
import { Box, Button, Flex, Main, ProgressBar, Typography } from '@strapi/design-system';
import { Layouts, useFetchClient } from '@strapi/strapi/admin';
import { errorMessage } from '../components/labels';

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

/** Plugin page: configuration at a glance and the backfill button with its progress. */
const VariantsPage = () => {
  const { get, post } = useFetchClient();
  const [config, setConfig] = React.useState<any>(null);
  const [progress, setProgress] = React.useState<Progress | null>(null);
  const [error, setError] = React.useState<string | null>(null);

  const refresh = React.useCallback(async () => {
    try {
      const res: any = await get('/chinese-variants/backfill');
      setProgress(res.data.data);
    } catch (e: any) {
      setError(errorMessage(e, '无法读取回填进度'));
    }
  }, [get]);

  React.useEffect(() => {
    get('/chinese-variants/config')
      .then((res: any) => setConfig(res.data.data))
      .catch((e: any) => setError(errorMessage(e, '无法读取配置')));
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
      setError(errorMessage(e, '无法启动回填'));
    }
  };

  const pct = progress && progress.total > 0 ? Math.round((progress.done / progress.total) * 100) : 0;
  return (
    <Main>
      <Layouts.Header title="繁简转换" subtitle="简体内容自动生成繁体版本（opencc-js）" />
      <Layouts.Content>
        <Flex direction="column" alignItems="stretch" gap={4}>
          {error && <Typography textColor="danger600">{error}</Typography>}
          {config && (
            <Box background="neutral0" padding={4} hasRadius shadow="tableShadow">
              <Typography variant="delta" tag="h2">
                配置
              </Typography>
              <Typography tag="p">源语言：{config.sourceLocale}</Typography>
              <Typography tag="p">
                目标：
                {Object.entries(config.targets)
                  .map(([l, c]) => `${l}（${c}）`)
                  .join('、')}
              </Typography>
              <Typography tag="p">同步的内容类型：{config.contentTypes.join('、')}</Typography>
              <Typography tag="p" variant="pi">
                词表在内容管理器的 “Glossary term (Chinese variants)” 中维护，修改即时生效。
              </Typography>
            </Box>
          )}
          <Box background="neutral0" padding={4} hasRadius shadow="tableShadow">
            <Typography variant="delta" tag="h2">
              回填已有内容
            </Typography>
            <Typography tag="p" variant="pi">
              为尚无繁体版本的内容生成繁体版本；已是最新或人工修改过的版本会跳过，可重复执行。
            </Typography>
            <Flex gap={2} paddingTop={3}>
              <Button onClick={() => start(false)} disabled={progress?.running} loading={progress?.running && !progress?.dryRun}>
                开始回填
              </Button>
              <Button variant="secondary" onClick={() => start(true)} disabled={progress?.running}>
                试运行（不写入）
              </Button>
            </Flex>
            {progress && (progress.running || progress.finishedAt) && (
              <Box paddingTop={3}>
                <ProgressBar value={pct} />
                <Typography tag="p" variant="pi">
                  {progress.running ? `进行中：${progress.currentType ?? ''} ` : progress.dryRun ? '试运行完成：' : '已完成：'}
                  {progress.done}/{progress.total}，{progress.dryRun ? '将写入' : '写入'} {progress.written}，发布 {progress.published}，跳过 {progress.skipped}
                  ，错误 {progress.errors.length}
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
