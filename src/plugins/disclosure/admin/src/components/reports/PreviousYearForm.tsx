import * as React from 'react';
import { Box, Button, Field, Flex, NumberInput, Typography } from '@strapi/design-system';
import { useFetchClient } from '@strapi/strapi/admin';
import { APPLICANT_COLUMNS } from '../../../../server/src/core/annual-report/types';

const APPLICANT_LABELS: Record<string, string> = {
  naturalPerson: '自然人',
  commercial: '商业企业',
  research: '科研机构',
  socialWelfare: '社会公益组织',
  legalService: '法律服务机构',
  otherOrg: '其他',
  total: '总计',
};
const errorText = (e: any) => e?.response?.data?.error?.message ?? e?.message ?? '请求失败';

/**
 * Last year's published figures for a body new to the system, entered once: the row the carry-over rule
 * reads (四、结转下年度继续办理), the in-force counts (2021 format), or last year's report as exported (JSON).
 */
export const PreviousYearForm = ({ organization, year, onSaved }: { organization: string; year: number; onSaved: () => void }) => {
  const { get, put } = useFetchClient();
  const columns = [...APPLICANT_COLUMNS, 'total'];
  const [values, setValues] = React.useState<Record<string, number | undefined>>({});
  const [note, setNote] = React.useState<string | null>(null);
  const previous = year - 1;
  const inForce = previous >= 2021;

  React.useEffect(() => {
    get(`/disclosure/annual-reports/previous-year?organization=${encodeURIComponent(organization)}&year=${previous}`).then(
      (res: any) => {
        const t = res.data.data.entered?.tables;
        if (!t) return setValues({});
        setValues({
          ...Object.fromEntries(columns.map((c) => [c, t.applications?.carriedOut?.[c]])),
          regulations: t.proactive?.regulations?.inForce,
          normativeDocuments: t.proactive?.normativeDocuments?.inForce,
        });
      },
      () => setValues({}),
    );
  }, [organization, previous]);

  const save = async (body: Record<string, unknown>) => {
    try {
      await put('/disclosure/annual-reports/previous-year', { organization, year: previous, ...body });
      setNote(`已保存${previous}年度数据，跨年度核对将使用这些数据。`);
      onSaved();
    } catch (e) {
      setNote(errorText(e));
    }
  };
  const submitForm = () =>
    save({
      tables: {
        applications: { carriedOut: Object.fromEntries(columns.map((c) => [c, values[c]])) },
        ...(inForce ? { proactive: { regulations: { inForce: values.regulations }, normativeDocuments: { inForce: values.normativeDocuments } } } : {}),
      },
    });
  const importFile = async (file: File | undefined) => {
    if (!file) return;
    try {
      await save({ report: JSON.parse(await file.text()) });
    } catch (e) {
      setNote(e instanceof SyntaxError ? '文件不是有效的 JSON（请使用年度报告的 JSON 导出） / not a JSON export' : errorText(e));
    }
  };
  const input = (key: string, label: string) => (
    <Field.Root key={key} name={key}>
      <Field.Label>{label}</Field.Label>
      <NumberInput value={values[key]} onValueChange={(v: number | undefined) => setValues((s) => ({ ...s, [key]: v }))} />
    </Field.Root>
  );
  return (
    <Box data-previous-year-form>
      <Typography variant="delta" tag="h3">
        {previous}年度报告数据（系统中没有上年报告时填写一次，供跨年度核对使用）
      </Typography>
      <Typography variant="pi" tag="p" textColor="neutral600">
        表三“四、结转下年度继续办理”一行{inForce ? '，以及表二规章、行政规范性文件的现行有效件数' : ''}；也可导入上年报告的 JSON 导出文件。
      </Typography>
      <Flex gap={2} paddingTop={2} wrap="wrap" alignItems="flex-end">
        {columns.map((c) => input(c, `结转下年度·${APPLICANT_LABELS[c]}`))}
        {inForce ? input('regulations', '现行有效规章') : null}
        {inForce ? input('normativeDocuments', '现行有效行政规范性文件') : null}
      </Flex>
      <Flex gap={2} paddingTop={2}>
        <Button size="S" onClick={submitForm}>
          保存上年数据
        </Button>
        <label>
          <Typography variant="pi">导入上年报告（JSON）：</Typography>
          <input type="file" accept="application/json,.json" onChange={(e) => importFile(e.target.files?.[0])} />
        </label>
      </Flex>
      {note ? (
        <Typography variant="pi" tag="p" role="status">
          {note}
        </Typography>
      ) : null}
    </Box>
  );
};
