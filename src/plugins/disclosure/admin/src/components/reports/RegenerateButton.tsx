import * as React from 'react';
import { Box, Button, Dialog, Flex, Typography } from '@strapi/design-system';
import { useFetchClient } from '@strapi/strapi/admin';
import type { SectionChange } from '../../../../server/src/core/annual-report';

interface DryRun {
  changes: {
    cells: { cell: string; before: number | null; after: number | null }[];
    sentences: SectionChange[];
    keptSentences: { section: string; text: string }[];
    processingFeeYuan: null | { before: number | null; after: number | null };
  };
}

const errorText = (e: any) => e?.response?.data?.error?.message ?? e?.message ?? '请求失败';
const shown = (n: number | null) => (n === null ? '—' : String(n));

/**
 * Generates the report of an organization-year. When a draft exists, it first asks the server what
 * would change (a dry run) and shows it for confirmation: the cells, the generated sentences before and
 * after, the hand-written sentences kept, and that the current version can be restored.
 */
export const RegenerateButton = ({
  organization,
  year,
  exists,
  onDone,
  variant = 'secondary',
  label,
}: {
  organization: string;
  year: number;
  exists: boolean;
  onDone: (message: string, result?: any) => void;
  variant?: 'default' | 'secondary';
  label?: string;
}) => {
  const { post } = useFetchClient();
  const [dryRun, setDryRun] = React.useState<DryRun | null>(null);
  const [busy, setBusy] = React.useState(false);

  const generate = async () => {
    setDryRun(null);
    setBusy(true);
    try {
      const res: any = await post('/disclosure/annual-reports/generate', { organization, year });
      const out = res.data.data;
      onDone(
        `${out.created ? '已生成草稿' : '已更新草稿'}（${out.validation.errors}项错误，${out.validation.warnings}项提示）` +
          (out.created ? '' : '：自动生成的句子已按最新数据更新，人工撰写的句子保留不变，上一版本可撤销'),
        out,
      );
    } catch (e) {
      onDone(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  const start = async () => {
    if (!exists) return generate();
    setBusy(true);
    try {
      const res: any = await post('/disclosure/annual-reports/generate', { organization, year, dryRun: true });
      setDryRun(res.data.data);
    } catch (e) {
      onDone(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  const changes = dryRun?.changes;
  return (
    <>
      <Button size="S" variant={variant} onClick={start} loading={busy} disabled={!organization}>
        {label ?? (exists ? '更新草稿…' : '生成草稿')}
      </Button>
      <Dialog.Root open={Boolean(dryRun)} onOpenChange={(open: boolean) => !open && setDryRun(null)}>
        <Dialog.Content>
          <Dialog.Header>按最新数据更新草稿？</Dialog.Header>
          <Dialog.Body>
            {changes ? (
              <Flex direction="column" alignItems="stretch" gap={2} data-regenerate-preview>
                <Typography>
                  将更新{changes.cells.length}个表格数字、{changes.sentences.length}个自动生成的句子；{changes.keptSentences.length}
                  个人工撰写的句子保持不变。当前版本会被保留，可以撤销。
                </Typography>
                {changes.processingFeeYuan ? (
                  <Typography variant="pi">
                    信息处理费：{shown(changes.processingFeeYuan.before)}元 → {shown(changes.processingFeeYuan.after)}元
                  </Typography>
                ) : null}
                {changes.cells.slice(0, 12).map((c) => (
                  <Typography key={c.cell} variant="pi">
                    {c.cell}：{shown(c.before)} → {shown(c.after)}
                  </Typography>
                ))}
                {changes.cells.length > 12 ? <Typography variant="pi">……另有{changes.cells.length - 12}个数字</Typography> : null}
                {changes.sentences.map((c, i) => (
                  <Box key={i}>
                    <Typography variant="pi" textColor="danger600" tag="p">
                      − {c.before || '（空）'}
                    </Typography>
                    <Typography variant="pi" textColor="success600" tag="p">
                      + {c.after || '（删除）'}
                    </Typography>
                  </Box>
                ))}
              </Flex>
            ) : null}
          </Dialog.Body>
          <Dialog.Footer>
            <Dialog.Cancel>
              <Button variant="tertiary">取消</Button>
            </Dialog.Cancel>
            <Dialog.Action>
              <Button onClick={generate}>确认更新</Button>
            </Dialog.Action>
          </Dialog.Footer>
        </Dialog.Content>
      </Dialog.Root>
    </>
  );
};
