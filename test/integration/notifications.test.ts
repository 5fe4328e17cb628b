import { describe, expect, it } from 'vitest';
import { createTestApp, jsonRequest } from '../support/test-app.ts';
import { councilApplication, pdfBytes, signInModerator, signUp, upload } from '../support/project-fixtures.ts';

describe('council notifications', () => {
  it('keeps a committed decision when the mail cannot be sent: 200, logged, no retry bait', async () => {
    const errors: string[] = [];
    const base = await createTestApp();
    const logger = Object.assign(Object.create(base.deps.logger), {
      child: () => logger,
      info: () => undefined,
      warn: () => undefined,
      error: (_obj: unknown, message: string) => void errors.push(message),
    });
    const setup = await createTestApp({ mail: { send: () => Promise.reject(new Error('SMTP down')) }, logger });
    const send = (path: string, init: Parameters<typeof jsonRequest>[1] = {}) => setup.app.request(jsonRequest(path, init));
    const moderator = await signInModerator(setup);
    const member = await signUp(setup);
    const proof = await upload(setup, member.cookie, 'council_proof', pdfBytes, 'application/pdf');
    const applied = await send('/api/councils', { body: councilApplication(proof), cookie: member.cookie });
    const { id } = ((await applied.json()) as { council: { id: string } }).council;

    const decided = await send(`/api/moderation/councils/${id}/decision`, { body: { decision: 'approve', reason: 'Mandate checked' }, cookie: moderator });
    expect(decided.status).toBe(200);
    expect(errors).toContain('council notification not sent');
    const council = (await (await send(`/api/councils/${id}`)).json()) as { council: { isVerified: boolean } };
    expect(council.council.isVerified).toBe(true);
  });
});
