import { categories, type TProjectContent } from '@koldoo/shared/contracts/projects.ts';
import { regions, type TDistrict, type TRegion } from '@koldoo/shared/regions.ts';
/**
 * Plausible published projects for the benchmark: every oblast and district, every category,
 * ky/ru/en titles, summaries and stories of a few paragraphs, costed budgets, co-funding,
 * milestones, money raised. Deterministic (seeded PRNG), no I/O.
 */

import { centres, officials, topics, villages, type TText } from './project-topics.ts';

export function createRandom(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
  return { next, int, pick };
}
export type TRandom = ReturnType<typeof createRandom>;

const t = (ky: string, ru: string, en: string): TText => ({ ky, ru, en });

export type TOblastDistrict = { region: TRegion; district: TDistrict };
/** Every district of every oblast (the two cities have none). */
export const oblastDistricts: TOblastDistrict[] = regions.flatMap((region) =>
  region.districts.map((district) => ({ region, district })),
);

const som = (major: number) => major * 100;
const roundSom = (major: number) => Math.max(100, Math.round(major / 100) * 100);

/** Content for one project, valid under `ZCreateProjectInput`; `today` is YYYY-MM-DD. */
export function generateProjectContent(
  rnd: TRandom,
  place: TOblastDistrict,
  today: Date,
): TProjectContent & { deadlineDays: number } {
  const category = rnd.pick(categories);
  const topic = topics[category];
  const village = rnd.pick(villages);
  const beneficiaries = rnd.int(120, 4_500);
  const dateIn = (days: number) =>
    new Date(today.getTime() + days * 86_400_000).toISOString().slice(0, 10);
  const budgetLines = topic.lines.map((line) => ({
    item: line.item,
    unit: line.unit,
    quantity: rnd.int(line.qty[0], line.qty[1]),
    unitCostMinor: som(roundSom(rnd.int(line.som[0], line.som[1]))),
  }));
  const total = budgetLines.reduce((sum, l) => sum + l.quantity * l.unitCostMinor, 0);
  const coFunding =
    rnd.next() < 0.7
      ? [
          {
            source: t(
              `${village.ky} айыл өкмөтүнүн бюджети`,
              `Бюджет айыл окмоту ${village.ru}`,
              `${village.en} ayil okmotu budget`,
            ),
            amountMinor: som(roundSom((total / 100) * (0.05 + rnd.next() * 0.2))),
          },
        ]
      : [];
  const deadlineDays = rnd.int(4, 150);
  const where = {
    ky: `${village.ky} айылы, ${place.district.ky}, ${place.region.ky}`,
    ru: `село ${village.ru}, ${place.district.ru}, ${place.region.ru}`,
    en: `${village.en}, ${place.district.en}, ${place.region.en}`,
  };
  const list = (lang: keyof TText) =>
    budgetLines.map((l) => `- ${l.item[lang]}: ${l.quantity} ${l.unit[lang]}`).join('\n');
  const story = {
    ky: `${where.ky}. Айылда ${beneficiaries} адам жашайт. ${topic.need.ky}\n\nАйыл өкмөтү жыйында тургундар менен долбоорду талкуулап, аны биринчи кезектеги маселе деп тапты. ${topic.plan.ky}\n\n**Эмне сатылып алынат:**\n\n${list('ky')}\n\nПодрядчы ачык тендер аркылуу тандалат. Ар бир этаптан кийин сүрөттөр жана чектер ушул баракчада жарыяланат, ошондо ар бир сом кайда кеткени көрүнүп турат.`,
    ru: `${where.ru}. В селе живут ${beneficiaries} человек. ${topic.need.ru}\n\nАйыл окмоту обсудил проект с жителями на сходе, и его признали первоочередным. ${topic.plan.ru}\n\n**Что будет закуплено:**\n\n${list('ru')}\n\nПодрядчика выберут на открытом тендере. После каждого этапа на этой странице публикуются фотографии и чеки, чтобы было видно, куда ушёл каждый сом.`,
    en: `${where.en}. ${beneficiaries} people live in the village. ${topic.need.en}\n\nThe ayil okmotu discussed the project with residents at a village meeting, and they made it their first priority. ${topic.plan.en}\n\n**What will be bought:**\n\n${list('en')}\n\nThe contractor is chosen in an open tender. After each stage, photos and receipts are published on this page so everyone can see where every som went.`,
  };
  const first = rnd.int(3_000, 6_000);
  const centre = centres[place.region.id] ?? [41.5, 74.5];
  return {
    title: topic.title(village),
    summary: {
      ky: `${topic.need.ky} ${topic.plan.ky}`,
      ru: `${topic.need.ru} ${topic.plan.ru}`,
      en: `${topic.need.en} ${topic.plan.en}`,
    },
    story,
    category,
    location: {
      regionId: place.region.id,
      districtId: place.district.id,
      ayilAimak: t(
        `${village.ky} айыл аймагы`,
        `айылный аймак ${village.ru}`,
        `${village.en} ayil aimak`,
      ),
      village,
      coordinates: {
        lat: +(centre[0] + (rnd.next() - 0.5) * 0.8).toFixed(4),
        lng: +(centre[1] + (rnd.next() - 0.5) * 1.2).toFixed(4),
      },
    },
    beneficiaries,
    budgetLines,
    coFunding,
    deadline: dateIn(deadlineDays),
    deadlineDays,
    fundingMode: rnd.next() < 0.6 ? 'all_or_nothing' : 'flexible',
    milestones: [
      {
        title: t('Материалдарды сатып алуу', 'Закупка материалов', 'Buy materials'),
        targetDate: dateIn(deadlineDays + 30),
        shareBasisPoints: first,
      },
      {
        title: t(
          'Иштерди аяктоо жана отчет',
          'Завершение работ и отчёт',
          'Finish the works and report',
        ),
        targetDate: dateIn(deadlineDays + 120),
        shareBasisPoints: 10_000 - first,
      },
    ],
    skillsWanted: topic.skills.slice(0, rnd.int(1, topic.skills.length)),
    galleryImageIds: [],
    contact: {
      name: rnd.pick(officials),
      phone: `+996 ${rnd.pick(['555', '700', '772', '779', '557'])} ${rnd.int(100, 999)} ${rnd.int(100, 999)}`,
    },
  };
}
