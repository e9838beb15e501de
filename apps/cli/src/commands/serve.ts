import type { Command } from 'commander';
import type { RunningServer } from '@enlace/server';
import { info, out } from '../output.ts';
import { ensureWebBuilt } from '../web-build.ts';

interface ServeOptions {
  demo?: boolean;
  build?: boolean;
}

function stopOnSignals(server: RunningServer): void {
  let stopping = false;
  const stop = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    info(`${signal}: finishing in-flight requests and closing the database...`);
    server
      .stop()
      .then(() => {
        info('shutdown complete');
        process.exit(0);
      })
      .catch((err: unknown) => {
        info(`shutdown failed: ${String(err)}`);
        process.exit(1);
      });
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

function banner(
  server: RunningServer,
  demo: { password: string; users: readonly { username: string; role: string; agency: string }[] } | null,
): string {
  const lines = [`Enlace is ready at ${server.url}`];
  if (server.cot) lines.push(`TAK clients (CoT): plain TCP port ${server.cot.tcpPort ?? 'off'}, TLS port ${server.cot.tlsPort ?? 'off'}`);
  if (server.generatedAdminPassword) {
    lines.push(`First start: administrator "admin", password ${server.generatedAdminPassword} (shown only now).`);
  }
  if (demo) {
    lines.push(`Demo users (password "${demo.password}"):`);
    for (const u of demo.users) lines.push(`  ${u.username.padEnd(20)} ${u.role.padEnd(14)} ${u.agency}`);
  }
  return lines.join('\n');
}

/** `serve` runs the server; `start` (npm start) also builds the web app when needed and seeds the demo. */
export function registerServe(program: Command): void {
  const run = async (opts: ServeOptions): Promise<void> => {
    const { DEMO_PASSWORD, DEMO_USERS, loadConfig, seedDemo, startServer } = await import('@enlace/server');
    const started = Date.now();
    // Demo mode makes the map alive: simulated tracks (labelled as such) unless ENLACE_TRACK_SIMULATOR says otherwise.
    const config = loadConfig(opts.demo ? { ENLACE_TRACK_SIMULATOR: 'true', ...process.env } : process.env);
    if (opts.build) await ensureWebBuilt(config.webDist);
    const server = await startServer({
      config,
      onMigration: (name, ms) => info(`migration ${name} applied in ${ms} ms`),
      afterMigrate: async (s) => {
        if (!opts.demo) return;
        const r = await seedDemo(s.db, s.checkpointer.schedule, (step) => info(`seeding demo ${step}...`));
        if (r.seeded) info(`demo seeded: ${r.users} users, ${r.units} units (Lima/Callao)`);
        if (r.legalAdded === true) info('demo: the legal basis this earlier demo lacked is seeded now');
        else if (r.legalAdded) info(`demo: the legal basis this earlier demo lacks could not be seeded (${r.legalAdded.skipped})`);
      },
    });
    stopOnSignals(server);
    out(banner(server, opts.demo ? { password: DEMO_PASSWORD, users: DEMO_USERS } : null));
    info(`ready in ${((Date.now() - started) / 1000).toFixed(1)} s (${server.db.kind}, events: ${server.bus.kind})`);
  };
  program
    .command('serve')
    .description('run the server (PORT, ENLACE_DATA_DIR, DATABASE_URL, NATS_URL; see README)')
    .option('--demo', 'seed the Lima/Callao demo on first run')
    .option('--build', 'build the web app first when its sources changed')
    .action(run);
  program
    .command('start')
    .description('what `npm start` runs: build the web app if needed, migrate, seed the demo once, serve')
    .action(() => run({ demo: true, build: true }));
}
