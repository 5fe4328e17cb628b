import sharp from 'sharp';
import { ZMeReply } from '@koldoo/shared/contracts/auth.ts';
import { createModerator } from '@koldoo/api/domain/auth/create-moderator.ts';
import type { createTestApp } from './test-app.ts';
import { jsonRequest, sessionCookieFrom, testOrigin, uniqueEmail } from './test-app.ts';

type TSetup = Awaited<ReturnType<typeof createTestApp>>;
export const password = 'көпүрө-курабыз-2026';

export async function signUp(setup: TSetup) {
  const email = uniqueEmail();
  const response = await setup.app.request(jsonRequest('/api/auth/register', { body: { email, password, displayName: 'Test' } }));
  return { cookie: sessionCookieFrom(response), user: ZMeReply.parse(await response.json()).user, email };
}

export async function signInModerator(setup: TSetup) {
  const email = uniqueEmail('mod');
  await createModerator(setup.deps, { email, password });
  return sessionCookieFrom(await setup.app.request(jsonRequest('/api/auth/login', { body: { email, password } })));
}

export async function upload(setup: TSetup, cookie: string, kind: 'council_proof' | 'project_image', bytes: Uint8Array, type: string) {
  const form = new FormData();
  form.set('kind', kind);
  form.set('file', new Blob([new Uint8Array(bytes)], { type }), 'file');
  const response = await setup.app.request(
    new Request('http://localhost/api/uploads', { method: 'POST', headers: { origin: testOrigin, cookie }, body: form }),
  );
  if (response.status !== 201) throw new Error(`upload failed: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { file: { id: string } }).file.id;
}

export const pdfBytes = new TextEncoder().encode('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
export const pngBytes = () => sharp({ create: { width: 40, height: 30, channels: 3, background: '#2a7' } }).png().toBuffer();

export function councilApplication(proofFileId: string, overrides: Record<string, unknown> = {}) {
  return {
    name: { ky: 'Көк-Жар айыл өкмөтү', ru: 'Кок-Жарский айыл окмоту' },
    regionId: 'osh',
    districtId: 'alay',
    ayilAimak: { ky: 'Көк-Жар', ru: 'Кок-Жар' },
    villages: [{ ky: 'Көк-Жар' }, { ru: 'Жаны-Арык' }],
    contact: { name: 'Бакыт Осмонов', phone: '+996 555 123 456', email: 'kok-jar@example.kg' },
    proofFileId,
    ...overrides,
  };
}

/** A member who applied with a proof and was approved: now an official of a verified council. */
export async function officialOfNewCouncil(setup: TSetup, moderatorCookie: string) {
  const member = await signUp(setup);
  const proofFileId = await upload(setup, member.cookie, 'council_proof', pdfBytes, 'application/pdf');
  const applied = await setup.app.request(jsonRequest('/api/councils', { body: councilApplication(proofFileId), cookie: member.cookie }));
  if (applied.status !== 201) throw new Error(`apply failed: ${await applied.text()}`);
  const councilId = ((await applied.json()) as { council: { id: string } }).council.id;
  const decided = await setup.app.request(
    jsonRequest(`/api/moderation/councils/${councilId}/decision`, { body: { decision: 'approve', reason: 'Mandate checked' }, cookie: moderatorCookie }),
  );
  if (decided.status !== 200) throw new Error(`decision failed: ${await decided.text()}`);
  return { ...member, councilId, proofFileId };
}

export function inDays(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

export function projectInput(councilId: string, overrides: Record<string, unknown> = {}) {
  return {
    councilId,
    title: { ky: 'Мектепке көпүрө', ru: 'Мост к школе', en: 'A bridge to school' },
    summary: { ru: 'Пешеходный мост через реку, чтобы дети ходили в школу круглый год.' },
    story: { ru: '## Зачем\n\nВесной река **разливается**.\n\n- 30 метров\n- перила' },
    category: 'bridge',
    location: { regionId: 'osh', districtId: 'alay', ayilAimak: { ru: 'Кок-Жар' }, village: { ru: 'Жаны-Арык' } },
    beneficiaries: 640,
    budgetLines: [
      { item: { ru: 'Металлоконструкции' }, quantity: 30, unitCostMinor: 4_000_000 },
      { item: { ru: 'Работа' }, quantity: 1, unitCostMinor: 30_000_000 },
    ],
    coFunding: [{ source: { ru: 'Бюджет айыл окмоту' }, amountMinor: 20_000_000 }],
    deadline: inDays(60),
    fundingMode: 'all_or_nothing',
    milestones: [
      { title: { ru: 'Опоры' }, targetDate: inDays(90), shareBasisPoints: 6000 },
      { title: { ru: 'Настил' }, targetDate: inDays(120), shareBasisPoints: 4000 },
    ],
    skillsWanted: ['инженер-мостостроитель'],
    contact: { name: 'Бакыт Осмонов', phone: '+996555123456' },
    ...overrides,
  };
}
