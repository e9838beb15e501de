import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { info, out } from '../output.ts';
import { progressBar } from '../progress.ts';

interface ImportOptions {
  as: string;
  mapping?: string;
  options?: string;
  encoding: string;
  delimiter: string;
  dryRun?: boolean;
  json?: boolean;
  lang: string;
}

/**
 * `enlace import <kind> FILE`: imports a CSV file as a named user (authorized and audited as that user), with the
 * same validation, per-row error report and all-or-nothing apply as the web; progress bar on stderr. Exit 2 when
 * the file has errors (nothing applied).
 */
export function registerImport(program: Command): void {
  program
    .command('import')
    .description('import a CSV file: validated whole first, then applied in one transaction (all rows or none)')
    .argument('<kind>', 'what the rows are: units, personnel, equipment, training, ...')
    .argument('<file>', 'CSV file (header row first)')
    .requiredOption('--as <username>', 'the user who imports (their role and agency decide what may be written)')
    .option('--mapping <m.json>', 'column mapping: {"field": {"column": "header", "default": "value"}}')
    .option('--options <o.json>', 'options of the kind (e.g. the CRS of incident coordinates)')
    .option('--encoding <encoding>', 'utf-8 or windows-1252', 'utf-8')
    .option('--delimiter <delimiter>', 'auto, ",", ";" or "tab"', 'auto')
    .option('--dry-run', 'validate and report, apply nothing')
    .option('--json', 'print the run (and its first errors) as JSON on stdout')
    .option('--lang <lang>', 'language of the error messages: es or en', 'es')
    .action(async (kind: string, file: string, opts: ImportOptions) => {
      const { AppError, importCsvFile, loadConfig, migrate, openDatabase, translateError } = await import('@enlace/server');
      const readJson = (path: string | undefined): Record<string, never> | undefined =>
        path === undefined ? undefined : (JSON.parse(readFileSync(path, 'utf8')) as Record<string, never>);
      const encoding = opts.encoding === 'windows-1252' ? 'windows-1252' : 'utf-8';
      const delimiter = opts.delimiter === 'tab' ? '\t' : opts.delimiter === ',' || opts.delimiter === ';' ? opts.delimiter : 'auto';
      const lang = opts.lang === 'en' ? 'en' : 'es';
      const config = loadConfig();
      const db = await openDatabase(config);
      // One bar per phase (receiving, validating, applying): each reads the file from its first byte.
      let phase = '';
      let bar = progressBar(`import ${kind}`);
      let last = -1;
      try {
        await migrate(db);
        const { run, errors } = await importCsvFile({
          config,
          db,
          username: opts.as,
          kind,
          path: file,
          mapping: readJson(opts.mapping),
          options: readJson(opts.options),
          encoding,
          delimiter,
          apply: !opts.dryRun,
          onProgress: (p) => {
            if (p.phase !== phase) {
              bar.stop();
              phase = p.phase;
              bar = progressBar(`import ${kind}: ${phase}`);
              last = -1;
            }
            if (p.bytesRead === last) return;
            last = p.bytesRead;
            bar.update(p.bytesRead, Math.max(p.totalBytes, p.bytesRead));
          },
        });
        bar.stop();
        if (opts.json) out(JSON.stringify({ run, errors }));
        else {
          const c = run.counts;
          out(`${run.id} ${run.status}: ${c.rows} rows, ${c.created} created, ${c.updated} updated, ${c.unchanged} unchanged, ${c.errors} errors`);
        }
        for (const e of errors) info(`${file}:${e.line}${e.column ? ` [${e.column}]` : ''}: ${e.code}: ${e.message[lang]}`);
        if (run.status !== 'applied' && run.status !== 'valid') process.exitCode = 2;
      } catch (err) {
        // A refusal (unknown kind or user, no permission, rows failing at apply time) in words, exit 2.
        if (!(err instanceof AppError)) throw err;
        bar.stop();
        info(`enlace import: ${err.code}: ${translateError(err.code, lang, err.params)}`);
        process.exitCode = 2;
      } finally {
        bar.stop();
        await db.close();
      }
    });
}
