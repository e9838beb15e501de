import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { TImportMapping, TImportProgress, TImportRowError, TImportRun } from '@enlace/contracts';
import type { FastifyBaseLogger } from 'fastify';
import type { Actor } from '../../platform/auth/actor.ts';
import { auditActorOf } from '../../platform/auth/actor.ts';
import { loadOrCreateSigningKey } from '../../platform/audit/signing-key.ts';
import { runAudited } from '../../platform/audit/run-audited.ts';
import type { Config } from '../../platform/config/config.ts';
import type { AppContext } from '../../platform/context.ts';
import type { Db } from '../../platform/db/db.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import { createMemoryBus } from '../../platform/events/memory-bus.ts';
import { pkiDir } from '../audit/audit-paths.ts';
import { findUserByUsername } from '../identity/find-user.ts';
import { applyImportRun } from './apply-import-run.ts';
import { createImportRun } from './create-import-run.ts';
import { progressBoardOf } from './import-progress.ts';
import { listImportErrors } from './list-import-errors.ts';
import { uploadImportFile } from './upload-import-file.ts';
import { SessionCache } from '../../platform/auth/session-cache.ts';

export interface ImportCsvFileInput {
  config: Config;
  db: Db;
  /** The user the import is made as: authorized and audited under that name. */
  username: string;
  kind: string;
  path: string;
  mapping?: TImportMapping | undefined;
  options?: Record<string, unknown> | undefined;
  encoding?: 'utf-8' | 'windows-1252';
  delimiter?: 'auto' | ',' | ';' | '\t';
  /** Validate only (a dry run) when false. */
  apply: boolean;
  onProgress?: (p: TImportProgress) => void;
  /** Errors returned with an invalid run (the whole report stays in the run). */
  maxErrors?: number;
}

const silentLog = { info: () => undefined, warn: () => undefined, error: () => undefined, debug: () => undefined, trace: () => undefined, fatal: () => undefined, child: () => silentLog, level: 'silent', silent: () => undefined } as unknown as FastifyBaseLogger;

/**
 * `enlace import <kind> FILE`: the same three steps as the API (record the run, stream and validate the file,
 * apply in one transaction), run from the command line against the database, as a named user. Progress is
 * reported from the same board the API shows.
 */
export async function importCsvFile(input: ImportCsvFileInput): Promise<{ run: TImportRun; errors: TImportRowError[] }> {
  const user = await findUserByUsername(input.db, input.username);
  if (!user || !user.active) throw new AppError('NOT_FOUND');
  const actor: Actor = { ...user, userId: user.id, sessionHash: 'cli' };
  const bus = createMemoryBus();
  const ctx: AppContext = {
    config: input.config,
    db: input.db,
    bus,
    signingKey: loadOrCreateSigningKey(pkiDir(input.config.dataDir)),
    log: silentLog,
    afterAudit: () => undefined,
    ready: () => true,
    sessions: SessionCache.disabled(),
  };
  const size = (await stat(input.path)).size;
  const { value: created } = await runAudited({ db: input.db, actor: auditActorOf(actor) }, (tx, audit) =>
    createImportRun(tx, audit, actor, {
      kind: input.kind,
      fileName: input.path.split(/[\\/]/).pop() ?? input.path,
      mapping: input.mapping,
      options: input.options,
      encoding: input.encoding ?? 'utf-8',
      delimiter: input.delimiter ?? 'auto',
    }),
  );
  const board = progressBoardOf(input.db);
  const timer = input.onProgress
    ? setInterval(() => {
        const p = board.get(created.id);
        if (p) input.onProgress?.(p);
      }, 200)
    : null;
  try {
    let run = await uploadImportFile({ ctx, actor, id: created.id, body: createReadStream(input.path), declaredBytes: size });
    if (run.status === 'valid' && input.apply) run = await applyImportRun({ ctx, actor, id: created.id });
    const errors =
      run.counts.errors > 0 ? (await listImportErrors({ ctx, actor, id: run.id, limit: input.maxErrors ?? 50, offset: 0 })).items : [];
    return { run, errors };
  } finally {
    if (timer) clearInterval(timer);
    await bus.close();
  }
}
