import type { Queryable } from '../../platform/db/db.ts';

/** The id of the oldest unit with each of `names` (the demo's units, looked up in a data directory seeded before). */
export async function oldestUnitIdsByName(db: Queryable, names: readonly string[]): Promise<Map<string, string>> {
  const r = await db.query<{ name: string; id: string }>(
    `SELECT DISTINCT ON (name) name, id FROM unit WHERE name = ANY($1::text[]) ORDER BY name, created_at, id`,
    [names],
  );
  return new Map(r.rows.map((row) => [row.name, row.id]));
}

/** Whether a legal instrument with this id is registered (whatever its labels: the seed is no user's read). */
export async function instrumentExists(db: Queryable, id: string): Promise<boolean> {
  const r = await db.query('SELECT 1 FROM legal_instrument WHERE id = $1', [id]);
  return r.rows.length > 0;
}
