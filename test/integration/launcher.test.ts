import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { ZMeReply } from '@koldoo/shared/contracts/auth.ts';
import { findFreePort } from '@koldoo/infra/local/free-port.ts';
import { freshEnv, javaPidsFor, repoRoot, spawnLauncher, stopLeftoverLaunchers, waitForOutput } from '../support/launcher-process.ts';

/**
 * `npm start` as a user runs it: a real process with a real DynamoDB Local on disk. Checks
 * signals leave no Java behind, data survives a restart, and a busy port gets a plain message.
 */
describe('the local launcher', async () => {
  const dataDir = await mkdtemp(join(tmpdir(), 'koldoo-launch-'));
  afterEach(stopLeftoverLaunchers);
  afterAll(() => rm(dataDir, { recursive: true, force: true }));
  const port = await findFreePort();
  const url = `http://localhost:${port}`;
  const email = `persist-${Date.now()}@example.kg`;
  const password = 'ош-шаары-2026';

  async function post(path: string, body: unknown) {
    return fetch(`${url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: url },
      body: JSON.stringify(body),
    });
  }

  it('serves the site and API on one origin, seeds demo accounts, and stops cleanly on SIGTERM', async () => {
    const launcher = spawnLauncher({ PORT: String(port), DATA_DIR: dataDir });
    await waitForOutput(launcher, /Koldoo is running at/);
    expect(launcher.output()).toContain(url);
    expect(javaPidsFor(dataDir)).toHaveLength(1);

    expect(await (await fetch(`${url}/api/health`)).json()).toEqual({ status: 'ok', db: 'ok' });
    const home = await fetch(url);
    expect(home.status).toBe(200);
    expect(await home.text()).toMatch(/<html lang="(ru|ky|en)"/);

    const moderator = await post('/api/auth/login', { email: 'moderator@demo.koldoo.kg', password: 'koldoo-demo' });
    expect(ZMeReply.parse(await moderator.json()).user.roles).toContain('moderator');
    const official = await post('/api/auth/login', { email: 'official@demo.koldoo.kg', password: 'koldoo-demo' });
    const officialUser = ZMeReply.parse(await official.json()).user;
    expect(officialUser.roles).toContain('council_official');
    expect(officialUser.councilIds).toHaveLength(1);
    expect((await post('/api/auth/register', { email, password, displayName: 'Persist' })).status).toBe(201);

    // The operators' CLI talks to the running platform.
    const admin = spawnSync(process.execPath, ['--import', 'tsx', 'infra/src/admin/cli.ts', 'create-moderator', '--email', email], {
      cwd: repoRoot,
      env: freshEnv({ DATA_DIR: dataDir }),
      encoding: 'utf8',
    });
    expect(admin.stderr).toBe('');
    expect(admin.stdout).toMatch(/Updated moderator/);
    expect(javaPidsFor(dataDir)).toHaveLength(1);

    launcher.child.kill('SIGTERM');
    expect(await launcher.exited).toBe(0);
    expect(javaPidsFor(dataDir)).toEqual([]);
  });

  it('keeps data across a restart and stops cleanly on Ctrl-C (SIGINT)', async () => {
    const launcher = spawnLauncher({ PORT: String(port), DATA_DIR: dataDir });
    await waitForOutput(launcher, /Koldoo is running at/);
    const login = await post('/api/auth/login', { email, password });
    expect(login.status).toBe(200);
    expect(ZMeReply.parse(await login.json()).user.roles).toEqual(['member', 'moderator']);

    launcher.child.kill('SIGINT');
    expect(await launcher.exited).toBe(0);
    expect(javaPidsFor(dataDir)).toEqual([]);
  });

  it('explains a busy port instead of printing a stack trace, and starts no Java', async () => {
    const blocker = createServer();
    await new Promise<void>((done, fail) => {
      blocker.once('error', fail);
      blocker.listen(port, '127.0.0.1', () => done());
    });
    try {
      const launcher = spawnLauncher({ PORT: String(port), DATA_DIR: dataDir });
      expect(await launcher.exited).toBe(1);
      expect(launcher.output()).toMatch(new RegExp(`Port ${port} is already in use`));
      expect(launcher.output()).not.toMatch(/\n\s+at /);
      expect(javaPidsFor(dataDir)).toEqual([]);
    } finally {
      blocker.close();
    }
  });
});
