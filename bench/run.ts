/**
 * `npm run bench`: the figures of docs/benchmarks.md, each against a baseline measured in the same run.
 * Markdown on stdout, progress on stderr. PostgreSQL figures need ENLACE_BENCH_DATABASE_URL (a scratch
 * database that this run fills with bench rows).
 */
import { cpus, totalmem } from 'node:os';
import { migrate } from '../apps/server/src/platform/db/migrate.ts';
import { openPglite } from '../apps/server/src/platform/db/open-pglite.ts';
import { openPostgres } from '../apps/server/src/platform/db/open-postgres.ts';
import { benchAuditedWrite } from './audited-write.bench.ts';
import { benchAnalytics } from './analytics.bench.ts';
import { benchAuditVerify } from './audit-verify.bench.ts';
import { benchHttpWrite } from './http-write.bench.ts';
import { formatResults } from './report.ts';
import { benchStartup } from './startup.bench.ts';

const only = process.argv[2];
const out = (s: string): boolean => process.stdout.write(`${s}\n`);
out(`Machine: ${cpus().length} x ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}; ${new Date().toISOString()}\n`);

if (!only || only === 'verify') out(formatResults('Audit verification, 1,000,000 entries', benchAuditVerify(1_000_000)));

if (!only || only === 'write') {
  process.stderr.write('PGlite: opening and migrating an in-memory database...\n');
  const pglite = await openPglite();
  await migrate(pglite);
  out(formatResults('Audited write vs unaudited insert over HTTP, PGlite', await benchHttpWrite(pglite, 'PGlite', 8)));
  out(formatResults('Audited write vs unaudited insert in SQL only, PGlite (one connection)', await benchAuditedWrite(pglite, 'PGlite', 1)));
  await pglite.close();
  const url = process.env.ENLACE_BENCH_DATABASE_URL;
  if (url) {
    const pg = openPostgres(url, { max: 16 });
    await migrate(pg);
    for (const clients of [1, 16]) {
      out(formatResults(`Audited write vs unaudited insert over HTTP, PostgreSQL, ${clients} client(s)`, await benchHttpWrite(pg, 'PostgreSQL', clients)));
      out(formatResults(`Audited write vs unaudited insert in SQL only, PostgreSQL, ${clients} client(s)`, await benchAuditedWrite(pg, 'PostgreSQL', clients)));
    }
    await pg.close();
  } else {
    out('PostgreSQL write figures skipped: set ENLACE_BENCH_DATABASE_URL.\n');
  }
}

if (!only || only === 'analytics') out(formatResults('Analytics kernels, 1,000,000 synthetic incidents', await benchAnalytics()));

if (!only || only === 'startup') out(formatResults('Start-up on the embedded database', await benchStartup()));
