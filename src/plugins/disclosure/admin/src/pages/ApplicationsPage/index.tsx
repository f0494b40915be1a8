import * as React from 'react';
import { Box, Flex, Loader, SingleSelect, SingleSelectOption, Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { Layouts, Page, useFetchClient } from '@strapi/strapi/admin';
import { ApplicationGroup } from '../../components/applications/ApplicationGroup';
import { FeeCalculator } from '../../components/applications/FeeCalculator';
import { ImportSection } from '../../components/applications/ImportSection';
import { GROUPS, STATUS_LABELS, type OfficerView } from '../../components/applications/types';

const OPEN_STATUSES = ['received', 'awaiting-correction', 'consulting', 'extended'];

/** The officer's daily view: open applications by due date, counts per organization, import and fees. */
const ApplicationsPage = () => {
  const { get } = useFetchClient();
  const [organization, setOrganization] = React.useState('');
  const [status, setStatus] = React.useState('');
  const [view, setView] = React.useState<OfficerView | null>(null);
  const [organizations, setOrganizations] = React.useState<{ documentId: string; name: string }[]>([]);
  const [error, setError] = React.useState<string | null>(null);
  const [reload, setReload] = React.useState(0);

  React.useEffect(() => {
    let live = true;
    const params = new URLSearchParams();
    if (organization) params.set('organization', organization);
    if (status) params.set('status', status);
    get(`/disclosure/applications/officer-view?${params.toString()}`)
      .then((res: any) => {
        if (!live) return;
        const data: OfficerView = res.data.data;
        setView(data);
        if (!organization && !status) {
          setOrganizations(data.counts.filter((c) => c.organization).map((c) => ({ documentId: c.organization!.documentId, name: c.organization!.name })));
        }
      })
      .catch(() => live && setError('无法读取申请列表'));
    return () => {
      live = false;
    };
  }, [organization, status, reload]);

  return (
    <Page.Main>
      <Page.Title>依申请公开</Page.Title>
      <Layouts.Header title="依申请公开" subtitle={view ? `未办结的申请，按答复期限排列（今天：${view.today}）` : undefined} />
      <Layouts.Content>
        <Flex gap={4} paddingBottom={4}>
          <SingleSelect
            aria-label="机关"
            placeholder="全部机关"
            value={organization}
            onChange={(v: string | number) => setOrganization(String(v))}
            onClear={() => setOrganization('')}
          >
            {organizations.map((o) => (
              <SingleSelectOption key={o.documentId} value={o.documentId}>
                {o.name}
              </SingleSelectOption>
            ))}
          </SingleSelect>
          <SingleSelect
            aria-label="状态"
            placeholder="全部状态"
            value={status}
            onChange={(v: string | number) => setStatus(String(v))}
            onClear={() => setStatus('')}
          >
            {OPEN_STATUSES.map((s) => (
              <SingleSelectOption key={s} value={s}>
                {STATUS_LABELS[s]}
              </SingleSelectOption>
            ))}
          </SingleSelect>
        </Flex>
        {error ? <Typography textColor="danger600">{error}</Typography> : null}
        {!view && !error ? <Loader>读取中</Loader> : null}
        {view ? (
          <>
            <Box paddingBottom={6}>
              <Typography variant="delta" tag="h2">
                各机关统计
              </Typography>
              <Table colCount={6} rowCount={view.counts.length + 1}>
                <Thead>
                  <Tr>
                    <Th>
                      <Typography variant="sigma">机关</Typography>
                    </Th>
                    <Th>
                      <Typography variant="sigma">未办结</Typography>
                    </Th>
                    <Th>
                      <Typography variant="sigma">已超期</Typography>
                    </Th>
                    <Th>
                      <Typography variant="sigma">3个工作日内到期</Typography>
                    </Th>
                    <Th>
                      <Typography variant="sigma">期限内</Typography>
                    </Th>
                    <Th>
                      <Typography variant="sigma">待补正</Typography>
                    </Th>
                  </Tr>
                </Thead>
                <Tbody>
                  {view.counts.map((c) => (
                    <Tr key={c.organization?.documentId ?? 'none'}>
                      <Td>
                        <Typography>{c.organization?.name ?? '（未指定机关）'}</Typography>
                      </Td>
                      <Td>
                        <Typography>{c.total}</Typography>
                      </Td>
                      <Td>
                        <Typography textColor={c.overdue ? 'danger600' : undefined}>{c.overdue}</Typography>
                      </Td>
                      <Td>
                        <Typography>{c.dueSoon}</Typography>
                      </Td>
                      <Td>
                        <Typography>{c.onTime}</Typography>
                      </Td>
                      <Td>
                        <Typography>{c.awaitingCorrection}</Typography>
                      </Td>
                    </Tr>
                  ))}
                </Tbody>
              </Table>
            </Box>
            {GROUPS.map((g) => (
              <ApplicationGroup key={g.key} title={g.title} variant={g.variant} rows={view.groups[g.key]} />
            ))}
          </>
        ) : null}
        <Flex direction="column" alignItems="stretch" gap={4} paddingTop={4}>
          <ImportSection onImported={() => setReload((n) => n + 1)} />
          <FeeCalculator />
        </Flex>
      </Layouts.Content>
    </Page.Main>
  );
};

export default ApplicationsPage;
