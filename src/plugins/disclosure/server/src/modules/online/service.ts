import type { Core } from '@strapi/strapi';
import {
  DELIVERY_METHOD_LABELS,
  hashQueryCode,
  ID_TYPE_LABELS,
  LIMITS,
  MEDIUM_LABELS,
  newQueryCode,
  normalizeQueryCode,
  queryCodeMatches,
  type Submission,
} from '../../core/online-submission';
import { APPLICANT_TYPE_LABELS } from '../../core/working-days/labels';
import { convertText } from '../search/service';
import { sourceLocale } from '../stats/service';
import { OPEN_STATUSES, outcomeLabel, STATUS_LABELS, type ApplicationStatus } from '../../core/working-days';
import { APPLICATION_UID } from '../applications/content-types';
import { eventsOf } from '../applications/events';
import { dueDateReport } from '../applications/officer-view';
import { countRequest, type Limit } from '../feedback/rate-limit';
import { addApplicationFile, ensureApplicationFiles, type FilePurpose, listApplicationFiles, readApplicationFile } from '../storage/application-files';
import type { Attachment } from './uploads';

const ORGANIZATION_UID = 'api::organization.organization';

/**
 * Limits of the public routes (plugin config `onlineLimits`), kept in the database so that they hold across
 * instances: every attempt of a client, stored submissions per client and per organization, lookups per
 * client and per tracking number (a wrong query code counts like a right one).
 */
export const ONLINE_LIMITS: Record<'attempts' | 'perClient' | 'perOrganization' | 'lookupsPerClient' | 'lookupsPerNumber', Limit> = {
  attempts: { hits: 30, windowMs: 10 * 60_000 },
  perClient: { hits: 5, windowMs: 60 * 60_000 },
  perOrganization: { hits: 200, windowMs: 60 * 60_000 },
  lookupsPerClient: { hits: 30, windowMs: 10 * 60_000 },
  lookupsPerNumber: { hits: 10, windowMs: 10 * 60_000 },
};

export type LimitName = keyof typeof ONLINE_LIMITS;

/** A stored application as the lookup reads it (only what the applicant may see is taken from it). */
export type StoredApplication = Record<string, any> & { documentId: string; trackingNumber: string; applicationStatus: ApplicationStatus };

const onlineService = ({ strapi }: { strapi: Core.Strapi }) => {
  const limit = (name: LimitName): Limit => ({
    ...ONLINE_LIMITS[name],
    ...((strapi.config.get('plugin::disclosure.onlineLimits') as Record<string, Partial<Limit>> | undefined)?.[name] ?? {}),
  });
  const count = (trx: any, name: LimitName, key: string) => countRequest(strapi, trx, `online-${name}`, key, limit(name));

  return {
    async ensure() {
      await ensureApplicationFiles(strapi);
    },

    /** Counts one request against a limit in its own transaction, so that a refused request still counts. */
    async countAttempt(name: LimitName, key: string) {
      await strapi.db.transaction(({ trx }) => count(trx, name, key));
    },

    /** Organizations that take applications online, in the asked locale (the source locale's name otherwise). */
    async organizations(locale: string) {
      const rows: any[] = await strapi.db
        .query(ORGANIZATION_UID as any)
        .findMany({ select: ['documentId', 'name', 'code', 'locale', 'acceptsOnlineApplications'] });
      const byDocument = new Map<string, any>();
      for (const r of rows) {
        const seen = byDocument.get(r.documentId);
        if (!seen || r.locale === locale) byDocument.set(r.documentId, r);
      }
      return [...byDocument.values()]
        .filter((o) => o.acceptsOnlineApplications !== false)
        .map((o) => ({ documentId: o.documentId, name: o.name, code: o.code }))
        .sort((a, b) => String(a.code).localeCompare(String(b.code)));
    },

    /**
     * What the portal's form offers, in the page's script: the organizations, the choices of each coded field
     * (the codes the submission takes, named as the national format and the form name them) and the limits.
     */
    async form(locale: string, attachmentBytes: number) {
      const inScript = (text: string) => convertText(strapi, sourceLocale(strapi), locale, text);
      const choices = async (names: Record<string, string>) =>
        Promise.all(Object.entries(names).map(async ([code, label]) => ({ code, label: await inScript(label) })));
      return {
        organizations: await this.organizations(locale),
        choices: {
          applicantType: await choices(APPLICANT_TYPE_LABELS),
          idType: await choices(ID_TYPE_LABELS),
          deliveryMethod: await choices(DELIVERY_METHOD_LABELS),
          medium: await choices(MEDIUM_LABELS),
        },
        limits: { ...LIMITS, attachmentBytes, attachmentTypes: ['pdf', 'jpg', 'png', 'docx'] },
      };
    },

    async organization(documentId: string) {
      const row: any = await strapi.db
        .query(ORGANIZATION_UID as any)
        .findOne({ where: { documentId }, select: ['documentId', 'name', 'acceptsOnlineApplications'] });
      return row && row.acceptsOnlineApplications !== false ? row : null;
    },

    /**
     * Stores a submission as an application (channel online, status submitted, no receipt date: Art. 31(3))
     * with its attachment, in one transaction with the per-client and per-organization limits. Answers the
     * tracking number and the query code, which exists nowhere else afterwards (only its hash is stored).
     */
    async submit(submission: Submission, attachment: Attachment | null, client: string) {
      const queryCode = newQueryCode();
      const submittedAt = new Date();
      return strapi.db.transaction(async ({ trx }) => {
        await count(trx, 'perClient', client);
        await count(trx, 'perOrganization', submission.organization);
        const created: any = await strapi.documents(APPLICATION_UID as any).create({
          data: {
            organization: submission.organization,
            channel: 'online',
            applicationStatus: 'submitted',
            submittedAt,
            applicantType: submission.applicantType,
            applicantName: submission.applicantName,
            applicantIdType: submission.idType,
            applicantIdNumber: submission.idNumber,
            applicantPhone: submission.phone,
            applicantEmail: submission.email,
            applicantAddress: submission.address,
            applicantPostcode: submission.postcode,
            requestedContent: submission.requestedContent,
            requestedTitle: submission.requestedTitle,
            requestedDocumentNumber: submission.requestedDocumentNumber,
            deliveryMethod: submission.deliveryMethod,
            deliveryMedium: submission.medium,
            queryCodeHash: hashQueryCode(queryCode),
          } as any,
        });
        if (attachment) await addApplicationFile(trx, { applicationDocumentId: created.documentId, purpose: 'applicant', ...attachment });
        return {
          trackingNumber: created.trackingNumber as string,
          queryCode,
          submittedAt: submittedAt.toISOString(),
          documentId: created.documentId as string,
        };
      });
    },

    /**
     * The application with this tracking number if the query code is its own, else null — the same answer
     * for an unknown number and a wrong code, after the same work. Every lookup counts against the client's
     * and the number's limits first.
     */
    async find(trackingNumber: string, queryCode: string, client: string): Promise<StoredApplication | null> {
      await this.countAttempt('lookupsPerClient', client);
      await this.countAttempt('lookupsPerNumber', trackingNumber.toUpperCase());
      const row: any = await strapi.db.query(APPLICATION_UID as any).findOne({
        where: { trackingNumber, channel: 'online' },
        populate: { organization: { select: ['documentId', 'name'] } },
      });
      return queryCodeMatches(row?.queryCodeHash, normalizeQueryCode(queryCode)) ? row : null;
    },

    /** What the applicant sees, in the page's script: the progress and the office's words, never the personal data. */
    async view(a: StoredApplication, locale: string) {
      const source = sourceLocale(strapi);
      const inScript = async <T extends string | null | undefined>(text: T): Promise<T> =>
        text ? ((await convertText(strapi, source, locale, text)) as T) : text;
      const label = async (status: string) => {
        const l = STATUS_LABELS[status as ApplicationStatus];
        return l ? { zh: await inScript(l.zh), en: l.en } : null;
      };
      const status = a.applicationStatus;
      const files = await strapi.db.transaction(({ trx }) => listApplicationFiles(trx, a.documentId));
      const fileOf = (purpose: FilePurpose) =>
        files.filter((f) => f.purpose === purpose).map((f) => ({ id: f.id, name: f.name, size: f.size, mime: f.mime, createdAt: f.createdAt }));
      const due = OPEN_STATUSES.includes(status) && a.receivedDate ? await dueDateReport(strapi, a).catch(() => null) : null;
      const events = await eventsOf(strapi, a.documentId);
      return {
        trackingNumber: a.trackingNumber,
        organization: await inScript(a.organization?.name ?? null),
        status,
        statusLabel: await label(status),
        submittedAt: a.submittedAt ? new Date(a.submittedAt).toISOString() : null,
        receivedDate: a.receivedDate ?? null,
        dueDate: due?.dueDate ?? (OPEN_STATUSES.includes(status) ? (a.dueDate ?? null) : null),
        dueDateProvisional: due?.provisional ?? false,
        dueDateExplanation: await Promise.all((due?.explanation ?? []).map(async (step: any) => ({ ...step, zh: await inScript(step.zh) }))),
        correction: a.correctionRequestedDate
          ? {
              requestedDate: a.correctionRequestedDate,
              request: await inScript(a.correctionRequest ?? null),
              answerBy: a.correctionAnswerBy ?? null,
              receivedDate: a.correctionReceivedDate ?? null,
              awaiting: status === 'awaiting-correction',
              files: fileOf('correction'),
            }
          : null,
        extension:
          a.extensionWorkingDays || a.extensionApprovedDate || status === 'extended'
            ? { workingDays: a.extensionWorkingDays ?? null, reason: await inScript(a.extensionReason ?? null), approvedDate: a.extensionApprovedDate ?? null }
            : null,
        answer:
          status === 'answered' || status === 'closed'
            ? {
                date: a.answeredDate ?? null,
                outcome: a.outcome ?? null,
                outcomeLabel: a.outcome ? await inScript(outcomeLabel(a.outcome)) : null,
                text: await inScript(a.answerText ?? null),
                files: fileOf('reply'),
              }
            : null,
        dismissal: status === 'dismissed' ? { reason: await inScript(a.dismissalReason ?? null) } : null,
        attachments: fileOf('applicant'),
        history: await Promise.all(
          events
            .filter((e: any) => e.toStatus)
            .map(async (e: any) => ({ at: new Date(e.occurredAt).toISOString(), status: e.toStatus, statusLabel: await label(e.toStatus) })),
        ),
      };
    },

    /**
     * 补正 online: the applicant's answer to a correction request arrives now; the application returns to
     * received (the save rules date the correction's receipt and restart the clock), with the attachment.
     */
    async correct(a: StoredApplication, text: string, attachment: Attachment | null) {
      await strapi.db.transaction(async ({ trx }) => {
        await strapi.documents(APPLICATION_UID as any).update({
          documentId: a.documentId,
          data: { applicationStatus: 'received', correctionReply: text, statusNote: '申请人在网上提交了补正' } as any,
        });
        if (attachment) await addApplicationFile(trx, { applicationDocumentId: a.documentId, purpose: 'correction', ...attachment });
      });
    },

    /** A file of the application the applicant may download: the office's reply documents. */
    async replyFile(a: StoredApplication, id: number) {
      const file = await strapi.db.transaction(({ trx }) => readApplicationFile(trx, a.documentId, id));
      return file && file.purpose === 'reply' ? file : null;
    },

    async files(documentId: string) {
      return strapi.db.transaction(({ trx }) => listApplicationFiles(trx, documentId));
    },

    async file(documentId: string, id: number) {
      return strapi.db.transaction(({ trx }) => readApplicationFile(trx, documentId, id));
    },

    async addReply(documentId: string, attachment: Attachment) {
      return strapi.db.transaction(({ trx }) => addApplicationFile(trx, { applicationDocumentId: documentId, purpose: 'reply', ...attachment }));
    },
  };
};

export type OnlineService = ReturnType<typeof onlineService>;
export default onlineService;
