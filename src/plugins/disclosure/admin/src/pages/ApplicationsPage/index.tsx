import * as React from 'react';
import { Box, Flex, Loader, SingleSelect, SingleSelectOption, Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { Layouts, Page, useFetchClient } from '@strapi/strapi/admin';
import { ApplicationGroup } from '../../components/applications/ApplicationGroup';
import { FeeCalculator } from '../../components/applications/FeeCalculator';
import { ImportSection } from '../../components/applications/ImportSection';
import { GROUPS, type OfficerView } from '../../components/applications/types';
import { useCodeName, useT } from '../../intl';

const LISTED_STATUSES = ['submitted', 'received', 'awaiting-correction', 'consulting', 'extended'];

/** The officer's daily view: open applications by due date, counts per organization, import and fees. */
const ApplicationsPage = () => {
  const { get } = useFetchClient();
  const t = useT();
  const name = useCodeName();
  const [organization, setOrganization] = React.useState('');
  const [status, setStatus] = React.useState('');
  const [view, setView] = React.useState<OfficerView | null>(null);
  const [organizations, setOrganizations] = React.useState<{ documentId: string; name: string }[]>([]);
  const [error, setError] = React.useState<string | null>(null);
  const [reload, setReload] = React.useState(0);
  const [notifications, setNotifications] = React.useState<boolean | null>(null);

  React.useEffect(() => {
    get('/disclosure/online/notifications')
      .then((res: any) => setNotifications(Boolean(res.data.data.enabled)))
      .catch(() => setNotifications(null));
  }, []);

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
      .catch(() => live && setError(t('applications.error')));
    return () => {
      live = false;
    };
  }, [organization, status, reload]);

  return (
    <Page.Main>
      <Page.Title>{t('menu.applications')}</Page.Title>
      <Layouts.Header title={t('menu.applications')} subtitle={view ? t('applications.subtitle', { today: view.today }) : undefined} />
      <Layouts.Content>
        <Flex gap={4} paddingBottom={4}>
          <SingleSelect
            aria-label={t('column.organization')}
            placeholder={t('applications.allOrganizations')}
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
            aria-label={t('column.status')}
            placeholder={t('applications.allStatuses')}
            value={status}
            onChange={(v: string | number) => setStatus(String(v))}
            onClear={() => setStatus('')}
          >
            {LISTED_STATUSES.map((s) => (
              <SingleSelectOption key={s} value={s}>
                {name(s)}
              </SingleSelectOption>
            ))}
          </SingleSelect>
        </Flex>
        {notifications === false ? (
          <Box paddingBottom={4}>
            <Typography textColor="warning600" data-testid="notifications-off">
              {t('online.notificationsOff')}
            </Typography>
          </Box>
        ) : null}
        {error ? <Typography textColor="danger600">{error}</Typography> : null}
        {!view && !error ? <Loader>{t('loading')}</Loader> : null}
        {view ? (
          <>
            <Box paddingBottom={6}>
              <Typography variant="delta" tag="h2">
                {t('applications.counts')}
              </Typography>
              <Table colCount={7} rowCount={view.counts.length + 1}>
                <Thead>
                  <Tr>
                    {(
                      [
                        'column.organization',
                        'applications.open',
                        'applications.submitted',
                        'group.overdue',
                        'group.dueSoon',
                        'group.onTime',
                        'applications.awaitingCorrection',
                      ] as const
                    ).map((key) => (
                      <Th key={key}>
                        <Typography variant="sigma">{t(key)}</Typography>
                      </Th>
                    ))}
                  </Tr>
                </Thead>
                <Tbody>
                  {view.counts.map((c) => (
                    <Tr key={c.organization?.documentId ?? 'none'}>
                      <Td>
                        <Typography>{c.organization?.name ?? t('applications.noOrganization')}</Typography>
                      </Td>
                      <Td>
                        <Typography>{c.total}</Typography>
                      </Td>
                      <Td>
                        <Typography textColor={c.submitted ? 'warning600' : undefined}>{c.submitted}</Typography>
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
              <ApplicationGroup
                key={g.key}
                title={t(`group.${g.key}`)}
                variant={g.variant}
                rows={view.groups[g.key]}
                submitted={g.key === 'submitted'}
                onChanged={() => setReload((n) => n + 1)}
              />
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
