import * as React from 'react';
import { Box, Button, Flex, Typography } from '@strapi/design-system';
import { useFetchClient } from '@strapi/strapi/admin';
import { errorText, useT } from '../../intl';

interface StoredFile {
  id: number;
  purpose: 'applicant' | 'correction' | 'reply';
  name: string;
  mime: string;
  size: number;
  createdAt: string;
}

/**
 * 申请文件: the applicant's attachment and correction files, and the office's reply documents, which the
 * applicant downloads from the lookup page. Stored privately in the database; read here with the officer's rights.
 */
export const ApplicationFiles = ({ documentId }: { documentId: string }) => {
  const { get, post } = useFetchClient();
  const t = useT();
  const [files, setFiles] = React.useState<StoredFile[] | null>(null);
  const [error, setError] = React.useState<string | null>(null);
  const [busy, setBusy] = React.useState(false);
  const input = React.useRef<HTMLInputElement>(null);
  const load = React.useCallback(() => {
    get(`/disclosure/applications/${documentId}/files`)
      .then((res: any) => setFiles(res.data.data))
      .catch((e: any) => setError(errorText(e, t('error.read'))));
  }, [documentId]);
  React.useEffect(load, [load]);

  const download = async (file: StoredFile) => {
    const res: any = await get(`/disclosure/applications/${documentId}/files/${file.id}`, { responseType: 'blob' });
    const url = URL.createObjectURL(res.data);
    const link = document.createElement('a');
    link.href = url;
    link.download = file.name;
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  };
  const upload = async () => {
    const file = input.current?.files?.[0];
    if (!file) return;
    const form = new FormData();
    form.append('file', file);
    setBusy(true);
    setError(null);
    try {
      await post(`/disclosure/applications/${documentId}/files`, form);
      if (input.current) input.current.value = '';
      load();
    } catch (e) {
      setError(errorText(e, t('error.request')));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Box paddingTop={3}>
      <Typography variant="sigma">{t('online.files')}</Typography>
      {files && files.length === 0 ? (
        <Typography variant="pi" tag="p" textColor="neutral600">
          {t('none')}
        </Typography>
      ) : null}
      {(files ?? []).map((f) => (
        <Flex key={f.id} gap={2} paddingTop={1} data-testid="application-file">
          <Typography variant="pi">
            {t(`online.purpose.${f.purpose}`)}：{f.name}（{Math.max(1, Math.round(f.size / 1024))} KB）
          </Typography>
          <Box shrink={0}>
            <Button size="S" variant="tertiary" onClick={() => download(f)}>
              {t('online.download')}
            </Button>
          </Box>
        </Flex>
      ))}
      <Flex gap={2} paddingTop={2} wrap="wrap">
        <input ref={input} type="file" accept=".pdf,.jpg,.jpeg,.png,.docx" aria-label={t('online.replyFile')} data-testid="reply-file" />
        <Button size="S" variant="secondary" onClick={upload} loading={busy} data-testid="reply-upload">
          {t('online.upload')}
        </Button>
      </Flex>
      <Typography variant="pi" tag="p" textColor="neutral600">
        {t('online.replyHint')}
      </Typography>
      {error ? (
        <Typography variant="pi" textColor="danger600">
          {error}
        </Typography>
      ) : null}
    </Box>
  );
};
