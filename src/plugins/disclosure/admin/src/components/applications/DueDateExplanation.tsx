import { Box, Typography } from '@strapi/design-system';
import type { Step } from './types';
import { useBilingual, useT } from '../../intl';

/** The steps that make the due date: start, correction, consultations, holidays and make-up days, extension, result. */
export const DueDateExplanation = ({ steps, missingYears }: { steps: Step[]; missingYears?: number[] }) => {
  const t = useT();
  const pick = useBilingual();
  return (
    <Box>
      {missingYears && missingYears.length > 0 ? (
        <Box paddingBottom={2}>
          <Typography textColor="danger600" variant="omega">
            {t('due.missingYears', { years: missingYears.join(t('list.separator')) })}
          </Typography>
        </Box>
      ) : null}
      <ol style={{ margin: 0, paddingLeft: '1.5em' }}>
        {steps.map((s, i) => (
          <li key={i}>
            <Typography variant="omega">{pick(s)}</Typography>
          </li>
        ))}
      </ol>
    </Box>
  );
};
