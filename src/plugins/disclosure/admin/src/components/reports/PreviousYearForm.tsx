import * as React from 'react';
import { Box, Button, Field, Flex, NumberInput, Typography } from '@strapi/design-system';
import { useFetchClient } from '@strapi/strapi/admin';
import { APPLICANT_COLUMNS } from '../../../../server/src/core/annual-report/types';
import { errorText, useCodeName, useT } from '../../intl';

/**
 * Last year's published figures for a body new to the system, entered once: the row the carry-over rule
 * reads (四、结转下年度继续办理), the in-force counts (2021 format), or last year's report as exported (JSON).
 */
export const PreviousYearForm = ({ organization, year, onSaved }: { organization: string; year: number; onSaved: () => void }) => {
  const { get, put } = useFetchClient();
  const t = useT();
  const name = useCodeName();
  const columns = [...APPLICANT_COLUMNS, 'total'];
  const [values, setValues] = React.useState<Record<string, number | undefined>>({});
  const [note, setNote] = React.useState<string | null>(null);
  const previous = year - 1;
  const inForce = previous >= 2021;

  React.useEffect(() => {
    get(`/disclosure/annual-reports/previous-year?organization=${encodeURIComponent(organization)}&year=${previous}`).then(
      (res: any) => {
        const entered = res.data.data.entered?.tables;
        if (!entered) return setValues({});
        setValues({
          ...Object.fromEntries(columns.map((c) => [c, entered.applications?.carriedOut?.[c]])),
          regulations: entered.proactive?.regulations?.inForce,
          normativeDocuments: entered.proactive?.normativeDocuments?.inForce,
        });
      },
      () => setValues({}),
    );
  }, [organization, previous]);

  const save = async (body: Record<string, unknown>) => {
    try {
      await put('/disclosure/annual-reports/previous-year', { organization, year: previous, ...body });
      setNote(t('previous.saved', { year: previous }));
      onSaved();
    } catch (e) {
      setNote(errorText(e, t('error.request')));
    }
  };
  const submitForm = () =>
    save({
      tables: {
        applications: { carriedOut: Object.fromEntries(columns.map((c) => [c, values[c]])) },
        ...(inForce ? { proactive: { regulations: { inForce: values.regulations }, normativeDocuments: { inForce: values.normativeDocuments } } } : {}),
      },
    });
  const importFile = async (file: File | undefined) => {
    if (!file) return;
    try {
      await save({ report: JSON.parse(await file.text()) });
    } catch (e) {
      setNote(e instanceof SyntaxError ? t('previous.notJson') : errorText(e, t('error.request')));
    }
  };
  const input = (key: string, label: string) => (
    <Field.Root key={key} name={key}>
      <Field.Label>{label}</Field.Label>
      <NumberInput value={values[key]} onValueChange={(v: number | undefined) => setValues((s) => ({ ...s, [key]: v }))} />
    </Field.Root>
  );
  return (
    <Box data-previous-year-form>
      <Typography variant="delta" tag="h3">
        {t('previous.title', { year: previous })}
      </Typography>
      <Typography variant="pi" tag="p" textColor="neutral600">
        {t(inForce ? 'previous.explainInForce' : 'previous.explain')}
      </Typography>
      <Flex gap={2} paddingTop={2} wrap="wrap" alignItems="flex-end">
        {columns.map((c) => input(c, t('previous.carriedOut', { column: c === 'total' ? t('previous.total') : name(c) })))}
        {inForce ? input('regulations', t('previous.regulations')) : null}
        {inForce ? input('normativeDocuments', t('previous.normativeDocuments')) : null}
      </Flex>
      <Flex gap={2} paddingTop={2}>
        <Button size="S" onClick={submitForm}>
          {t('previous.save')}
        </Button>
        <label>
          <Typography variant="pi">{t('previous.import')}</Typography>
          <input type="file" accept="application/json,.json" onChange={(e) => importFile(e.target.files?.[0])} />
        </label>
      </Flex>
      {note ? (
        <Typography variant="pi" tag="p" role="status">
          {note}
        </Typography>
      ) : null}
    </Box>
  );
};
