import * as React from 'react';
import { Box, Typography } from '@strapi/design-system';
import { cellNames } from './cellNames';
import { useBilingual, useT } from '../../intl';
import { cellKey, type Failure, type GridCell, type Layout, type TableGrid, type Tables } from './types';

interface Props {
  layout: Layout;
  tables: Tables | null | undefined;
  failures?: Failure[];
  /** "table.row.col" keys shown as editor overrides. */
  overridden?: string[];
  /** When given, data cells are inputs and every change hands back the whole tables. */
  onChange?: (tables: Tables) => void;
  disabled?: boolean;
  /** The `idPrefix` of the FailureList showing `failures`: failing inputs point at their messages. */
  failureIdPrefix?: string;
}

const border = '1px solid #c0c0cf';
const cellStyle: React.CSSProperties = { border, padding: '4px 6px', fontSize: 12, verticalAlign: 'middle' };

function valueOf(tables: Tables | null | undefined, cell: GridCell): unknown {
  const ref = cell.ref!;
  return tables?.[ref.table]?.[ref.row]?.[ref.col];
}

/** The three national tables (merged headers and group labels as on the form), read-only or editable. */
export const ReportTables = ({ layout, tables, failures = [], overridden = [], onChange, disabled, failureIdPrefix }: Props) => {
  const t = useT();
  const pick = useBilingual();
  const marks = React.useMemo(() => {
    const map = new Map<string, 'error' | 'warning'>();
    for (const f of failures) {
      for (const c of f.cells) {
        if (c.year === 'previous') continue;
        const k = cellKey(c);
        if (map.get(k) !== 'error') map.set(k, f.severity);
      }
    }
    return map;
  }, [failures]);
  const overriddenSet = React.useMemo(() => new Set(overridden), [overridden]);
  // Inputs are named by the format's own row and column labels, as a reader of the form would say them.
  const names = React.useMemo(() => new Map(layout.tables.flatMap((grid) => [...cellNames(grid)])), [layout]);

  const setCell = (cell: GridCell, text: string) => {
    if (!onChange || !cell.ref) return;
    const next: Tables = JSON.parse(JSON.stringify(tables ?? {}));
    const { table, row, col } = cell.ref;
    next[table] ??= {};
    next[table][row] ??= {};
    const n = text.trim() === '' ? null : Number(text);
    next[table][row][col] = n === null || Number.isNaN(n) ? text : n;
    onChange(next);
  };

  const renderCell = (cell: GridCell, i: number) => {
    const span = { colSpan: cell.colSpan, rowSpan: cell.rowSpan };
    if (cell.role !== 'data' || !cell.ref) {
      return (
        <th key={i} {...span} style={{ ...cellStyle, background: '#f6f6f9', fontWeight: cell.role === 'row-header' ? 400 : 600 }}>
          {cell.text}
        </th>
      );
    }
    const key = cellKey(cell.ref);
    const mark = marks.get(key);
    const isOverride = overriddenSet.has(key);
    const value = valueOf(tables, cell);
    const style: React.CSSProperties = {
      ...cellStyle,
      textAlign: 'center',
      background: mark === 'error' ? '#fcecea' : mark === 'warning' ? '#fdf4dc' : isOverride ? '#eaf5ff' : undefined,
      outline: mark ? `2px solid ${mark === 'error' ? '#d02b20' : '#be5d01'}` : undefined,
    };
    const failing = failures.map((f, index) => ({ f, index })).filter(({ f }) => f.cells.some((c) => !c.year && cellKey(c) === key));
    const title = [isOverride ? t('tables.override') : '', ...failing.map(({ f }) => pick(f.message))].filter(Boolean).join('\n');
    const describedBy = failureIdPrefix && failing.length ? failing.map(({ index }) => `${failureIdPrefix}-${index}`).join(' ') : undefined;
    return (
      <td key={i} {...span} style={style} title={title || undefined} data-cell={key}>
        {onChange ? (
          <input
            aria-label={names.get(key) ?? key}
            aria-invalid={mark ? true : undefined}
            aria-describedby={describedBy}
            disabled={disabled}
            inputMode={cell.decimal ? 'decimal' : 'numeric'}
            value={value === null || value === undefined ? '' : String(value)}
            onChange={(e) => setCell(cell, e.target.value)}
            style={{ width: cell.decimal ? 72 : 48, textAlign: 'center', border: '1px solid #dcdce4', borderRadius: 2, fontSize: 12 }}
          />
        ) : (
          <span>{value === null || value === undefined ? '' : String(value)}</span>
        )}
        {isOverride ? <sup title={t('tables.overrideMark')}> *</sup> : null}
      </td>
    );
  };

  const renderTable = (grid: TableGrid) => (
    <Box key={grid.table} paddingBottom={6}>
      <Typography variant="delta" tag="h3">
        {grid.heading}
      </Typography>
      <Box paddingTop={2} style={{ overflowX: 'auto' }}>
        <table style={{ borderCollapse: 'collapse', minWidth: '100%' }} data-table={grid.table}>
          <thead>
            {grid.head.map((row, r) => (
              <tr key={r}>{row.map(renderCell)}</tr>
            ))}
          </thead>
          {grid.bodies.map((body, b) => (
            <tbody key={b}>
              {body.map((row, r) => (
                <tr key={r}>{row.map(renderCell)}</tr>
              ))}
            </tbody>
          ))}
        </table>
      </Box>
    </Box>
  );

  return <Box>{layout.tables.map(renderTable)}</Box>;
};

/** The failing rules' messages; with `idPrefix`, item i has the id `${idPrefix}-${i}` (see ReportTables). */
export const FailureList = ({ failures, idPrefix }: { failures: Failure[]; idPrefix?: string }) => {
  const t = useT();
  const pick = useBilingual();
  if (!failures.length) {
    return (
      <Typography textColor="success600" tag="p">
        {t('tables.allPass')}
      </Typography>
    );
  }
  return (
    <Box tag="ul" paddingLeft={4}>
      {failures.map((f, i) => (
        <li key={i} id={idPrefix ? `${idPrefix}-${i}` : undefined} data-rule={f.ruleId}>
          <Typography textColor={f.severity === 'error' ? 'danger600' : 'warning600'}>
            {t(f.severity === 'error' ? 'tables.error' : 'tables.warning', { message: pick(f.message) })}
          </Typography>
          {/* the rule id and the English wording, for whoever supports the editor */}
          <details>
            <summary>
              <Typography variant="pi" textColor="neutral500">
                {t('tables.details')}
              </Typography>
            </summary>
            <Typography variant="pi" textColor="neutral600" tag="div">
              {f.ruleId}: {f.message.en}
            </Typography>
          </details>
        </li>
      ))}
    </Box>
  );
};
