import { readFileSync, statSync } from 'node:fs';
import type { Command } from 'commander';
import { info, out } from '../output.ts';

interface Finding {
  code: string;
  severity: string;
  message: { es: string; en: string };
}
interface Result {
  id: string;
  decision: string;
  legalBasis: readonly string[];
  findings: readonly Finding[];
}

function table(results: readonly Result[], lang: 'es' | 'en'): string {
  const lines: string[] = [];
  for (const r of results) {
    lines.push(`${r.id.padEnd(12)} ${r.decision.toUpperCase().padEnd(12)} ${r.legalBasis.join(', ') || '-'}`);
    for (const f of r.findings) lines.push(`    ${f.severity.padEnd(8)} ${f.code}: ${f.message[lang]}`);
  }
  return lines.join('\n');
}

/** `enlace legal evaluate FILE`: evaluates a scenario file without a database; exit 2 when the file is invalid. */
export function registerLegalEvaluate(program: Command): void {
  const legal = program.command('legal').description('legal basis and rules for the use of force');
  legal
    .command('evaluate')
    .description('evaluate every request of a legal scenario file (docs/scenario.schema.json); no database needed')
    .argument('<file>', 'scenario file (JSON)')
    .option('--json', 'print {"results": [...]} (or {"errors": [...]}) as JSON on stdout')
    .option('--lang <lang>', 'language of the readable output: es or en', 'es')
    .action(async (file: string, opts: { json?: boolean; lang: string }) => {
      const { evaluateScenarioFile } = await import('@enlace/server/legal');
      const lang = opts.lang === 'en' ? 'en' : 'es';
      let text: string;
      try {
        // Refuse a huge file before reading it into memory; the rules check the exact limit again.
        if (statSync(file).size > 64 * 1024 * 1024) throw new Error('file larger than 64 MiB');
        text = readFileSync(file, 'utf8');
      } catch (err) {
        info(`cannot read ${file}: ${(err as Error).message}`);
        process.exitCode = 2;
        return;
      }
      const evaluation = evaluateScenarioFile({ input: { text }, now: new Date() });
      if (!evaluation.ok) {
        if (opts.json) out(JSON.stringify({ errors: evaluation.errors }));
        for (const e of evaluation.errors) info(`${file}: ${e.path}: ${e.code}: ${e.message[lang]}`);
        process.exitCode = 2;
        return;
      }
      for (const w of evaluation.warnings) info(`warning ${w.path}: ${w.code}: ${w.message[lang]}`);
      out(opts.json ? JSON.stringify({ results: evaluation.results }) : table(evaluation.results, lang));
    });
}
