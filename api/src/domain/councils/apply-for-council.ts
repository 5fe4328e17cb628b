import { ulid } from 'ulid';
import type { TMe } from '@koldoo/shared/contracts/auth.ts';
import { ZCouncilApplicationInput } from '@koldoo/shared/contracts/councils.ts';
import { AppError } from '@koldoo/shared/errors.ts';
import { ProofTakenError, insertCouncilApplication, type TCouncilRecord } from '../../data/councils-repo.ts';
import { getFileRecord } from '../../data/files-repo.ts';
import { requireSignedIn } from '../access.ts';
import type { TDomainContext } from '../context.ts';
import { parseInput } from '../parse-input.ts';

const proofIssue = (message: string) =>
  new AppError('VALIDATION_FAILED', message, { issues: [{ path: 'proofFileId', message, code: 'invalid_proof' }] });

/** A member applies to represent a council, with a proof document they uploaded themselves. */
export async function applyForCouncil(ctx: TDomainContext, viewer: TMe | undefined, raw: unknown): Promise<TCouncilRecord> {
  const user = requireSignedIn(viewer);
  const input = parseInput(ZCouncilApplicationInput, raw);
  const proof = await getFileRecord(ctx.db, input.proofFileId);
  if (!proof || proof.ownerId !== user.id || proof.kind !== 'council_proof') throw proofIssue('Upload the proof document first');

  const council: TCouncilRecord = {
    id: ulid(),
    ...input,
    status: 'pending',
    isVerified: false,
    applicantId: user.id,
    officialIds: [],
    createdAt: ctx.clock.now().toISOString(),
  };
  // A proof backs one application only, so it cannot be replayed for another council.
  try {
    await insertCouncilApplication(ctx.db, council, proof.id, { id: ulid(), at: council.createdAt, actorId: user.id, action: 'apply' });
  } catch (error) {
    if (error instanceof ProofTakenError) {
      // The link also records the proof's use; it fails too if the unused-upload sweep took the file meanwhile.
      if (!(await getFileRecord(ctx.db, proof.id))) throw proofIssue('Upload the proof document first');
      throw proofIssue('This document already backs another application');
    }
    throw error;
  }
  return council;
}
