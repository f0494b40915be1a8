/**
 * Home: the notices waiting to be published — drafts never published, and published ones edited since —
 * newest first, each a link to its edit view. Counted by the content manager's own list filters, so the
 * widget sees what the user may read and nothing more.
 */
import * as React from 'react';
import { Box, Flex, Link, Loader, Typography } from '@strapi/design-system';
import { useFetchClient } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';

const NOTICE = 'api::notice.notice';
const LIST = `/content-manager/collection-types/${NOTICE}`;

type Page = { results: { documentId: string; title: string | null; updatedAt: string }[]; pagination: { total: number } };

export const DraftsWidget = () => {
  const { get } = useFetchClient();
  const { formatMessage } = useIntl();
  const [pages, setPages] = React.useState<{ never: Page; modified: Page } | null>(null);
  const [error, setError] = React.useState<string | null>(null);
  React.useEffect(() => {
    const common = 'locale=zh-Hans&page=1&pageSize=5&sort=updatedAt:DESC';
    Promise.all([get(`${LIST}?${common}&hasPublishedVersion=false`), get(`${LIST}?${common}&publicationStatusFilter=published-modified`)]).then(
      ([never, modified]: any[]) => setPages({ never: never.data, modified: modified.data }),
      (e: any) => setError(e?.response?.data?.error?.message ?? e?.message ?? 'error'),
    );
  }, []);
  if (error) return <Typography textColor="danger600">{error}</Typography>;
  if (!pages) return <Loader small>{formatMessage({ id: 'gongkai.loading', defaultMessage: '读取中' })}</Loader>;
  const rows = [...pages.never.results.map((r) => ({ ...r, modified: false })), ...pages.modified.results.map((r) => ({ ...r, modified: true }))]
    .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))
    .slice(0, 5);
  return (
    <Flex direction="column" alignItems="stretch" gap={2} data-widget="drafts">
      <Typography>
        {formatMessage(
          { id: 'gongkai.widget.drafts.summary', defaultMessage: '从未发布的草稿 {never} 条，发布后又修改未发布的 {modified} 条' },
          { never: pages.never.pagination.total, modified: pages.modified.pagination.total },
        )}
      </Typography>
      {rows.map((r) => (
        <Box key={r.documentId}>
          <Link href={`/admin/content-manager/collection-types/${NOTICE}/${r.documentId}?plugins[i18n][locale]=zh-Hans`}>{r.title || r.documentId}</Link>
          <Typography variant="pi" textColor="neutral600">
            {' '}
            ·{' '}
            {formatMessage(
              r.modified
                ? { id: 'gongkai.widget.drafts.modified', defaultMessage: '已发布，有修改' }
                : { id: 'gongkai.widget.drafts.never', defaultMessage: '草稿' },
            )}{' '}
            · {r.updatedAt.slice(0, 10)}
          </Typography>
        </Box>
      ))}
      <Link href={`/admin/content-manager/collection-types/${NOTICE}?plugins[i18n][locale]=zh-Hans`}>
        {formatMessage({ id: 'gongkai.widget.drafts.open', defaultMessage: '打开主动公开信息' })}
      </Link>
    </Flex>
  );
};
