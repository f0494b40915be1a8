export interface Step {
  kind: string;
  zh: string;
  en: string;
  [key: string]: unknown;
}

export interface OfficerRow {
  documentId: string;
  trackingNumber: string | null;
  organization: { documentId: string; name: string; code: string } | null;
  applicationStatus: string;
  receivedDate: string | null;
  /** Online submissions: when the applicant submitted it. */
  submittedAt: string | null;
  dueDate: string | null;
  provisional: boolean;
  missingCalendarYears: number[];
  correctionLimit: string | null;
  warnings: { code: string; zh: string; en: string }[];
  explanation: Step[];
  error: string | null;
  /** Set when the applicant's correction period has lapsed: the outcome to close it with (Art. 30). */
  readyToClose: 'other.noCorrection' | null;
  reviewCases: { documentId: string; kind: string; caseNumber: string | null; result: string; filedDate: string }[];
}

export type GroupKey = 'submitted' | 'overdue' | 'dueSoon' | 'onTime' | 'awaitingCorrection';

export interface OrganizationCount {
  organization: { documentId: string; name: string; code: string } | null;
  total: number;
  submitted: number;
  overdue: number;
  dueSoon: number;
  onTime: number;
  awaitingCorrection: number;
}

export interface OfficerView {
  today: string;
  groups: Record<GroupKey, OfficerRow[]>;
  counts: OrganizationCount[];
}

export interface ApplicationEvent {
  id: number;
  action: 'created' | 'imported' | 'transition';
  fromStatus: string | null;
  toStatus: string | null;
  note: string | null;
  actorName: string | null;
  occurredAt: string;
}

/** The officer's groups of open applications (titles: messages group.<key>). */
export const GROUPS: { key: GroupKey; variant: 'danger' | 'warning' | 'success' | 'neutral' }[] = [
  { key: 'submitted', variant: 'warning' },
  { key: 'overdue', variant: 'danger' },
  { key: 'dueSoon', variant: 'warning' },
  { key: 'onTime', variant: 'success' },
  { key: 'awaitingCorrection', variant: 'neutral' },
];

export const EDIT_URL = (documentId: string) => `/content-manager/collection-types/api::disclosure-application.disclosure-application/${documentId}`;
