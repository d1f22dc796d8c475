/**
 * Benchmarks that run in a process of their own (bench/annual-report.js, bench/fan-out.js): the
 * parent starts the script and reads the one JSON line it prints; the child loads the compiled app
 * on the database its environment names (a SQLite file of its own when none is named) and removes
 * that file when done.
 */
const { execFile } = require('child_process');
const fs = require('fs');
const path = require('path');
const { freshSecrets } = require('../scripts/fresh-secrets');

const ROOT = path.join(__dirname, '..');

/** Runs bench/<script> in a child process; resolves with the JSON of its last printed line. */
function runChildBench(root, script, env, nodeOptions = []) {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [...nodeOptions, path.join(__dirname, script)],
      { cwd: root, env: { ...process.env, ...env }, maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => {
        if (error) return reject(new Error(`bench/${script} failed: ${error.message}\n${stderr}`));
        try {
          resolve(JSON.parse(stdout.trim().split('\n').pop()));
        } catch {
          reject(new Error(`bench/${script} printed no result:\n${stdout}\n${stderr}`));
        }
      }
    );
  });
}

/**
 * In the child: the compiled app loaded (production mode, no demo seed, no cron, fresh secrets), then
 * `measure(app)`, whose result is printed as one JSON line; the app destroyed and its own SQLite file
 * removed either way. The process exits 0 after a result, 1 after an error.
 */
function runInChild(name, extraEnv, measure) {
  (async () => {
    const ownFile = !process.env.DATABASE_CLIENT;
    const dbFile = path.join('.tmp', `bench-${name}-${process.pid}.db`);
    Object.assign(process.env, {
      NODE_ENV: 'production',
      ...(ownFile ? { DATABASE_CLIENT: 'sqlite', DATABASE_FILENAME: dbFile } : {}),
      SEED_DEMO: 'false',
      CRON_ENABLED: 'false',
      PUBLIC_URL: 'http://127.0.0.1:1337',
      ...extraEnv,
      ...freshSecrets(),
      SECRETS_FOR: 'benchmark',
    });
    const { createStrapi } = require('@strapi/strapi');
    const app = createStrapi({
      appDir: ROOT,
      distDir: path.join(ROOT, 'dist'),
      autoReload: false,
      serveAdminPanel: false,
    });
    app.log.level = 'error';
    await app.load();
    try {
      console.log(JSON.stringify(await measure(app)));
    } finally {
      await app.destroy();
      if (ownFile)
        for (const suffix of ['', '-wal', '-shm'])
          fs.rmSync(path.join(ROOT, `${dbFile}${suffix}`), { force: true });
    }
    process.exit(0);
  })().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}

module.exports = { runChildBench, runInChild };
