// tests/lib/nginx.mjs - Debian's nginx as the load balancer of a test's nodes (issue 16),
// run unprivileged on loopback from a temporary folder: its configuration, pid file, logs and
// buffers live there, no root path is read or written. One worker process sends the requests
// round robin, in turn to each node of `nodes`: of 2n requests in a row to two nodes, each
// answers n. A part of a test that needs one node in particular asks that node directly.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './server.mjs';

export const NGINX = process.env.ENTRAIDE_NGINX || '/usr/sbin/nginx';

export function nginxAvailable() {
  return existsSync(NGINX);
}

export async function startNginx(nodes) {
  const dir = mkdtempSync(join(tmpdir(), 'entraide-nginx-'));
  const port = await freePort();
  const temp = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']
    .map((t) => `  ${t}_temp_path ${join(dir, t)};`).join('\n');
  writeFileSync(join(dir, 'nginx.conf'), `daemon off;
master_process off;
worker_processes 1;
pid ${join(dir, 'nginx.pid')};
error_log stderr error;
events { worker_connections 256; }
http {
  access_log off;
${temp}
  upstream nodes {
${nodes.map((n) => `    server 127.0.0.1:${n.port};`).join('\n')}
  }
  server {
    listen 127.0.0.1:${port};
    client_max_body_size 64m;
    location / {
      proxy_pass http://nodes;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host $http_host;
      proxy_set_header X-Forwarded-For $remote_addr;
      proxy_buffering off;
      proxy_next_upstream off;
    }
  }
}
`);
  let err = '';
  const child = spawn(NGINX, ['-e', 'stderr', '-p', dir, '-c', join(dir, 'nginx.conf')],
    { stdio: ['ignore', 'ignore', 'pipe'] });
  child.stderr.on('data', (d) => { err += d.toString('utf8'); });
  let exited = null;
  const exitPromise = new Promise((ok) => child.on('exit', (code, signal) => { exited = { code, signal }; ok(exited); }));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 10000;
  for (;;) {
    if (exited) throw new Error(`nginx exited early: ${JSON.stringify(exited)} ${err}`);
    try {
      if ((await fetch(url + '/healthz')).ok) break;
    } catch { /* not listening yet */ }
    if (Date.now() > deadline) { child.kill('SIGKILL'); throw new Error(`nginx did not start: ${err}`); }
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    url,
    async stop() {
      if (!exited) child.kill('SIGTERM');
      await exitPromise;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
