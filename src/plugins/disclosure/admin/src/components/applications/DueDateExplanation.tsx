import { Box, Typography } from '@strapi/design-system';
import type { Step } from './types';

/** The steps that make the due date: start, correction, consultations, holidays and make-up days, extension, result. */
export const DueDateExplanation = ({ steps, missingYears }: { steps: Step[]; missingYears?: number[] }) => (
  <Box>
    {missingYears && missingYears.length > 0 ? (
      <Box paddingBottom={2}>
        <Typography textColor="danger600" variant="omega">
          暂定期限：{missingYears.join('、')}年的节假日安排尚未录入，请在“年度日历”和“工作日调整”中补充。
        </Typography>
      </Box>
    ) : null}
    <ol style={{ margin: 0, paddingLeft: '1.5em' }}>
      {steps.map((s, i) => (
        <li key={i}>
          <Typography variant="omega">{s.zh}</Typography>
        </li>
      ))}
    </ol>
  </Box>
);
