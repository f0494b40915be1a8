import type { Core } from '@strapi/strapi';
import { nextSequenceValue, shanghaiYear, toIsoDate } from '../plugins/disclosure/server/src';

/**
 * 索引号: `<organization code>/<year>-<5-digit sequence per organization and year>`.
 * The year is that of the release date when the first save already carries one (documents entered
 * after the fact), otherwise the year of the first save in Asia/Shanghai.
 */
export function formatIndexNumber(organizationCode: string, year: number, sequence: number): string {
  return `${organizationCode}/${year}-${String(sequence).padStart(5, '0')}`;
}

export function indexNumberYear(releaseDate: unknown, now: Date = new Date()): number {
  const iso = toIsoDate(releaseDate);
  return iso ? Number(iso.slice(0, 4)) : shanghaiYear(now);
}

export async function assignIndexNumber(strapi: Core.Strapi, organizationCode: string, releaseDate: unknown): Promise<string> {
  const year = indexNumberYear(releaseDate);
  const sequence = await nextSequenceValue(strapi, `notice:${organizationCode}:${year}`);
  return formatIndexNumber(organizationCode, year, sequence);
}
