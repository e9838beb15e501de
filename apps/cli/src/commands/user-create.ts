import { AGENCY_CODES, CLASSIFICATIONS, ROLES, ZUserCreate } from '@enlace/contracts';
import type { Command } from 'commander';
import { out } from '../output.ts';

interface Opts {
  username: string;
  name: string;
  agency: string;
  role: string;
  clearance?: string;
  password?: string;
  json?: boolean;
}

async function readPassword(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8').trim();
}

export function registerUserCreate(program: Command): void {
  const user = program.command('user').description('user administration');
  user
    .command('create')
    .description('create a user (the password is read from ENLACE_USER_PASSWORD or standard input)')
    .requiredOption('--username <username>', 'login name: lower-case letters, digits, . - _')
    .requiredOption('--name <displayName>', 'full name with rank')
    .requiredOption('--agency <code>', `one of ${AGENCY_CODES.join(', ')}`)
    .requiredOption('--role <role>', `one of ${ROLES.join(', ')}`)
    .option('--clearance <level>', `one of ${CLASSIFICATIONS.join(', ')} (default by role)`)
    .option('--json', 'print the created user as JSON')
    .action(async (opts: Opts) => {
      const { SYSTEM_ACTOR, createUser, loadConfig, migrate, openDatabase, runAudited } = await import('@enlace/server');
      const password = process.env.ENLACE_USER_PASSWORD ?? (await readPassword());
      const draft = ZUserCreate.parse({
        username: opts.username,
        displayName: opts.name,
        agency: opts.agency,
        role: opts.role,
        password,
        ...(opts.clearance ? { clearance: opts.clearance } : {}),
      });
      const config = loadConfig();
      const db = await openDatabase(config);
      try {
        await migrate(db);
        const { value } = await runAudited({ db, actor: { ...SYSTEM_ACTOR, name: 'cli' } }, (tx, audit) =>
          createUser(tx, audit, draft),
        );
        out(opts.json ? JSON.stringify(value) : `created ${value.username} (${value.role}, ${value.agency}, ${value.clearance})`);
      } finally {
        await db.close();
      }
    });
}
