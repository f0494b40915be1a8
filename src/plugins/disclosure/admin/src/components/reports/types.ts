/**
 * Shapes returned by the disclosure plugin's annual-report admin routes: the server's own types (its pure
 * core, dependency-free), so admin and server cannot drift apart.
 */
export type { CellRef, Failure, TableCode } from '../../../../server/src/core/annual-report/types';
export type { GridCell, ReportLayout as Layout, TableGrid } from '../../../../server/src/core/annual-report/layout';
import { detectFormatVersion as detect } from '../../../../server/src/core/annual-report/tables';
import type { CellRef, LooseTables } from '../../../../server/src/core/annual-report/types';

export type Tables = Record<string, Record<string, Record<string, unknown>>>;

export const cellKey = (ref: Pick<CellRef, 'table' | 'row' | 'col'>) => `${ref.table}.${ref.row}.${ref.col}`;

/** The format a set of tables is shaped for (the trial format has 政府集中采购); undefined without tables. */
export const detectFormatVersion = (tables: unknown) => (tables && typeof tables === 'object' ? detect(tables as LooseTables) : undefined);
