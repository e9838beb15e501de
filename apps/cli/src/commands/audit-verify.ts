import type { Command } from 'commander';
import { info, out } from '../output.ts';

export function registerAuditVerify(program: Command): void {
  const audit = program.command('audit').description('tamper-evident audit trail');
  audit
    .command('verify')
    .description('recompute the hash chain and check it against the signed checkpoints')
    .option('--json', 'print {ok, entries, firstBadSeq, kind} as JSON')
    .action(async (opts: { json?: boolean }) => {
      const { auditHeadFile, loadConfig, openDatabase, verifyAuditChain } = await import('@enlace/server');
      const config = loadConfig();
      const db = await openDatabase(config);
      try {
        const started = Date.now();
        const result = await verifyAuditChain({
          db,
          headFile: auditHeadFile(config.dataDir),
          onProgress: (seq) => info(`  verified up to seq ${seq}`),
        });
        const seconds = (Date.now() - started) / 1000;
        if (opts.json) out(JSON.stringify(result));
        else if (result.ok) out(`OK: ${result.entries} entries verified in ${seconds.toFixed(1)} s`);
        else out(`TAMPERED: first bad entry seq ${result.firstBadSeq} (${result.kind}); ${result.entries} entries read`);
        if (!result.ok) process.exitCode = 2;
      } finally {
        await db.close();
      }
    });
}
