import type { TCategory, TProjectStatus } from '@koldoo/shared/contracts/projects.ts';
import type { TLocale } from '@koldoo/shared/locales.ts';

/**
 * What pages receive from their server loads: text already picked in the reader's language and
 * money already formatted, so the browser never downloads zod, Intl helpers or region data.
 * Type-only module: safe to import from components.
 */

/** A council's text in the reader's language, or in another one (then `lang` says which). */
export type TLocalText = { text: string; lang: TLocale | undefined };

export type TCardView = {
  id: string;
  title: TLocalText;
  village: TLocalText;
  place: string;
  category: TCategory;
  status: TProjectStatus;
  percent: number;
  raised: string;
  goal: string;
  deadline: string;
  deadlineIso: string;
  coverUrl: string | null;
};

export type TCouncilView = {
  id: string;
  name: TLocalText;
  place: string;
  ayilAimak: TLocalText;
  villages: TLocalText[];
  isVerified: boolean;
};

export type TOption = { value: string; label: string };
/** A district `<select>` grouped by region (`<optgroup>`), so it works without JavaScript. */
export type TOptionGroup = { label: string; options: TOption[] };

export type TProjectView = TCardView & {
  summary: TLocalText;
  storyHtml: string;
  storyLang: TLocale | undefined;
  fundingMode: 'all_or_nothing' | 'flexible';
  councilId: string;
  backers: number;
  galleryUrls: string[];
  budget: {
    lines: {
      item: TLocalText;
      quantity: string;
      unit: TLocalText | null;
      unitCost: string;
      lineTotal: string;
    }[];
    total: string;
    coFunding: { source: TLocalText; amount: string }[];
    coFundingTotal: string;
    sought: string;
  };
  milestones: { title: TLocalText; share: string; date: string; dateIso: string }[];
  council: { id: string; name: TLocalText; isVerified: boolean };
  location: {
    place: string;
    ayilAimak: TLocalText;
    village: TLocalText;
    coordinates: string | null;
  };
  beneficiaries: string;
  skills: string[];
  contact: { name: string; phone: string };
  timeline: {
    id: string;
    atIso: string;
    at: string;
    from: TProjectStatus | null;
    to: TProjectStatus | null;
    action: TTimelineAction | null;
    actorRole: 'council_official' | 'moderator' | 'system';
    reason: string | null;
    checklist: TChecklistMark[];
    /** A progress update's news in the reader's language (else another one), as plain text. */
    text: TLocalText | null;
    /** A progress update's photos (public project images). */
    imageUrls: string[];
  }[];
  amendments: {
    id: string;
    status: 'pending' | 'approved' | 'rejected';
    reason: string;
    createdAt: string;
    createdAtIso: string;
    decidedAt: string | null;
  }[];
};

/** The progress-update form as posted back after a refusal: the texts typed, the photos already uploaded. */
export type TProgressUpdateValues = { text: Record<TLocale, string>; imageIds: string[] };

/** Messages shown once after a successful form (see lib/server/notice.ts). */
export type TNoticeKey = `notice.${
  | 'saved'
  | 'submitted'
  | 'decided'
  | 'cancelled'
  | 'applied'
  | 'amended'
  | 'created'
  | 'submitFailed'
  | 'advanced'
  | 'updatePosted'
  | 'pledgeCancelled'
  | 'proofUploaded'
  | 'paymentConfirmed'
  | 'paymentDeclined'
  | 'reconciled'
  | 'refunded'
  | 'rateSaved'
  | 'ratesRefreshed'
  | 'checkoutCancelled'
  | 'officialAdded'}`;

/** Audit actions the pages can name; an action added later shows as a plain "updated". */
export const timelineActions = [
  'create',
  'submit',
  'request_changes',
  'approve',
  'reject',
  'reach_goal',
  'pass_deadline',
  'start_work',
  'complete',
  'cancel',
  'amendment_approved',
  'amendment_rejected',
  'progress_update',
] as const;
export type TTimelineAction = (typeof timelineActions)[number];

export const checklistItems = ['documentsPresent', 'budgetPlausible', 'locationMatches'] as const;
export type TChecklistMark = { item: (typeof checklistItems)[number]; isOk: boolean };
