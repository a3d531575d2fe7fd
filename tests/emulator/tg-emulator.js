#!/usr/bin/env node
// Starts the telegram-test-api Bot API emulator (npm package, unmodified) on 127.0.0.1.
//   node tg-emulator.js [PORT] [STORE_TIMEOUT_S]     PORT 0 (default): pick a free port
// Prints one line once listening:  TG_EMULATOR_READY {"port":N,"apiURL":"http://127.0.0.1:N"}
// Exits on SIGTERM/SIGINT or when stdin closes, so it never outlives the test process.
'use strict';

const net = require('net');
const TelegramServer = require('telegram-test-api');

const HOST = '127.0.0.1';
const wantedPort = Number(process.argv[2] || 0);
const storeTimeout = Number(process.argv[3] || 300);

function freePort() {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.unref();
    probe.once('error', reject);
    probe.listen(0, HOST, () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

async function main() {
  let server;
  for (let attempt = 0; ; attempt++) {
    // The emulator treats port 0 as "unset" (9000), so choose a concrete free port here.
    const port = wantedPort || await freePort();
    server = new TelegramServer({ port, host: HOST, storeTimeout });
    try {
      await server.start();
      break;
    } catch (err) {
      if (err.code === 'EADDRINUSE' && !wantedPort && attempt < 10) continue;
      throw err;
    }
  }
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    setTimeout(() => process.exit(0), 2000).unref();
    try { await server.stop(); } catch (e) { /* already down */ }
    process.exit(0);
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  process.stdin.on('end', stop);
  process.stdin.on('error', stop);
  process.stdin.resume();
  const port = server.config.port;
  process.stdout.write(`TG_EMULATOR_READY ${JSON.stringify({ port, apiURL: `http://${HOST}:${port}` })}\n`);
}

main().catch((err) => {
  process.stderr.write(`tg-emulator: failed to start: ${err && err.stack}\n`);
  process.exit(1);
});
