import type { TLocale } from '@koldoo/shared/locales.ts';
import { checklistItems, timelineActions, type TProjectView, type TTimelineAction } from '../../views.ts';
import type { TProjectReply } from '../api/projects.ts';
import { fileUrl } from '../api/uploads.ts';
import { count, date, localText, shareText, som } from '../format.ts';
import { renderMarkdown } from '../markdown.ts';
import { toCardView } from './cards.ts';

/**
 * Public project replies are shared and frozen (see api/shared-replies.ts): the same object comes
 * back until the project changes, so its view (Markdown rendering included) is built once per
 * language. Replies for insiders are fresh objects and simply miss.
 */
const viewsByReply = new WeakMap<TProjectReply, Map<TLocale, TProjectView>>();
export function toProjectView(reply: TProjectReply, locale: TLocale): TProjectView {
  let byLocale = viewsByReply.get(reply);
  if (!byLocale) viewsByReply.set(reply, (byLocale = new Map()));
  let view = byLocale.get(locale);
  if (!view) byLocale.set(locale, (view = buildProjectView(reply, locale)));
  return view;
}

/** Everything the project page shows, in the reader's language, the story already made safe HTML. */
function buildProjectView(reply: TProjectReply, locale: TLocale): TProjectView {
  const { project, council } = reply;
  const story = localText(project.story, locale);
  const { lat, lng } = project.location.coordinates ?? {};
  const card = toCardView(project, locale);
  return {
    ...card,
    summary: localText(project.summary, locale),
    storyHtml: renderMarkdown(story.text),
    storyLang: story.lang,
    fundingMode: project.fundingMode,
    councilId: project.councilId,
    backers: project.backers,
    galleryUrls: project.galleryImageIds.map(fileUrl),
    budget: {
      lines: project.budgetLines.map((line) => ({
        item: localText(line.item, locale),
        quantity: count(line.quantity, locale),
        unit: line.unit ? localText(line.unit, locale) : null,
        unitCost: som(line.unitCostMinor, locale),
        lineTotal: som(line.lineTotalMinor, locale),
      })),
      total: som(project.budgetTotalMinor, locale),
      coFunding: project.coFunding.map((item) => ({
        source: localText(item.source, locale),
        amount: som(item.amountMinor, locale),
      })),
      coFundingTotal: som(project.coFundingMinor, locale),
      sought: som(project.goalMinor, locale),
    },
    milestones: project.milestones.map((milestone) => ({
      title: localText(milestone.title, locale),
      share: shareText(milestone.shareBasisPoints, locale),
      date: date(milestone.targetDate, locale),
      dateIso: milestone.targetDate,
    })),
    council: {
      id: council.id,
      name: localText(council.name, locale),
      isVerified: council.isVerified,
    },
    location: {
      place: card.place,
      ayilAimak: localText(project.location.ayilAimak, locale),
      village: localText(project.location.village, locale),
      coordinates:
        lat !== undefined && lng !== undefined ? `${lat.toFixed(4)}, ${lng.toFixed(4)}` : null,
    },
    beneficiaries: count(project.beneficiaries, locale),
    skills: project.skillsWanted.map((skill) => skill.replaceAll('_', ' ')),
    contact: project.contact,
    // Newest first: readers come back to see what changed.
    timeline: [...reply.timeline]
      .sort((a, b) => b.at.localeCompare(a.at))
      .map((event) => ({
        id: event.id,
        atIso: event.at,
        at: date(event.at, locale),
        from: event.from,
        to: event.to,
        action: timelineActions.includes(event.action as TTimelineAction)
          ? (event.action as TTimelineAction)
          : null,
        actorRole: event.actorRole,
        reason: event.reason ?? null,
        checklist: event.checklist
          ? checklistItems.map((item) => ({ item, isOk: event.checklist?.[item] === true }))
          : [],
        text: event.text && Object.keys(event.text).length > 0 ? localText(event.text, locale) : null,
        imageUrls: (event.imageIds ?? []).map(fileUrl),
      })),
    amendments: reply.amendments.map((amendment) => ({
      id: amendment.id,
      status: amendment.status,
      reason: amendment.reason,
      createdAt: date(amendment.createdAt, locale),
      createdAtIso: amendment.createdAt,
      decidedAt: amendment.decidedAt ? date(amendment.decidedAt, locale) : null,
    })),
  };
}
