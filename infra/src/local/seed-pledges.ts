import { randomBytes } from 'node:crypto';
import { ulid } from 'ulid';
import type { TAppDeps } from '@koldoo/api/deps.ts';
import type { TPledgeRecord } from '@koldoo/api/data/pledge-record.ts';
import { insertPledge } from '@koldoo/api/data/pledges-repo.ts';
import { applyPledgeHappening } from '@koldoo/api/domain/pledges/apply-pledge-happening.ts';

/** Diaspora donors of the demo: where Kyrgyz migrants actually live and work. */
const donors = [
  { name: 'Айгүл, Москва', message: 'Айылыма ийгилик!' },
  { name: 'Бакыт, Сеул', message: 'Балдар үчүн.' },
  { name: 'Нурлан, Стамбул' },
  { name: 'Мээрим, Алматы', message: 'Жердештерге салам!', dedication: 'Чоң атамдын элесине' },
  { name: 'Азамат, Екатеринбург' },
  { name: 'Жылдыз, Дубай', message: 'Пусть дети ходят в школу по новому мосту.' },
  { name: 'Эрлан, Лондон' },
  { name: 'Гүлнара, Новосибирск', dedication: 'Памяти мамы' },
];

/**
 * The demo's money arrives the way real money does: each pledge is created and then paid
 * through `applyPledgeHappening`, so every project's counters, ledger and public entries agree
 * exactly. Amounts split the demo's target raised sum; some are anonymous, some bank transfers.
 */
export async function seedDemoPledges(deps: TAppDeps, project: { id: string; councilId: string; raisedMinor: number }, index: number): Promise<void> {
  const count = 3 + (index % 5);
  const share = Math.floor(project.raisedMinor / count / 100) * 100;
  for (let i = 0; i < count; i += 1) {
    const value = i === count - 1 ? project.raisedMinor - share * (count - 1) : share;
    if (value <= 0) continue;
    const donor = donors[(index + i) % donors.length]!;
    const method = i % 3 === 2 ? 'bank_transfer' : 'card';
    const now = deps.clock.now().toISOString();
    const pledge: TPledgeRecord = {
      id: ulid(),
      projectId: project.id,
      councilId: project.councilId,
      status: 'pending',
      method,
      amount: { value, currency: 'KGS' },
      anonymous: i % 4 === 3,
      displayName: donor.name,
      ...(donor.message ? { message: donor.message } : {}),
      ...(donor.dedication ? { dedication: donor.dedication } : {}),
      email: `donor${(index + i) % donors.length}@demo.koldoo.kg`,
      locale: 'ky',
      accessToken: randomBytes(24).toString('base64url'),
      ...(method === 'bank_transfer' ? { referenceCode: `KD-DEMO${index}${i}` } : {}),
      refundedMinor: 0,
      refundedKgsMinor: 0,
      createdAt: now,
      updatedAt: now,
      version: 1,
    };
    if ((await insertPledge(deps.db, pledge)) !== 'committed') throw new Error(`demo pledge for ${project.id} refused`);
    const extra = method === 'bank_transfer' ? { bankReference: `DEMO-${index}-${i}`, receivedOn: now.slice(0, 10), reconciledBy: 'demo' } : { paymentIntentId: `pi_sim_${pledge.id}` };
    await applyPledgeHappening(deps, pledge.id, { kind: 'pay', received: pledge.amount }, extra);
  }
}
