/**
 * What every export returns, and the file naming they share.
 */
import { reportTitle } from '../report-model';
import type { AnnualReport, ConvertLabel } from '../types';

export interface ExportOptions {
  /** Applied to every fixed label, as in the HTML renderer. */
  convertLabel?: ConvertLabel;
}

export interface ExportResult {
  body: Buffer | string;
  contentType: string;
  /** The report's title plus extension; may contain Chinese. */
  fileName: string;
  /** An ASCII-only fallback for clients that cannot take an encoded file name. */
  asciiFileName: string;
}

// Characters Windows and macOS refuse in file names, and control characters.
// eslint-disable-next-line no-control-regex -- control characters are what it removes
const UNSAFE_FILE_CHARS = /[\\/:*?"<>|\u0000-\u001f]/g;

export function exportFileNames(
  report: Pick<AnnualReport, 'title' | 'organizationName' | 'year'>,
  extension: string,
  convertLabel?: ConvertLabel,
): {
  fileName: string;
  asciiFileName: string;
} {
  const base = reportTitle(report, convertLabel).replace(UNSAFE_FILE_CHARS, '_').trim().slice(0, 150) || 'annual-report';
  return { fileName: `${base}.${extension}`, asciiFileName: `annual-report-${report.year}.${extension}` };
}

/** A Content-Disposition header value carrying both names (RFC 6266 / RFC 5987). */
export function contentDisposition(result: Pick<ExportResult, 'fileName' | 'asciiFileName'>, disposition: 'attachment' | 'inline' = 'attachment'): string {
  const encoded = encodeURIComponent(result.fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${disposition}; filename="${result.asciiFileName}"; filename*=UTF-8''${encoded}`;
}
