import * as React from 'react';
import { Badge, Box, Button, Flex, Loader, Typography } from '@strapi/design-system';
import { useFetchClient } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import type { ReviewItem } from '../../../server/src/services/review';
import { errorMessage, msg } from './labels';

const SHOWN = 20;

/**
 * The ambiguity review of one target locale: each place where the conversion chose a character's
 * form with no word to decide it, in its context, with the forms to choose from. A choice becomes a
 * term of this document's glossary (server side) and the list is read again.
 */
export const Ambiguities = ({
  uid,
  documentId,
  locale,
  version,
  labels,
  onChange,
}: {
  uid: string;
  documentId: string;
  locale: string;
  version: unknown;
  labels: Record<string, string>;
  onChange: () => void;
}) => {
  const { get, post } = useFetchClient();
  const { formatMessage } = useIntl();
  const [data, setData] = React.useState<{ count: number; items: ReviewItem[] } | null>(null);
  const [error, setError] = React.useState<string | null>(null);
  const [busy, setBusy] = React.useState<string | null>(null);
  const [saved, setSaved] = React.useState<string | null>(null);

  React.useEffect(() => {
    let live = true;
    get('/chinese-variants/ambiguities', { params: { uid, documentId, locale } })
      .then((res: any) => live && (setData(res.data.data), setError(null)))
      .catch((e: any) => live && setError(errorMessage(e, formatMessage(msg('review.error')))));
    return () => {
      live = false;
    };
  }, [uid, documentId, locale, version]);

  const choose = async (item: ReviewItem, choice: string) => {
    setBusy(`${item.field}:${item.index}:${choice}`);
    try {
      const res: any = await post('/chinese-variants/ambiguities', { uid, documentId, locale, field: item.field, index: item.index, choice });
      const { count, items, term, replacement } = res.data.data;
      setData({ count, items });
      setSaved(formatMessage(msg('review.saved'), { term, replacement }));
      setError(null);
      onChange();
    } catch (e: any) {
      setError(errorMessage(e, formatMessage(msg('review.error'))));
    } finally {
      setBusy(null);
    }
  };

  if (error) return <Typography textColor="danger600">{error}</Typography>;
  if (!data) return <Loader small>{formatMessage(msg('panel.loading'))}</Loader>;
  return (
    <Box data-ambiguities>
      <Flex justifyContent="space-between" gap={2}>
        <Typography variant="sigma">{formatMessage(msg('review.title'), { count: data.count })}</Typography>
        <Badge backgroundColor={data.count > 0 ? 'warning100' : 'success100'} textColor={data.count > 0 ? 'warning700' : 'success700'}>
          {data.count}
        </Badge>
      </Flex>
      {saved && (
        <Typography variant="pi" tag="p" textColor="success600">
          {saved}
        </Typography>
      )}
      {data.count === 0 ? (
        <Typography variant="pi" tag="p" textColor="neutral600">
          {formatMessage(msg('review.none'))}
        </Typography>
      ) : (
        <>
          <Typography variant="pi" tag="p" textColor="neutral600">
            {formatMessage(msg('review.explain'))}
          </Typography>
          {data.items.slice(0, SHOWN).map((item) => (
            <Box key={`${item.field}:${item.index}`} background="neutral100" padding={2} marginTop={2} hasRadius data-ambiguity={item.source}>
              <Typography variant="pi" fontWeight="bold">
                {labels[item.field] ?? item.field}
              </Typography>
              <Typography tag="p" variant="pi">
                …{item.before}
                <mark style={{ background: '#fdf4dc', fontWeight: 'bold', padding: '0 2px' }}>{item.source}</mark>
                {item.after}…
              </Typography>
              <Flex gap={1} paddingTop={1} wrap="wrap">
                {item.candidates.map((form, k) => (
                  <Button
                    key={form}
                    size="S"
                    variant={k === 0 ? 'secondary' : 'tertiary'}
                    loading={busy === `${item.field}:${item.index}:${form}`}
                    disabled={busy !== null}
                    onClick={() => choose(item, form)}
                  >
                    {formatMessage(msg('review.choose'), { form })}
                    {item.examples[k] ? formatMessage(msg('review.example'), { word: item.examples[k] }) : ''}
                    {k === 0 ? `（${formatMessage(msg('review.current'))}）` : ''}
                  </Button>
                ))}
              </Flex>
            </Box>
          ))}
          {data.count > SHOWN && (
            <Typography variant="pi" tag="p" textColor="neutral600">
              {formatMessage(msg('review.more'), { count: data.count - SHOWN })}
            </Typography>
          )}
        </>
      )}
    </Box>
  );
};
