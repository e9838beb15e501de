import type { Command } from 'commander';
import { info, out } from '../output.ts';
import { progressBar } from '../progress.ts';

export function registerDbMigrate(program: Command): void {
  const db = program.command('db').description('database administration');
  db.command('migrate')
    .description('apply pending migrations (embedded database in $ENLACE_DATA_DIR/db, or DATABASE_URL)')
    .option('--json', 'print the result as JSON')
    .action(async (opts: { json?: boolean }) => {
      const { loadConfig, migrate, openDatabase } = await import('@enlace/server');
      const config = loadConfig();
      const database = await openDatabase(config);
      try {
        info(`migrating ${database.kind === 'postgres' ? 'PostgreSQL (DATABASE_URL)' : `${config.dataDir}/db`}`);
        const bars = new Map<string, ReturnType<typeof progressBar>>();
        const applied = await migrate(database, {
          onStart: (m) => info(`  applying ${m.name}...`),
          onProgress: (m, done, total) => {
            if (!bars.has(m.name)) bars.set(m.name, progressBar(`    ${m.name}`));
            bars.get(m.name)!.update(done, total);
          },
          onDone: (m, ms) => {
            bars.get(m.name)?.stop();
            info(`  applied ${m.name} in ${ms} ms`);
          },
        });
        out(opts.json ? JSON.stringify({ applied }) : `${applied} migration(s) applied`);
      } finally {
        await database.close();
      }
    });
}
