import { Command } from 'commander';
import { registerAuditVerify } from './commands/audit-verify.ts';
import { registerDbMigrate } from './commands/db-migrate.ts';
import { registerImport } from './commands/import-csv.ts';
import { registerAnalyze } from './commands/analyze.ts';
import { registerImportIncidents } from './commands/import-incidents.ts';
import { registerLegalEvaluate } from './commands/legal-evaluate.ts';
import { registerSeed } from './commands/seed.ts';
import { registerServe } from './commands/serve.ts';
import { registerUserCreate } from './commands/user-create.ts';
import { fail } from './output.ts';

const program = new Command()
  .name('enlace')
  .description('Enlace: joint command and control for citizen security (PNP with FF.AA. support)')
  .showHelpAfterError();

registerServe(program);
registerDbMigrate(program);
registerSeed(program);
registerAuditVerify(program);
registerUserCreate(program);
registerLegalEvaluate(program);
registerImportIncidents(program);
registerAnalyze(program);
registerImport(program);

program.parseAsync(process.argv).catch(fail);
