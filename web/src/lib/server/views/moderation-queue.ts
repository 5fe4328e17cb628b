import type { RequestEvent } from '@sveltejs/kit';
import * as z from 'zod';
import { budgetTotalMinor, coFundingMinor } from '@koldoo/shared/contracts/projects.ts';
import type { TLocale } from '@koldoo/shared/locales.ts';
import { getProject, type TModerationQueue } from '../api.ts';
import { fileUrl } from '../api/uploads.ts';
import { date, localText, som } from '../format.ts';
import { placeLabel } from '../places.ts';
import { toCardView } from './cards.ts';

/** Only what the page compares; anything else in an amendment is left out rather than guessed at. */
const ZMoneyChanges = z.object({
  budgetLines: z.array(z.object({ quantity: z.number(), unitCostMinor: z.number() })).optional(),
  coFunding: z.array(z.object({ amountMinor: z.number() })).optional(),
  deadline: z.string().optional(),
});

type TChange = { what: 'budget' | 'coFunding' | 'deadline'; before: string; after: string };

function changesOf(changes: unknown, previous: unknown, locale: TLocale): TChange[] {
  const next = ZMoneyChanges.safeParse(changes);
  const before = ZMoneyChanges.safeParse(previous);
  if (!next.success || !before.success) return [];
  const list: TChange[] = [];
  const was = before.data;
  const now = next.data;
  if (now.budgetLines && was.budgetLines) {
    list.push({
      what: 'budget',
      before: som(budgetTotalMinor(was.budgetLines), locale),
      after: som(budgetTotalMinor(now.budgetLines), locale),
    });
  }
  if (now.coFunding && was.coFunding) {
    list.push({
      what: 'coFunding',
      before: som(coFundingMinor(was.coFunding), locale),
      after: som(coFundingMinor(now.coFunding), locale),
    });
  }
  if (now.deadline && was.deadline)
    list.push({
      what: 'deadline',
      before: date(was.deadline, locale),
      after: date(now.deadline, locale),
    });
  return list;
}

export async function toQueueView(event: RequestEvent, queue: TModerationQueue, locale: TLocale) {
  // Amendments name only their project; the queue is short, so one read per amendment is fine.
  const titles = await Promise.all(
    queue.amendments.map(async (amendment) => {
      const project = await getProject(event, amendment.projectId);
      return project.ok
        ? localText(project.value.project.title, locale)
        : { text: amendment.projectId, lang: undefined };
    }),
  );
  return {
    councils: queue.councils.map((council) => ({
      id: council.id,
      name: localText(council.name, locale),
      place: placeLabel(council.regionId, council.districtId, locale),
      ayilAimak: localText(council.ayilAimak, locale),
      villages: council.villages.map((village) => localText(village, locale)),
      contact: council.contact,
      proofUrl: council.proofFileId ? fileUrl(council.proofFileId) : null,
      createdAt: date(council.createdAt, locale),
    })),
    projects: queue.projects.map((card) => toCardView(card, locale)),
    amendments: queue.amendments.map((amendment, index) => ({
      id: amendment.id,
      projectId: amendment.projectId,
      title: titles[index] ?? { text: amendment.projectId, lang: undefined },
      reason: amendment.reason,
      createdAt: date(amendment.createdAt, locale),
      changes: changesOf(amendment.changes, amendment.previous, locale),
    })),
  };
}
