import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLocalFileStore } from '@koldoo/api/adapters/local-file-store.ts';
import { claimUnusedFileForDeletion } from '@koldoo/api/data/files-repo.ts';
import { runScheduledJobs } from '@koldoo/api/domain/run-scheduled-jobs.ts';
import { unusedUploadGraceMs } from '@koldoo/api/domain/files/sweep-unused-uploads.ts';
import { ZPledgeCreatedReply } from '@koldoo/shared/contracts/pledges.ts';
import { ZErrorBody } from '@koldoo/shared/errors.ts';
import { pledgeWorld, type TPledgeWorld } from '../support/pledge-fixtures.ts';
import { inDays, pdfBytes, pngBytes, projectInput, signUp, upload } from '../support/project-fixtures.ts';
import { testOrigin } from '../support/test-app.ts';

/**
 * The sweep of uploads nothing used: after a day, an abandoned upload's bytes and record are
 * gone; a file used as a council proof, project cover or gallery image, progress-update photo or
 * transfer proof is kept, and so is one younger than a day. Repeated and concurrent runs are
 * harmless, and a use racing the sweep either wins (the file is kept) or is refused (400).
 */

const minute = 60_000;
type TSweep = { checked: number; deleted: number; failed: number };

let w: TPledgeWorld;
let t0: number;
const at = (ms: number) => {
  w.clock.at = new Date(t0 + ms);
};
const sweep = async (): Promise<TSweep> => {
  const results = await runScheduledJobs(w.setup.deps);
  expect(results['sweepUnusedUploads']).not.toHaveProperty('error');
  return results['sweepUnusedUploads'] as TSweep;
};
const fileStatus = async (id: string) => (await w.send(`/api/files/${id}`, { cookie: w.moderator })).status;
const bytesOf = (kind: string, id: string) => w.setup.deps.files.get(`uploads/${kind}/${id}`);
const image = async (cookie = w.official.cookie) => upload(w.setup, cookie, 'project_image', await pngBytes(), 'image/png');
const createDraft = (overrides: Record<string, unknown>) =>
  w.send('/api/projects', { body: projectInput(w.official.councilId, { deadline: inDays(60), ...overrides }), cookie: w.official.cookie });

beforeAll(async () => {
  w = await pledgeWorld({ overrides: { files: createLocalFileStore(mkdtempSync(join(tmpdir(), 'koldoo-sweep-'))) } });
  t0 = w.clock.at.getTime();
});
afterAll(async () => {
  w.clock.at = new Date();
  await w.fake.close();
});

describe('sweeping unused uploads', () => {
  it('deletes what nothing used after a day, and keeps every kind of use and anything younger', { timeout: 60_000 }, async () => {
    const member = await signUp(w.setup);
    const abandonedImage = await image(member.cookie);
    const abandonedProof = await upload(w.setup, member.cookie, 'council_proof', pdfBytes, 'application/pdf');

    // A project cover and gallery (the cover repeated in the gallery), and an image added by an edit.
    const cover = await image();
    const gallery = await image();
    const created = await createDraft({ coverImageId: cover, galleryImageIds: [gallery, cover] });
    expect(created.status).toBe(201);
    const draftId = ((await created.json()) as { project: { id: string } }).project.id;
    const edited = await image();
    expect((await w.send(`/api/projects/${draftId}`, { method: 'PATCH', body: { galleryImageIds: [gallery, edited] }, cookie: w.official.cookie })).status).toBe(200);

    // A progress-update photo, on the fixture project once funded.
    const funding = await w.pledge({ amount: { value: 130_000_000, currency: 'KGS' }, method: 'card', email: 'whole@example.kg' });
    expect(funding.status).toBe(201);
    const { pledge: card } = (await funding.json()) as { pledge: { id: string } };
    expect((await w.deliver(w.paidEvent(w.sessionOf(card.id)))).status).toBe(200);
    const photo = await image();
    const news = await w.send(`/api/projects/${w.projectId}/updates`, { method: 'POST', body: { text: { ru: 'Трубы привезли' }, imageIds: [photo] }, cookie: w.official.cookie });
    expect(news.status).toBe(201);

    // A bank-transfer proof, through the receipt link (on another published project still raising money).
    const open = await w.publish({ deadline: inDays(90) });
    const transfer = ZPledgeCreatedReply.parse(await (await w.pledge({ amount: { value: 500_000, currency: 'KGS' }, method: 'bank_transfer', email: 'bank@example.kg' }, { project: open })).json());
    const token = new URL(transfer.receiptUrl).searchParams.get('token')!;
    const form = new FormData();
    form.set('file', new Blob([new Uint8Array(await pngBytes())], { type: 'image/png' }), 'receipt.png');
    const attached = await w.setup.app.request(
      new Request(`http://localhost/api/pledges/${transfer.pledge.id}/proof?token=${encodeURIComponent(token)}`, { method: 'POST', headers: { origin: testOrigin }, body: form }),
    );
    expect(attached.status).toBe(200);
    const transferProof = ((await attached.json()) as { pledge: { proofFileId?: string } }).pledge.proofFileId!;
    expect(transferProof).toBeDefined();

    // Just under a day: nothing goes yet.
    at(unusedUploadGraceMs - minute);
    expect(await sweep()).toEqual({ checked: 0, deleted: 0, failed: 0 });

    // Past a day; an upload made just now is young.
    at(unusedUploadGraceMs + minute);
    const young = await image(member.cookie);
    expect(await sweep()).toEqual({ checked: 2, deleted: 2, failed: 0 });

    for (const [kind, id] of [['project_image', abandonedImage], ['council_proof', abandonedProof]] as const) {
      expect(await fileStatus(id)).toBe(404);
      expect(await bytesOf(kind, id)).toBeUndefined();
    }
    for (const id of [cover, gallery, edited, photo, young]) {
      expect(await fileStatus(id)).toBe(200);
      expect(await bytesOf('project_image', id)).toBeDefined();
    }
    expect(await fileStatus(w.official.proofFileId)).toBe(200);
    expect(await bytesOf('council_proof', w.official.proofFileId)).toBeDefined();
    expect(await fileStatus(transferProof)).toBe(200);
    expect(await bytesOf('transfer_proof', transferProof)).toBeDefined();

    // Again: nothing left to do.
    expect(await sweep()).toEqual({ checked: 0, deleted: 0, failed: 0 });
    // Young's day passes too.
    at(2 * unusedUploadGraceMs + 2 * minute);
    expect(await sweep()).toMatchObject({ deleted: 1 });
    expect(await fileStatus(young)).toBe(404);
  });

  it('runs concurrently without harm: each file is deleted once', { timeout: 60_000 }, async () => {
    at(3 * unusedUploadGraceMs);
    const ids = [await image(), await image(), await image()];
    at(4 * unusedUploadGraceMs + minute);
    const runs = await Promise.all([sweep(), sweep()]);
    expect(runs.map((r) => r.failed)).toEqual([0, 0]);
    expect(runs[0]!.deleted + runs[1]!.deleted).toBe(3);
    for (const id of ids) {
      expect(await fileStatus(id)).toBe(404);
      expect(await bytesOf('project_image', id)).toBeUndefined();
    }
  });

  it('keeps a file used between the sweep reading the index and claiming the file', { timeout: 60_000 }, async () => {
    at(5 * unusedUploadGraceMs);
    const racing = await image();
    at(6 * unusedUploadGraceMs + minute);
    // Just before the sweep's conditional claim goes out, the official sets the image as a cover.
    let used: Response | undefined;
    const middleware = 'koldooUseBeforeClaim';
    w.setup.deps.db.client.middlewareStack.add(
      (next, context) => async (args) => {
        const input = args.input as { UpdateExpression?: string };
        if (!used && /^Update(Item)?Command$/.test(context.commandName ?? '') && input.UpdateExpression?.includes('deletingAt')) {
          used = await createDraft({ coverImageId: racing });
        }
        return next(args);
      },
      { step: 'initialize', name: middleware },
    );
    try {
      expect(await sweep()).toEqual({ checked: 1, deleted: 0, failed: 0 });
    } finally {
      w.setup.deps.db.client.middlewareStack.remove(middleware);
    }
    expect(used?.status).toBe(201);
    expect(await fileStatus(racing)).toBe(200);
    expect(await bytesOf('project_image', racing)).toBeDefined();
  });

  it('refuses a use once the sweep has claimed a file, and a claimed file left behind is finished by the next run', { timeout: 60_000 }, async () => {
    at(7 * unusedUploadGraceMs);
    const claimed = await image();
    const raced = await image();
    // A sweep claimed the file and died before deleting anything: it is already gone to readers and uses.
    expect(await claimUnusedFileForDeletion(w.setup.deps.db, claimed, w.clock.now().toISOString())).toBeDefined();
    expect(await fileStatus(claimed)).toBe(404);
    const refused = await createDraft({ coverImageId: claimed });
    expect(refused.status).toBe(400);
    expect(ZErrorBody.parse(await refused.json()).error.issues).toEqual([expect.objectContaining({ path: 'coverImageId', code: 'unknown_image' })]);

    // A claim that lands between the use's check and its transaction: the transaction refuses, nothing is written.
    const middleware = 'koldooClaimBeforeUse';
    let claimedMeanwhile = false;
    w.setup.deps.db.client.middlewareStack.add(
      (next, context) => async (args) => {
        if (!claimedMeanwhile && /^TransactWrite(Items)?Command$/.test(context.commandName ?? '')) {
          claimedMeanwhile = true;
          expect(await claimUnusedFileForDeletion(w.setup.deps.db, raced, w.clock.now().toISOString())).toBeDefined();
        }
        return next(args);
      },
      { step: 'initialize', name: middleware },
    );
    let late: Response;
    try {
      late = await createDraft({ coverImageId: raced });
    } finally {
      w.setup.deps.db.client.middlewareStack.remove(middleware);
    }
    expect(claimedMeanwhile).toBe(true);
    expect(late.status).toBe(400);
    expect(ZErrorBody.parse(await late.json()).error.issues).toEqual([expect.objectContaining({ path: 'coverImageId', code: 'unknown_image' })]);

    at(8 * unusedUploadGraceMs + minute);
    expect(await sweep()).toEqual({ checked: 2, deleted: 2, failed: 0 });
    for (const id of [claimed, raced]) expect(await bytesOf('project_image', id)).toBeUndefined();
  });
});
