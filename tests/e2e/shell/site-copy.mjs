// A copy of dist/ on a static server of its own, for stories that change the site under a
// page (a rebuild, a file edited in place).
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Copies dist/ and serves the copy (with `env` added to the server's environment): its
 *  directory, its URL, the server's output lines so far (`log`; with `COGOVERN_LOG: '1'`, one
 *  per request), and `close()`, which stops the server and deletes the copy. */
export async function siteCopy(env = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'cogovern-dist-'));
  cpSync('dist', dir, { recursive: true });
  const server = spawn('node', ['scripts/serve-dist.mjs', dir, '0'], { env: { ...process.env, ...env } });
  const close = () => {
    server.kill();
    rmSync(dir, { recursive: true, force: true });
  };
  const log = [];
  const url = await new Promise((resolve, reject) => {
    server.stdout.on('data', (d) => {
      log.push(...String(d).split('\n').filter(Boolean));
      const m = String(d).match(/http:\/\/127\.0\.0\.1:\d+\//);
      if (m) resolve(m[0]);
    });
    server.on('exit', (code) => reject(new Error(`the server of the copy stopped (${code})`)));
  }).catch((e) => {
    close();
    throw e;
  });
  return { dir, url, log, close };
}
