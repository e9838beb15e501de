import type { AppContext } from '../../platform/context.ts';

export interface Readiness {
  status: 'ready' | 'not_ready';
  database: 'ok' | 'closed' | 'unreachable';
  migrations: 'applied' | 'pending';
}

/** Ready means: the database answers and every migration is applied. */
export async function checkReadiness(ctx: Pick<AppContext, 'db' | 'ready'>): Promise<Readiness> {
  let database: Readiness['database'] = 'closed';
  if (!ctx.db.closed) {
    try {
      await ctx.db.query('SELECT 1');
      database = 'ok';
    } catch {
      database = 'unreachable';
    }
  }
  const migrations = ctx.ready() ? 'applied' : 'pending';
  return { status: database === 'ok' && migrations === 'applied' ? 'ready' : 'not_ready', database, migrations };
}
