// A mail sink for the local demo: the notifications service sends its email here instead of to a
// mail server. Every message is kept as <dir>/<timestamp>-<n>.eml and listed, read-only, on a
// small web page.
//
//   node deploy/local/mail-sink.mjs
//
// Environment (scripts/services.sh sets them for `npm start`):
//   MAIL_SINK_SMTP_PORT  SMTP port on 127.0.0.1 (default 2525; SMTP_URL=smtp://127.0.0.1:2525)
//   MAIL_SINK_HTTP_PORT  web page on http://127.0.0.1:<port> (default 8025), also /health/ready
//   MAIL_SINK_DIR        where the .eml files go (default <ITSM_STATE_DIR or .local>/mail)
//   MAIL_SINK_LIST_LIMIT newest messages shown on the page (default 200)
import { mkdir, readdir, readFile, rename, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

const HOST = '127.0.0.1';
const repoRoot = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const smtpPort = Number(process.env.MAIL_SINK_SMTP_PORT ?? 2525);
const httpPort = Number(process.env.MAIL_SINK_HTTP_PORT ?? 8025);
const listLimit = Number(process.env.MAIL_SINK_LIST_LIMIT ?? 200);
const mailDir = resolve(
  process.env.MAIL_SINK_DIR ?? join(process.env.ITSM_STATE_DIR ?? join(repoRoot, '.local'), 'mail'),
);
// Only names this sink writes are served, so a request can never name another file.
const EML_NAME = /^[0-9TZ-]+-\d+\.eml$/;
const MAX_MESSAGE_BYTES = 25 * 1024 * 1024;

const log = (message, fields = {}) =>
  process.stdout.write(
    `${JSON.stringify({ time: new Date().toISOString(), service: 'mail-sink', message, ...fields })}\n`,
  );

await mkdir(mailDir, { recursive: true });

// --- SMTP -------------------------------------------------------------------------------------
let received = 0;

/** "2026-03-01T09-15-02-123Z": an ISO instant that is a valid file name and sorts by time. */
const stamp = (date) => date.toISOString().replace(/[:.]/g, '-');

async function store(raw) {
  received += 1;
  const name = `${stamp(new Date())}-${received}.eml`;
  // Written under a temporary name first, so the page never parses half a message.
  const partial = join(mailDir, `.${name}.partial`);
  await writeFile(partial, raw);
  await rename(partial, join(mailDir, name));
  return name;
}

const smtp = new SMTPServer({
  // Plain SMTP on loopback: no TLS to negotiate, no credentials to check.
  disabledCommands: ['STARTTLS', 'AUTH'],
  authOptional: true,
  size: MAX_MESSAGE_BYTES,
  banner: 'ITSM demo mail sink',
  logger: false,
  onData(stream, session, callback) {
    const chunks = [];
    stream.on('data', (chunk) => chunks.push(chunk));
    stream.on('end', () => {
      if (stream.sizeExceeded) {
        const error = new Error('message exceeds the size limit');
        error.responseCode = 552;
        callback(error);
        return;
      }
      store(Buffer.concat(chunks))
        .then((file) => {
          log('message received', {
            file,
            from: session.envelope.mailFrom?.address,
            to: session.envelope.rcptTo.map(({ address }) => address),
          });
          callback();
        })
        .catch((error) => {
          log('could not store a message', { error: error.message });
          callback(error);
        });
    });
  },
});
smtp.on('error', (error) => log('smtp error', { error: error.message }));

// --- web page ---------------------------------------------------------------------------------
// Parsed messages by file name: a stored message never changes.
const parsed = new Map();

async function messages() {
  const names = (await readdir(mailDir))
    .filter((name) => EML_NAME.test(name))
    .sort((a, b) => b.localeCompare(a, 'en', { numeric: true }))
    .slice(0, listLimit);
  const result = [];
  for (const name of names) {
    if (!parsed.has(name)) {
      try {
        parsed.set(name, await simpleParser(await readFile(join(mailDir, name))));
      } catch (error) {
        parsed.set(name, { subject: `(unreadable: ${error.message})` });
      }
    }
    result.push({ name, mail: parsed.get(name) });
  }
  return result;
}

const escapeHtml = (value) =>
  String(value ?? '').replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c],
  );

function page(list) {
  const rows = list
    .map(({ name, mail }) => {
      const date = mail.date instanceof Date ? mail.date.toISOString() : '';
      const recipients = [mail.to, mail.cc]
        .flat()
        .filter(Boolean)
        .map((address) => address.text)
        .join(', ');
      return `<article>
  <h2>${escapeHtml(mail.subject || '(no subject)')}</h2>
  <dl>
    <dt>From</dt><dd>${escapeHtml(mail.from?.text)}</dd>
    <dt>To</dt><dd>${escapeHtml(recipients)}</dd>
    ${mail.replyTo ? `<dt>Reply-To</dt><dd>${escapeHtml(mail.replyTo.text)}</dd>` : ''}
    <dt>Date</dt><dd>${escapeHtml(date)}</dd>
    <dt>File</dt><dd><a href="/messages/${encodeURIComponent(name)}">${escapeHtml(name)}</a></dd>
  </dl>
  <pre>${escapeHtml(mail.text ?? '')}</pre>
</article>`;
    })
    .join('\n');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>ITSM demo mailbox</title>
<style>
  body { font: 14px/1.4 system-ui, sans-serif; margin: 2rem auto; max-width: 60rem; padding: 0 1rem; }
  article { border: 1px solid #ccc; border-radius: 6px; margin: 1rem 0; padding: 0.5rem 1rem; }
  h2 { font-size: 1.1rem; margin: 0.5rem 0; }
  dl { display: grid; grid-template-columns: 6rem 1fr; margin: 0; }
  dt { color: #666; }
  dd { margin: 0; overflow-wrap: anywhere; }
  pre { background: #f6f6f6; padding: 0.5rem; white-space: pre-wrap; }
</style>
</head>
<body>
<h1>ITSM demo mailbox</h1>
<p>${list.length === 0 ? 'No message yet.' : `The newest ${list.length} message(s), newest first.`}
Stored in <code>${escapeHtml(mailDir)}</code>. Reload to see new mail.</p>
${rows}
</body>
</html>
`;
}

const http = createServer((request, response) => {
  const send = (status, type, body) => {
    response.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
    response.end(body);
  };
  let pathname;
  try {
    pathname = decodeURIComponent(new URL(request.url ?? '/', `http://${HOST}`).pathname);
  } catch {
    send(400, 'text/plain; charset=utf-8', 'bad request\n');
    return;
  }
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    send(405, 'text/plain; charset=utf-8', 'read-only\n');
  } else if (pathname === '/health/live' || pathname === '/health/ready') {
    send(200, 'application/json', '{"status":"ok"}\n');
  } else if (pathname === '/') {
    messages()
      .then((list) => send(200, 'text/html; charset=utf-8', page(list)))
      .catch((error) => send(500, 'text/plain; charset=utf-8', `${error.message}\n`));
  } else if (pathname.startsWith('/messages/')) {
    const name = pathname.slice('/messages/'.length);
    if (!EML_NAME.test(name)) {
      send(404, 'text/plain; charset=utf-8', 'not found\n');
      return;
    }
    readFile(join(mailDir, name))
      .then((raw) => send(200, 'message/rfc822', raw))
      .catch(() => send(404, 'text/plain; charset=utf-8', 'not found\n'));
  } else {
    send(404, 'text/plain; charset=utf-8', 'not found\n');
  }
});

const listen = (server, port) =>
  new Promise((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(port, HOST, () => resolveListen());
  });
await listen(smtp.server, smtpPort);
await listen(http, httpPort);
log('listening', {
  smtp: `smtp://${HOST}:${smtpPort}`,
  web: `http://${HOST}:${httpPort}`,
  mailDir,
});

const shutdown = () => {
  log('stopping');
  http.close();
  smtp.close(() => process.exit(0));
  // Open SMTP sessions do not hold the process.
  setTimeout(() => process.exit(0), 2000).unref();
};
process.on('SIGTERM', shutdown);
process.on('SIGINT', shutdown);
