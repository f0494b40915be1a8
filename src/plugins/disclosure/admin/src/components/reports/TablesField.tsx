import * as React from 'react';
import { Box, Field, Typography } from '@strapi/design-system';
import { useFetchClient, useForm } from '@strapi/strapi/admin';
import { ReportTables } from './ReportTables';
import { detectFormatVersion, type Failure, type Layout, type Tables } from './types';

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
 * of raw JSON. The server validates on save (and refuses publishing on errors); the stored result
 * is shown under the report's `validation` field.
 */
const TablesField = React.forwardRef<HTMLDivElement, Props>(({ name, value, onChange, label, hint, error, disabled, required }, ref) => {
  const { get } = useFetchClient();
  const tables = (value && typeof value === 'object' ? value : null) as Tables | null;
  const version = detectFormatVersion(tables) ?? '2021';
  const [layout, setLayout] = React.useState<Layout | null>(null);
  // The validation stored on the last save: failing cells are highlighted until the next save.
  const stored = useForm('TablesField', (s: any) => s.values?.validation, false) as { failures?: Failure[] } | undefined;
  const failures = Array.isArray(stored?.failures) ? stored!.failures! : [];
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
      <Box ref={ref}>
        <Field.Label>{label ?? name}</Field.Label>
        {tables === null ? (
          <Typography variant="pi" textColor="neutral600" tag="p">
            尚无表格：请在“年度报告”页面生成草稿。 / No tables yet: generate the draft on the 年度报告 page.
          </Typography>
        ) : layout ? (
          <ReportTables layout={layout} tables={tables} failures={failures} onChange={(next) => onChange(name, next)} disabled={disabled} />
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
