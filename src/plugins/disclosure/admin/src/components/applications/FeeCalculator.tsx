import * as React from 'react';
import { Box, Button, Flex, NumberInput, SingleSelect, SingleSelectOption, Typography } from '@strapi/design-system';
import { useFetchClient } from '@strapi/strapi/admin';
import { errorText, useT } from '../../intl';

/** 信息处理费 (国办函〔2020〕109号): per request in the month, or per page; never both. */
export const FeeCalculator = () => {
  const { post } = useFetchClient();
  const t = useT();
  const [method, setMethod] = React.useState<'per-request' | 'per-page'>('per-page');
  const [count, setCount] = React.useState<number | undefined>(1);
  const [result, setResult] = React.useState<string | null>(null);
  const compute = async () => {
    try {
      const body = method === 'per-page' ? { method, pages: count } : { method, requestNumberInMonth: count };
      const res: any = await post('/disclosure/fees/calculate', body);
      const lines = res.data.data.breakdown
        .map((l: any) => t('fee.line', { from: l.from, to: l.to, count: l.count, rate: l.rateYuan }))
        .join(t('fee.lineSeparator'));
      setResult(t('fee.result', { yuan: res.data.data.yuan, lines }));
    } catch (e: any) {
      setResult(errorText(e, t('fee.error')));
    }
  };
  return (
    <Box padding={4} background="neutral0" hasRadius shadow="tableShadow">
      <Typography variant="delta" tag="h2">
        {t('fee.title')}
      </Typography>
      <Flex gap={2} paddingTop={3} alignItems="flex-end">
        <SingleSelect aria-label={t('fee.method')} value={method} onChange={(v: string | number) => setMethod(v as any)}>
          <SingleSelectOption value="per-page">{t('fee.perPage')}</SingleSelectOption>
          <SingleSelectOption value="per-request">{t('fee.perRequest')}</SingleSelectOption>
        </SingleSelect>
        <NumberInput aria-label={t('fee.count')} value={count} onValueChange={(v: number | undefined) => setCount(v)} />
        <Button onClick={compute}>{t('fee.compute')}</Button>
      </Flex>
      {result ? (
        <Box paddingTop={2}>
          <Typography>{result}</Typography>
        </Box>
      ) : null}
    </Box>
  );
};
