import fs from 'fs';
import path from 'path';
import format2021 from '../../../src/plugins/disclosure/server/src/core/annual-report/formats/2021.json';
import format2019 from '../../../src/plugins/disclosure/server/src/core/annual-report/formats/2019.json';
import { OUTCOME_ROWS_2019, OUTCOME_ROWS_2021 } from '../../../src/plugins/disclosure/server/src/core/annual-report/types';
import { OUTCOME_CODES } from '../../../src/plugins/disclosure/server/src/core/working-days';
import applicationSchema from '../../../src/api/disclosure-application/content-types/disclosure-application/schema.json';

/** The format files are the source of the outcome codes: every other list is derived from or checked against them. */
const outcomeRows = (format: any) => format.tables.applications.rows.filter((r: any) => r.outcome).map((r: any) => r.code);

describe('outcome codes', () => {
  it('the 2021 format file is the national reference, verbatim', () => {
    const reference = path.resolve(__dirname, '../../../../shared/reference/annual-report-format.json');
    expect(JSON.parse(fs.readFileSync(reference, 'utf8'))).toEqual(format2021);
  });

  it('the 2021 format lists 21 outcomes, and the derived list, the row type and the content type follow it', () => {
    const codes = outcomeRows(format2021);
    expect(codes).toHaveLength(21);
    expect(OUTCOME_CODES).toEqual(codes);
    expect([...OUTCOME_ROWS_2021]).toEqual(codes);
    expect((applicationSchema as any).attributes.outcome.enum).toEqual(codes);
  });

  it('the 2019 trial format has its own rows, also followed by the row type', () => {
    expect([...OUTCOME_ROWS_2019]).toEqual(outcomeRows(format2019));
  });
});
