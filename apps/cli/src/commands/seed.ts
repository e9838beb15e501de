import type { Command } from 'commander';
import { info, out } from '../output.ts';

export function registerSeed(program: Command): void {
  program
    .command('seed')
    .description('load data into the database')
    .requiredOption('--demo', 'the Lima/Callao demo: one user per role, units of each force (once)')
    .option('--json', 'print the result as JSON')
    .action(async (opts: { json?: boolean }) => {
      const { loadConfig, migrate, openDatabase, seedDemo } = await import('@enlace/server');
      const config = loadConfig();
      const db = await openDatabase(config);
      try {
        await migrate(db, { onStart: (m) => info(`applying ${m.name}...`) });
        const r = await seedDemo(db, undefined, (step) => info(`seeding ${step}`));
        const legal = r.legalAdded === true ? '; its missing legal basis seeded now' : r.legalAdded ? `; its missing legal basis not seeded (${r.legalAdded.skipped})` : '';
        out(opts.json ? JSON.stringify(r) : r.seeded ? `demo seeded: ${r.users} users, ${r.units} units` : `demo already present${legal}`);
      } finally {
        await db.close();
      }
    });
}
