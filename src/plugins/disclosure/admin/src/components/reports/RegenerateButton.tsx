import * as React from 'react';
import { Box, Button, Dialog, Flex, Typography } from '@strapi/design-system';
import { useFetchClient } from '@strapi/strapi/admin';
import type { SectionChange } from '../../../../server/src/core/annual-report';
// the pure modules themselves: the package's index also exports the document writers (server only)
import { cellPathPlace } from '../../../../server/src/core/annual-report/failure-messages';
import { formatVersionForYear, getFormat } from '../../../../server/src/core/annual-report/format';
import { errorText, useBilingual, useT } from '../../intl';

interface DryRun {
  changes: {
    cells: { cell: string; before: number | null; after: number | null }[];
    sentences: SectionChange[];
    keptSentences: { section: string; text: string }[];
    processingFeeYuan: null | { before: number | null; after: number | null };
  };
}

const shown = (n: number | null) => (n === null ? '—' : String(n));

/**
 * Generates the report of an organization-year. When a draft exists, it first asks the server what
 * would change (a dry run) and shows it for confirmation: the cells, the generated sentences before and
 * after, the hand-written sentences kept, and that the current version can be restored.
 */
export const RegenerateButton = ({
  organization,
  year,
  exists,
  onDone,
  variant = 'secondary',
  label,
}: {
  organization: string;
  year: number;
  exists: boolean;
  onDone: (message: string, result?: any) => void;
  variant?: 'default' | 'secondary';
  label?: string;
}) => {
  const { post } = useFetchClient();
  const t = useT();
  const pick = useBilingual();
  const failed = (e: unknown) => errorText(e, t('error.request'));
  // cells are named by their table, row and column, as the printed tables name them
  const cellName = (cell: string) => pick(cellPathPlace(getFormat(formatVersionForYear(year)), cell));
  const [dryRun, setDryRun] = React.useState<DryRun | null>(null);
  const [busy, setBusy] = React.useState(false);

  const generate = async () => {
    setDryRun(null);
    setBusy(true);
    try {
      const res: any = await post('/disclosure/annual-reports/generate', { organization, year });
      const out = res.data.data;
      onDone(t(out.created ? 'regenerate.created' : 'regenerate.updated', { errors: out.validation.errors, warnings: out.validation.warnings }), out);
    } catch (e) {
      onDone(failed(e));
    } finally {
      setBusy(false);
    }
  };
  const start = async () => {
    if (!exists) return generate();
    setBusy(true);
    try {
      const res: any = await post('/disclosure/annual-reports/generate', { organization, year, dryRun: true });
      setDryRun(res.data.data);
    } catch (e) {
      onDone(failed(e));
    } finally {
      setBusy(false);
    }
  };
  const changes = dryRun?.changes;
  return (
    <>
      <Button size="S" variant={variant} onClick={start} loading={busy} disabled={!organization}>
        {label ?? t(exists ? 'regenerate.update' : 'regenerate.generate')}
      </Button>
      <Dialog.Root open={Boolean(dryRun)} onOpenChange={(open: boolean) => !open && setDryRun(null)}>
        <Dialog.Content>
          <Dialog.Header>{t('regenerate.confirmTitle')}</Dialog.Header>
          <Dialog.Body>
            {changes ? (
              <Flex direction="column" alignItems="stretch" gap={2} data-regenerate-preview>
                <Typography>
                  {t('regenerate.summary', { cells: changes.cells.length, sentences: changes.sentences.length, kept: changes.keptSentences.length })}
                </Typography>
                {changes.processingFeeYuan ? (
                  <Typography variant="pi">
                    {t('regenerate.fee', { before: shown(changes.processingFeeYuan.before), after: shown(changes.processingFeeYuan.after) })}
                  </Typography>
                ) : null}
                {changes.cells.slice(0, 12).map((c) => (
                  <Typography key={c.cell} variant="pi">
                    {t('regenerate.cell', { cell: cellName(c.cell), before: shown(c.before), after: shown(c.after) })}
                  </Typography>
                ))}
                {changes.cells.length > 12 ? <Typography variant="pi">{t('regenerate.more', { n: changes.cells.length - 12 })}</Typography> : null}
                {changes.sentences.map((c, i) => (
                  <Box key={i}>
                    <Typography variant="pi" textColor="danger600" tag="p">
                      − {c.before || t('regenerate.empty')}
                    </Typography>
                    <Typography variant="pi" textColor="success600" tag="p">
                      + {c.after || t('regenerate.removed')}
                    </Typography>
                  </Box>
                ))}
              </Flex>
            ) : null}
          </Dialog.Body>
          <Dialog.Footer>
            <Dialog.Cancel>
              <Button variant="tertiary">{t('action.cancel')}</Button>
            </Dialog.Cancel>
            <Dialog.Action>
              <Button onClick={generate}>{t('regenerate.confirm')}</Button>
            </Dialog.Action>
          </Dialog.Footer>
        </Dialog.Content>
      </Dialog.Root>
    </>
  );
};
