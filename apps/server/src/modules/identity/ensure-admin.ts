import { randomBytes } from 'node:crypto';
import { SYSTEM_ACTOR } from '../../platform/auth/actor.ts';
import { runAudited } from '../../platform/audit/run-audited.ts';
import type { Db } from '../../platform/db/db.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import { findUserByUsername } from './identity.repository.ts';
import { createUser } from './create-user.ts';

export interface EnsureAdminResult {
  created: boolean;
  /** The generated password, only when one was generated (print it once). */
  generatedPassword: string | null;
}

/**
 * On first start, creates the `admin` user with ENLACE_ADMIN_PASSWORD or a generated password. It is
 * recorded under MININTER, the ministry that leads citizen security; the demo seed never touches it. Safe when
 * several instances start at once on an empty database: exactly one creates it, the others find it.
 */
export async function ensureAdmin(db: Db, password: string | null, afterAudit?: () => void): Promise<EnsureAdminResult> {
  if (await findUserByUsername(db, 'admin')) return { created: false, generatedPassword: null };
  const generated = password ? null : randomBytes(18).toString('base64url');
  try {
    await runAudited({ db, actor: SYSTEM_ACTOR, afterAudit }, async (tx, audit) => {
      await createUser(tx, audit, {
        username: 'admin',
        displayName: 'Administrador de Enlace',
        password: password ?? generated!,
        agency: 'MININTER',
        role: 'admin',
        language: 'es',
      });
    });
  } catch (err) {
    // Another instance sharing the database created it between our check and our insert: its password stands.
    if (err instanceof AppError && err.code === 'USERNAME_TAKEN') return { created: false, generatedPassword: null };
    throw err;
  }
  return { created: true, generatedPassword: generated };
}
