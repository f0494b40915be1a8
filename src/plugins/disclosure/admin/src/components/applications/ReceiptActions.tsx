import * as React from 'react';
import { Button, Dialog, Field, Flex, Textarea, Typography } from '@strapi/design-system';
import { useFetchClient } from '@strapi/strapi/admin';
import { errorText, useT } from '../../intl';

/**
 * 签收 an online submission (Art. 31(3): received today, the legal clock starts) or close it as not an
 * application (spam, 信访 through the form: never in Table 3), with the reason the applicant will read.
 */
export const ReceiptActions = ({ documentId, onDone }: { documentId: string; onDone: () => void }) => {
  const { post } = useFetchClient();
  const t = useT();
  const [busy, setBusy] = React.useState(false);
  const [error, setError] = React.useState<string | null>(null);
  const [dismissing, setDismissing] = React.useState(false);
  const [reason, setReason] = React.useState('');
  const run = async (path: string, body: object = {}) => {
    setBusy(true);
    setError(null);
    try {
      await post(`/disclosure/applications/${documentId}/${path}`, body);
      setDismissing(false);
      onDone();
    } catch (e) {
      setError(errorText(e, t('error.request')));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Flex direction="column" alignItems="flex-start" gap={1}>
      <Flex gap={2}>
        <Button size="S" onClick={() => run('confirm-receipt')} loading={busy} data-testid="confirm-receipt">
          {t('online.confirm')}
        </Button>
        <Button size="S" variant="danger-light" onClick={() => setDismissing(true)} disabled={busy} data-testid="dismiss-submission">
          {t('online.dismiss')}
        </Button>
      </Flex>
      {error ? (
        <Typography textColor="danger600" variant="pi">
          {error}
        </Typography>
      ) : null}
      <Dialog.Root open={dismissing} onOpenChange={(open: boolean) => setDismissing(open)}>
        <Dialog.Content>
          <Dialog.Header>{t('online.dismissTitle')}</Dialog.Header>
          <Dialog.Body>
            <Field.Root name="reason" hint={t('online.dismissHint')} width="100%">
              <Field.Label>{t('online.dismissReason')}</Field.Label>
              <Textarea value={reason} onChange={(e: React.ChangeEvent<HTMLTextAreaElement>) => setReason(e.target.value)} data-testid="dismiss-reason" />
              <Field.Hint />
            </Field.Root>
          </Dialog.Body>
          <Dialog.Footer>
            <Dialog.Cancel>
              <Button variant="tertiary">{t('action.cancel')}</Button>
            </Dialog.Cancel>
            <Button variant="danger" onClick={() => run('dismiss', { reason })} disabled={!reason.trim()} loading={busy} data-testid="dismiss-confirm">
              {t('online.dismiss')}
            </Button>
          </Dialog.Footer>
        </Dialog.Content>
      </Dialog.Root>
    </Flex>
  );
};
