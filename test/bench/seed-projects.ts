import { ulid } from 'ulid';
import { ZCreateProjectInput } from '@koldoo/shared/contracts/projects.ts';
import { createDocumentClient, createDynamoClient } from '@koldoo/api/build-deps.ts';
import { putCouncil } from '@koldoo/api/data/councils-repo.ts';
import type { TDb } from '@koldoo/api/data/db.ts';
import { listProjectCardsByStatus, putProjectWithEvents } from '@koldoo/api/data/projects-repo.ts';
import { contentToRecordFields } from '@koldoo/api/domain/projects/project-view.ts';
import { createRandom, generateProjectContent, oblastDistricts } from './project-generator.ts';
import { villages } from './project-topics.ts';

export type TSeedResult = {
  requested: number;
  /** Published projects the table holds afterwards (GSI2 `PROJECTS#published`). */
  published: number;
  councils: number;
  ms: number;
  /** One read of every published card through the repository (what the listing cache refills with): median of 3. */
  cardQueryMs: number;
  ids: string[];
  regionIds: string[];
};

const dayMs = 86_400_000;

/** Opens the platform's DynamoDB Local the way the API does (`build-deps.ts`). */
export function openDb(endpoint: string, tableName: string): TDb {
  return {
    client: createDocumentClient(
      createDynamoClient({ DYNAMODB_ENDPOINT: endpoint, AWS_REGION: 'eu-central-1' }),
    ),
    tableName,
  };
}

/**
 * One verified council per district, then `count` published projects spread over them, each
 * with its create → submit → approve audit trail, written `concurrency` at a time through the
 * repository. Every project's content is checked with the API's own create schema first.
 */
export async function seedProjects(
  db: TDb,
  options: { count: number; concurrency?: number; seed?: number },
): Promise<TSeedResult> {
  const started = performance.now();
  const rnd = createRandom(options.seed ?? 20_240_601);
  const now = new Date();
  const today = now.toISOString().slice(0, 10);
  const schema = ZCreateProjectInput(today);
  const iso = (ms: number) => new Date(ms).toISOString();

  const councils = oblastDistricts.map(({ region, district }, index) => {
    const village = villages[index % villages.length] ?? villages[0]!;
    return {
      id: `bench-council-${district.id}`,
      name: {
        ky: `${village.ky} айыл өкмөтү (${district.ky})`,
        ru: `Айыл окмоту ${village.ru} (${district.ru})`,
        en: `${village.en} ayil okmotu (${district.en})`,
      },
      regionId: region.id,
      districtId: district.id,
      ayilAimak: {
        ky: `${village.ky} айыл аймагы`,
        ru: `айылный аймак ${village.ru}`,
        en: `${village.en} ayil aimak`,
      },
      villages: [village],
      status: 'verified' as const,
      isVerified: true,
      applicantId: 'bench-moderator',
      officialIds: [],
      contact: {
        name: 'Бакыт Осмонов',
        phone: '+996 555 000 000',
        email: `${district.id}.ao@bench.koldoo.kg`,
      },
      createdAt: iso(now.getTime() - 200 * dayMs),
      verifiedAt: iso(now.getTime() - 190 * dayMs),
    };
  });
  await Promise.all(councils.map((council) => putCouncil(db, council)));

  const records = Array.from({ length: options.count }, () => {
    const councilIndex = rnd.int(0, councils.length - 1);
    const place = oblastDistricts[councilIndex]!;
    const council = councils[councilIndex]!;
    const { deadlineDays: _days, ...content } = generateProjectContent(rnd, place, now);
    const valid = schema.parse({ ...content, councilId: council.id });
    const publishedMs = now.getTime() - rnd.int(1, 90) * dayMs - rnd.int(0, dayMs);
    const createdMs = publishedMs - rnd.int(5, 20) * dayMs;
    const fields = contentToRecordFields(valid);
    const raisedMinor = Math.floor((fields.goalMinor * rnd.next() ** 1.5 * 0.98) / 100) * 100;
    const backers =
      raisedMinor === 0 ? 0 : Math.max(1, Math.round(raisedMinor / (rnd.int(1_500, 8_000) * 100)));
    const id = ulid(createdMs);
    const event = (
      at: number,
      actorId: string,
      actorRole: 'council_official' | 'moderator',
      action: string,
      from: 'draft' | 'submitted' | null,
      to: 'draft' | 'submitted' | 'published',
    ) => ({ id: ulid(at), at: iso(at), actorId, actorRole, action, from, to });
    return {
      project: {
        id,
        councilId: council.id,
        status: 'published' as const,
        raisedMinor,
        backers,
        createdAt: iso(createdMs),
        updatedAt: iso(publishedMs),
        publishedAt: iso(publishedMs),
        version: 3,
        ...fields,
      },
      events: [
        event(createdMs, 'bench-official', 'council_official', 'create', null, 'draft'),
        event(
          createdMs + 3 * dayMs,
          'bench-official',
          'council_official',
          'submit',
          'draft',
          'submitted',
        ),
        {
          ...event(
            publishedMs,
            'bench-moderator',
            'moderator',
            'approve',
            'submitted',
            'published',
          ),
          reason: 'Documents, budget and location checked',
        },
      ],
    };
  });

  let next = 0;
  let done = 0;
  const progress = (final = false) => {
    const line = `seeding projects: ${done}/${options.count} (${((performance.now() - started) / 1000).toFixed(1)} s)`;
    if (process.stderr.isTTY) process.stderr.write(`\r${line}${final ? '\n' : ''}`);
    else if (final ? done % 100 !== 0 : done % 100 === 0) process.stderr.write(`${line}\n`);
  };
  const worker = async () => {
    while (next < records.length) {
      const record = records[next++]!;
      await putProjectWithEvents(db, record.project, record.events);
      done++;
      progress();
    }
  };
  await Promise.all(Array.from({ length: options.concurrency ?? 16 }, worker));
  progress(true);

  const seedMs = performance.now() - started;
  const timings: number[] = [];
  let published = 0;
  for (let i = 0; i < 3; i++) {
    const readStarted = performance.now();
    published = (await listProjectCardsByStatus(db, 'published')).length;
    timings.push(performance.now() - readStarted);
  }
  return {
    requested: options.count,
    published,
    councils: councils.length,
    ms: seedMs,
    cardQueryMs: timings.sort((a, b) => a - b)[1]!,
    ids: records.map((r) => r.project.id),
    regionIds: [...new Set(records.map((r) => r.project.regionId))],
  };
}
