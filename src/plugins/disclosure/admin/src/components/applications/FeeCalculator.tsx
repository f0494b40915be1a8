import * as React from 'react';
import { Box, Button, Flex, NumberInput, SingleSelect, SingleSelectOption, Typography } from '@strapi/design-system';
import { useFetchClient } from '@strapi/strapi/admin';

/** 信息处理费 (国办函〔2020〕109号): per request in the month, or per page; never both. */
export const FeeCalculator = () => {
  const { post } = useFetchClient();
  const [method, setMethod] = React.useState<'per-request' | 'per-page'>('per-page');
  const [count, setCount] = React.useState<number | undefined>(1);
  const [result, setResult] = React.useState<string | null>(null);
  const compute = async () => {
    try {
      const body = method === 'per-page' ? { method, pages: count } : { method, requestNumberInMonth: count };
      const res: any = await post('/disclosure/fees/calculate', body);
      const lines = res.data.data.breakdown.map((l: any) => `${l.from}–${l.to}：${l.count}×${l.rateYuan}元`).join('；');
      setResult(`${res.data.data.yuan} 元（${lines}）`);
    } catch (e: any) {
      setResult(e?.response?.data?.error?.message ?? '无法计算');
    }
  };
  return (
    <Box padding={4} background="neutral0" hasRadius shadow="tableShadow">
      <Typography variant="delta" tag="h2">
        信息处理费计算
      </Typography>
      <Flex gap={2} paddingTop={3} alignItems="flex-end">
        <SingleSelect aria-label="计收方式" value={method} onChange={(v: string | number) => setMethod(v as any)}>
          <SingleSelectOption value="per-page">按量计收（页数）</SingleSelectOption>
          <SingleSelectOption value="per-request">按件计收（本月第几件）</SingleSelectOption>
        </SingleSelect>
        <NumberInput aria-label="数量" value={count} onValueChange={(v: number | undefined) => setCount(v)} />
        <Button onClick={compute}>计算</Button>
      </Flex>
      {result ? (
        <Box paddingTop={2}>
          <Typography>{result}</Typography>
        </Box>
      ) : null}
    </Box>
  );
};
