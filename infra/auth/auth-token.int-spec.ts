import { execFile } from 'child_process';
import { resolve } from 'path';
import { promisify } from 'util';
import { demoUsers, testIdentity } from '@complaints/testing';
import { decodeJwt } from 'jose';

const root = resolve(__dirname, '../..');
const run = (...args: string[]) =>
  promisify(execFile)(
    process.execPath,
    ['-r', '@swc-node/register', 'infra/auth/auth-token.ts', ...args],
    {
      cwd: root,
    },
  );

describe('npm run auth:token', () => {
  it('--list prints every demo user, one a line: user, roles, department', async () => {
    const { stdout } = await run('--list');
    const lines = stdout.trim().split('\n');
    expect(lines).toHaveLength(demoUsers().length);
    expect(lines.map((l) => l.split(/\s+/))).toContainEqual(['h-claims-01', 'handler', 'claims']);
    expect(lines.map((l) => l.split(/\s+/))).toContainEqual(['officer', 'complaints_officer', '-']);
  }, 30_000);

  it("USER prints that user's access token alone on its last line", async () => {
    const identity = await testIdentity();
    const { stdout, stderr } = await run('sup-policy');
    const token = stdout.trim().split('\n').pop() ?? '';
    expect(decodeJwt(token)).toMatchObject({
      iss: identity.issuer,
      aud: 'complaints-api',
      preferred_username: 'sup-policy',
      department: 'policy-services',
      realm_access: { roles: ['supervisor'] },
    });
    expect(stderr).toContain('sup-policy: roles supervisor, department policy-services');
  }, 30_000);

  it('refuses a user who is not a demo user', async () => {
    await expect(run('nobody')).rejects.toMatchObject({ code: 2 });
  }, 30_000);
});
