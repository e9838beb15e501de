import type { Command } from 'commander';
import { info, out } from '../output.ts';
import { progressBar } from '../progress.ts';

/**
 * `enlace import-incidents chicago|vancouver`: imports one of the real incident files of ../shared/data/incidents
 * (Chicago aggravated assaults 2010-2019, Vancouver thefts 2020; MIT package of City of Chicago and Vancouver open
 * data) through the import engine, so analysts can try the tools on real crime. Re-running it creates no duplicates.
 */
export function registerImportIncidents(program: Command): void {
  program
    .command('import-incidents')
    .description('import the real Chicago or Vancouver incident file (../shared/data/incidents) for trying the analysis tools')
    .argument('<dataset>', 'chicago (148,636 aggravated assaults 2010-2019) or vancouver (21,918 thefts 2020)')
    .option('--as <username>', 'the user who imports (their agency owns the records)', 'pnp.analista')
    .option('--json', 'print the import run as JSON on stdout')
    .action(async (dataset: string, opts: { as: string; json?: boolean }) => {
      if (dataset !== 'chicago' && dataset !== 'vancouver') throw new Error(`unknown dataset "${dataset}": use chicago or vancouver`);
      const { DATASETS, importIncidentDataset, loadConfig, migrate, openDatabase } = await import('@enlace/server');
      info(DATASETS[dataset].title);
      const config = loadConfig();
      const db = await openDatabase(config);
      const bar = progressBar(`import ${dataset}`);
      try {
        await migrate(db);
        const { run, errors, rows } = await importIncidentDataset({
          config,
          db,
          dataset,
          username: opts.as,
          onProgress: (p) => bar.update(p.bytesRead, Math.max(p.totalBytes, p.bytesRead)),
        });
        bar.stop();
        for (const e of errors.slice(0, 20)) info(`line ${e.line}${e.column ? ` (${e.column})` : ''}: ${e.code}: ${e.message.es}`);
        if (opts.json) out(JSON.stringify({ run, errors }));
        else out(`${dataset}: ${rows} rows, status ${run.status}: ${run.counts.created} created, ${run.counts.updated} updated, ${run.counts.unchanged} unchanged, ${run.counts.errors} errors`);
        if (run.status !== 'applied') process.exitCode = 2;
      } catch (err) {
        bar.stop();
        if ((err as { code?: string }).code === 'NOT_FOUND') throw new Error(`user "${opts.as}" not found: seed the demo (enlace seed --demo) or pass --as <username>`);
        throw err;
      } finally {
        await db.close();
      }
    });
}
