import * as React from 'react';
import { Badge, Box, Button, Flex, Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { Link } from 'react-router-dom';
import { DueDateExplanation } from './DueDateExplanation';
import { EventList } from './EventList';
import { ReceiptActions } from './ReceiptActions';
import { EDIT_URL, type OfficerRow } from './types';
import { useBilingual, useCodeName, useT } from '../../intl';

const Row = ({ row, onChanged }: { row: OfficerRow; onChanged: () => void }) => {
  const [open, setOpen] = React.useState(false);
  const t = useT();
  const name = useCodeName();
  const pick = useBilingual();
  return (
    <>
      <Tr>
        <Td>
          <Link to={EDIT_URL(row.documentId)}>
            <Typography fontWeight="bold">{row.trackingNumber ?? row.documentId}</Typography>
          </Link>
        </Td>
        <Td>
          <Typography>{row.organization?.name ?? '—'}</Typography>
        </Td>
        <Td>
          <Typography>{name(row.applicationStatus)}</Typography>
        </Td>
        <Td>
          <Typography>
            {row.receivedDate ?? (row.submittedAt ? new Date(row.submittedAt).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai' }) : '—')}
          </Typography>
        </Td>
        <Td>
          {row.applicationStatus === 'submitted' ? (
            <ReceiptActions documentId={row.documentId} onDone={onChanged} />
          ) : (
            <Flex gap={1}>
              <Typography fontWeight="bold">{row.dueDate ?? t('due.paused')}</Typography>
              {row.provisional ? <Badge>{t('due.provisional')}</Badge> : null}
            </Flex>
          )}
        </Td>
        <Td>
          <Flex gap={1}>
            {row.readyToClose ? <Badge>{t('application.readyToClose')}</Badge> : null}
            {row.reviewCases.length ? <Badge>{t('application.reviewCases', { n: row.reviewCases.length })}</Badge> : null}
            <Button variant="tertiary" size="S" onClick={() => setOpen(!open)}>
              {t(open ? 'action.collapse' : 'due.explain')}
            </Button>
          </Flex>
        </Td>
      </Tr>
      {open ? (
        <Tr>
          <Td colSpan={6}>
            <Box padding={3} background="neutral100" hasRadius>
              {row.error ? <Typography textColor="danger600">{row.error}</Typography> : null}
              <Typography variant="sigma">{t('due.computation')}</Typography>
              <DueDateExplanation steps={row.explanation} missingYears={row.missingCalendarYears} />
              {row.warnings.map((w) => (
                <Typography key={w.code} textColor="warning600" variant="omega" tag="p">
                  {pick(w)}
                </Typography>
              ))}
              {row.reviewCases.length ? (
                <Box paddingTop={3}>
                  <Typography variant="sigma">{t('application.reviewsAndLawsuits')}</Typography>
                  {row.reviewCases.map((c) => (
                    <Typography key={c.documentId} variant="omega" tag="p">
                      {t('application.reviewCase', { kind: name(c.kind), number: c.caseNumber ?? '', filed: c.filedDate, result: name(c.result) })}
                    </Typography>
                  ))}
                </Box>
              ) : null}
              <Box paddingTop={3}>
                <Typography variant="sigma">{t('application.events')}</Typography>
                <EventList documentId={row.documentId} />
              </Box>
            </Box>
          </Td>
        </Tr>
      ) : null}
    </>
  );
};

export const ApplicationGroup = ({
  title,
  rows,
  variant,
  submitted = false,
  onChanged,
}: {
  title: string;
  rows: OfficerRow[];
  variant: string;
  /** online submissions: submitted when, and the 签收 actions instead of a due date */
  submitted?: boolean;
  onChanged: () => void;
}) => {
  const t = useT();
  return (
    <Box paddingBottom={6}>
      <Flex gap={2} paddingBottom={2}>
        <Typography variant="delta" tag="h2" textColor={variant === 'danger' ? 'danger600' : variant === 'warning' ? 'warning600' : undefined}>
          {title}
        </Typography>
        <Badge>{rows.length}</Badge>
      </Flex>
      {submitted && rows.length ? (
        <Typography variant="pi" tag="p" textColor="neutral600">
          {t('online.confirmHint')}
        </Typography>
      ) : null}
      {rows.length === 0 ? (
        <Typography variant="omega" textColor="neutral600">
          {t('none')}
        </Typography>
      ) : (
        <Table colCount={6} rowCount={rows.length + 1}>
          <Thead>
            <Tr>
              {(
                ['column.trackingNumber', 'column.organization', 'column.status', submitted ? 'column.submitted' : 'column.received', 'column.due'] as const
              ).map((key) => (
                <Th key={key}>
                  <Typography variant="sigma">{t(key)}</Typography>
                </Th>
              ))}
              <Th>
                <Typography variant="sigma"> </Typography>
              </Th>
            </Tr>
          </Thead>
          <Tbody>
            {rows.map((row) => (
              <Row key={row.documentId} row={row} onChanged={onChanged} />
            ))}
          </Tbody>
        </Table>
      )}
    </Box>
  );
};
