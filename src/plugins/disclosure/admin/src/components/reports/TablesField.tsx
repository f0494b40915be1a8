import * as React from 'react';
import { Box, Field, Typography } from '@strapi/design-system';
import { useFetchClient, useForm } from '@strapi/strapi/admin';
import { useParams } from 'react-router-dom';
import { useT } from '../../intl';
import { FailureList, ReportTables } from './ReportTables';
import { detectFormatVersion, type Failure, type Layout, type Tables } from './types';
import { useLiveFailures } from './useLiveFailures';

interface Props {
  name: string;
  value?: unknown;
  onChange: (name: string, value: unknown) => void;
  label?: string;
  hint?: string;
  error?: string;
  disabled?: boolean;
  required?: boolean;
}

/**
 * The content manager's input for annual-report `tables`: the national tables to type into instead
 * of raw JSON. Every edit is checked by the server's rules (the check publishing applies): failing
 * cells are highlighted and the failing rules listed next to the tables, in a polite live region.
 */
const TablesField = React.forwardRef<HTMLDivElement, Props>(({ name, value, onChange, label, hint, error, disabled, required }, ref) => {
  const { get } = useFetchClient();
  const t = useT();
  // The content manager's label defaults to the attribute name ("tables") until someone sets one in
  // "Configure the view"; the field's own name is the better default, a configured label still wins.
  // (The plugin registers no translations, so the message's default is what react-intl would give.)
  const shownLabel = !label || label === name.split('.').pop() ? t('report-tables.label') : label;
  const { id } = useParams<{ id?: string }>();
  const documentId = id && id !== 'create' ? id : undefined;
  const tables = (value && typeof value === 'object' ? value : null) as Tables | null;
  const version = detectFormatVersion(tables) ?? '2021';
  const [layout, setLayout] = React.useState<Layout | null>(null);
  // The validation stored on the last save, shown until the first live check answers.
  const stored = useForm('TablesField', (s: any) => s.values?.validation, false) as { failures?: Failure[] } | undefined;
  const storedFailures = React.useMemo(() => (Array.isArray(stored?.failures) ? stored!.failures! : []), [stored]);
  const { failures, state, problem } = useLiveFailures({ tables, formatVersion: version, documentId, stored: storedFailures });
  const listId = `${name}-failures`;
  const errorCount = failures.filter((f) => f.severity === 'error').length;

  React.useEffect(() => {
    let live = true;
    get(`/disclosure/annual-reports/layout?formatVersion=${version}`).then(
      (res: any) => live && setLayout(res.data.data),
      () => live && setLayout(null),
    );
    return () => {
      live = false;
    };
  }, [version]);

  return (
    <Field.Root name={name} error={error} hint={hint} required={required}>
      <Box ref={ref} data-report-tables={name}>
        <Field.Label>{shownLabel}</Field.Label>
        {tables === null ? (
          <Typography variant="pi" textColor="neutral600" tag="p">
            {t('tables.none')}
          </Typography>
        ) : layout ? (
          <>
            {/* aria-busy while a check is under way, so that screen readers announce only its answer. */}
            <Box role="status" aria-live="polite" aria-busy={state === 'checking'} aria-label={t('tables.checks')} paddingBottom={4} data-live-check={state}>
              <Typography variant="sigma" tag="p">
                {t('tables.checkResult', { errors: errorCount, warnings: failures.length - errorCount })}
                {state === 'stored' ? t('tables.lastSaved') : ''}
              </Typography>
              {state === 'unavailable' ? (
                <Typography variant="pi" textColor="warning600" tag="p">
                  {t('tables.unavailable', { problem: problem ?? '' })}
                </Typography>
              ) : null}
              <FailureList failures={failures} idPrefix={listId} />
            </Box>
            <ReportTables
              layout={layout}
              tables={tables}
              failures={failures}
              failureIdPrefix={listId}
              onChange={(next) => onChange(name, next)}
              disabled={disabled}
            />
          </>
        ) : (
          <Typography variant="pi">…</Typography>
        )}
        <Field.Hint />
        <Field.Error />
      </Box>
    </Field.Root>
  );
});

export default TablesField;
