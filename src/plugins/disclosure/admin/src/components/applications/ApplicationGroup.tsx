import * as React from 'react';
import { Badge, Box, Button, Flex, Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { Link } from 'react-router-dom';
import { DueDateExplanation } from './DueDateExplanation';
import { EventList } from './EventList';
import { EDIT_URL, STATUS_LABELS, type OfficerRow } from './types';

const REVIEW_KINDS: Record<string, string> = { review: '行政复议', lawsuitDirect: '行政诉讼', lawsuitAfterReview: '复议后起诉' };

const Row = ({ row }: { row: OfficerRow }) => {
  const [open, setOpen] = React.useState(false);
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
          <Typography>{STATUS_LABELS[row.applicationStatus] ?? row.applicationStatus}</Typography>
        </Td>
        <Td>
          <Typography>{row.receivedDate}</Typography>
        </Td>
        <Td>
          <Flex gap={1}>
            <Typography fontWeight="bold">{row.dueDate ?? '暂停计算'}</Typography>
            {row.provisional ? <Badge>暂定</Badge> : null}
          </Flex>
        </Td>
        <Td>
          <Flex gap={1}>
            {row.readyToClose ? <Badge>补正期已过，可按“逾期不补正”终止</Badge> : null}
            {row.reviewCases.length ? <Badge>复议/诉讼 {row.reviewCases.length}</Badge> : null}
            <Button variant="tertiary" size="S" onClick={() => setOpen(!open)}>
              {open ? '收起' : '期限说明'}
            </Button>
          </Flex>
        </Td>
      </Tr>
      {open ? (
        <Tr>
          <Td colSpan={6}>
            <Box padding={3} background="neutral100" hasRadius>
              {row.error ? <Typography textColor="danger600">{row.error}</Typography> : null}
              <Typography variant="sigma">期限计算</Typography>
              <DueDateExplanation steps={row.explanation} missingYears={row.missingCalendarYears} />
              {row.warnings.map((w) => (
                <Typography key={w.code} textColor="warning600" variant="omega" tag="p">
                  {w.zh}
                </Typography>
              ))}
              {row.reviewCases.length ? (
                <Box paddingTop={3}>
                  <Typography variant="sigma">复议和诉讼</Typography>
                  {row.reviewCases.map((c) => (
                    <Typography key={c.documentId} variant="omega" tag="p">
                      {REVIEW_KINDS[c.kind] ?? c.kind} {c.caseNumber ?? ''}（{c.filedDate}，{c.result}）
                    </Typography>
                  ))}
                </Box>
              ) : null}
              <Box paddingTop={3}>
                <Typography variant="sigma">办理过程</Typography>
                <EventList documentId={row.documentId} />
              </Box>
            </Box>
          </Td>
        </Tr>
      ) : null}
    </>
  );
};

export const ApplicationGroup = ({ title, rows, variant }: { title: string; rows: OfficerRow[]; variant: string }) => (
  <Box paddingBottom={6}>
    <Flex gap={2} paddingBottom={2}>
      <Typography variant="delta" tag="h2" textColor={variant === 'danger' ? 'danger600' : variant === 'warning' ? 'warning600' : undefined}>
        {title}
      </Typography>
      <Badge>{rows.length}</Badge>
    </Flex>
    {rows.length === 0 ? (
      <Typography variant="omega" textColor="neutral600">
        无
      </Typography>
    ) : (
      <Table colCount={6} rowCount={rows.length + 1}>
        <Thead>
          <Tr>
            <Th>
              <Typography variant="sigma">申请编号</Typography>
            </Th>
            <Th>
              <Typography variant="sigma">机关</Typography>
            </Th>
            <Th>
              <Typography variant="sigma">状态</Typography>
            </Th>
            <Th>
              <Typography variant="sigma">收到日期</Typography>
            </Th>
            <Th>
              <Typography variant="sigma">答复期限</Typography>
            </Th>
            <Th>
              <Typography variant="sigma"> </Typography>
            </Th>
          </Tr>
        </Thead>
        <Tbody>
          {rows.map((row) => (
            <Row key={row.documentId} row={row} />
          ))}
        </Tbody>
      </Table>
    )}
  </Box>
);
