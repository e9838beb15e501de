import { AGENCY_CODES, CLASSIFICATIONS } from '@enlace/contracts';
import { computeReadiness } from '@enlace/rules';
import { limaToday } from '../apps/server/src/modules/forces/forces-access.ts';
import { computeAndStore } from '../apps/server/src/modules/readiness/readiness-results.ts';
import { standardInForce } from '../apps/server/src/modules/readiness/standard-in-force.ts';
import { loadReadinessData } from '../apps/server/src/modules/readiness/readiness.repository.ts';
import { runAudited } from '../apps/server/src/platform/audit/run-audited.ts';
import type { Db } from '../apps/server/src/platform/db/db.ts';
import type { BenchResult } from './report.ts';

const MEMBERS = 100_000;
const EQUIPMENT = 500_000;
const CERTIFICATES = 1_000_000;
const PER_UNIT = 30;
const MARK = 'bench-readiness';

/** Every label: the bench measures the computation, not authorization. */
const ALL_LABELS = AGENCY_CODES.flatMap((agency) => CLASSIFICATIONS.map((classification) => ({ agency, classification })));

/**
 * Fills the scratch database once (set-based SQL): 3,334 units of the four forces spread over Peru's districts,
 * 100,000 members, 500,000 equipment records (10,000 pistols by serial assigned to designated members, the rest lots
 * of every category in every condition) and 1,000,000 certificates (ten courses per member, some expired, some
 * revoked).
 */
async function fill(db: Db): Promise<void> {
  const have = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM person WHERE document_number LIKE 'BR%'`);
  if ((have.rows[0]?.n ?? 0) >= MEMBERS) return;
  const units = Math.ceil(MEMBERS / PER_UNIT);
  process.stderr.write(`readiness bench: generating ${units} units, ${MEMBERS} members, ${EQUIPMENT} equipment, ${CERTIFICATES} certificates...\n`);
  await db.exec(`
    INSERT INTO unit (name, short_name, force, echelon, home_ubigeo, home, agency, classification)
    SELECT '${MARK} ' || lpad(g::text, 6, '0'), 'BR' || g, f.force, 'compania', d.a[1 + g % array_length(d.a, 1)],
           ST_SetSRID(ST_MakePoint(-81 + (g % 1000) * 0.012, -18 + (g % 997) * 0.018), 4326), f.force, 'CONFIDENCIAL'
      FROM generate_series(0, ${units - 1}) g
      CROSS JOIN (SELECT array_agg(ubigeo ORDER BY ubigeo) AS a FROM ref_district) d
      CROSS JOIN LATERAL (SELECT (ARRAY['PNP', 'PNP', 'EP', 'MGP', 'FAP'])[1 + g % 5] AS force) f;
    CREATE TEMP TABLE bench_unit AS
      SELECT id, agency, row_number() OVER (ORDER BY name) - 1 AS rn FROM unit WHERE name LIKE '${MARK} %';
    INSERT INTO person (unit_id, given_names, family_names, rank, status, designated_lethal, document_type, document_number,
                        agency, classification)
    SELECT bu.id, 'Miembro', 'Bench ' || g, 'Cabo', (ARRAY['available', 'available', 'available', 'available', 'available',
           'available', 'available', 'available', 'on_leave', 'deployed'])[1 + g % 10], g < 10000, 'CIM',
           'BR' || lpad(g::text, 8, '0'), bu.agency, 'CONFIDENCIAL'
      FROM generate_series(0, ${MEMBERS - 1}) g JOIN bench_unit bu ON bu.rn = g % ${units};
    CREATE TEMP TABLE bench_person AS
      SELECT id, unit_id, agency, substr(document_number, 3)::int AS rn FROM person WHERE document_number LIKE 'BR%';
    CREATE INDEX ON bench_person (rn);
    INSERT INTO equipment_item (unit_id, category, item, serial, quantity, condition, assigned_to, vehicle, agency, classification)
    SELECT bu.id, c.category, 'bench lot ' || g, CASE WHEN g < 10000 THEN 'BR-P-' || g END,
           CASE WHEN g < 10000 THEN 1 ELSE 1 + g % 20 END,
           CASE WHEN g < 10000 THEN 'serviceable' WHEN g % 10 = 0 THEN 'in_repair' WHEN g % 10 = 1 THEN 'unserviceable' ELSE 'serviceable' END,
           CASE WHEN g < 10000 THEN (SELECT bp.id FROM bench_person bp WHERE bp.rn = g) END,
           CASE WHEN c.category = 'VEHICULO' THEN jsonb_build_object('plate', 'BR' || g, 'kind', 'Camioneta', 'hasRadio', g % 3 <> 0) END,
           bu.agency, 'CONFIDENCIAL'
      FROM generate_series(0, ${EQUIPMENT - 1}) g JOIN bench_unit bu ON bu.rn = g % ${units}
      CROSS JOIN LATERAL (SELECT CASE WHEN g < 10000 THEN 'PISTOLA' ELSE (ARRAY['ESCUDO', 'CASCO', 'CHALECO', 'MASCARA_ANTIGAS',
           'BASTON', 'GAS_PIMIENTA', 'LANZADOR_MENOS_LETAL', 'TASER', 'RADIO', 'DRON', 'VEHICULO'])[1 + (g / ${units}) % 11] END AS category) c;
    INSERT INTO certificate (code, person_id, course_code, issued_on, valid_until, revoked_at, revoked_reason, agency, classification)
    SELECT upper(translate(substr(md5('${MARK}' || g), 1, 26), '0189', 'wxyz')), bp.id, k.a[1 + (g / ${MEMBERS}) % 12],
           current_date - (g * 7 % 900), current_date - (g * 7 % 900) + 730,
           CASE WHEN g % 97 = 0 THEN now() END, CASE WHEN g % 97 = 0 THEN 'bench' END, bp.agency, 'CONFIDENCIAL'
      FROM generate_series(0, ${CERTIFICATES - 1}) g JOIN bench_person bp ON bp.rn = g % ${MEMBERS}
      CROSS JOIN (SELECT array_agg(code ORDER BY code) AS a FROM course) k;
    DROP TABLE bench_person;
    DROP TABLE bench_unit;
    ANALYZE unit; ANALYZE person; ANALYZE equipment_item; ANALYZE certificate;
  `);
}

/** One SQL aggregate pass over the same tables: per unit, members, current certificates, equipment on hand and serviceable. */
async function aggregatePass(db: Db, today: string): Promise<number> {
  const r = await db.query<{ units: number }>(
    `WITH m AS (
       SELECT coalesce(s.to_unit_id, p.unit_id) AS unit_id, count(*) AS n
         FROM person p LEFT JOIN secondment s ON s.person_id = p.id AND s.status = 'approved' AND $1::date BETWEEN s.starts_on AND s.ends_on
        GROUP BY 1),
     c AS (
       SELECT p.unit_id, count(*) AS n FROM certificate c JOIN person p ON p.id = c.person_id
        WHERE c.revoked_at IS NULL AND c.valid_until >= $1::date AND c.issued_on <= $1::date GROUP BY 1),
     e AS (
       SELECT unit_id, sum(quantity) AS held, sum(quantity) FILTER (WHERE condition = 'serviceable') AS good
         FROM equipment_item GROUP BY 1)
     SELECT count(*)::int AS units FROM unit u
       LEFT JOIN m ON m.unit_id = u.id LEFT JOIN c ON c.unit_id = u.id LEFT JOIN e ON e.unit_id = u.id
      WHERE coalesce(m.n, 0) + coalesce(c.n, 0) + coalesce(e.held, 0) + coalesce(e.good, 0) >= 0`,
    [today],
  );
  return r.rows[0]?.units ?? 0;
}

const time = async <T>(fn: () => Promise<T>): Promise<[T, number]> => {
  const t0 = performance.now();
  const v = await fn();
  return [v, performance.now() - t0];
};
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

/**
 * Recomputing the readiness of the whole country (the product path: set-based loading, the pure computation, one
 * statement storing every unit's result, one audit entry, in one transaction; gap lists are computed per unit when
 * looked at) against one SQL
 * aggregate pass over the same tables, both measured in this run (median of 3 after a warm-up).
 */
export async function benchReadiness(db: Db): Promise<BenchResult[]> {
  await fill(db);
  const today = limaToday();
  const recompute = async (): Promise<number> =>
    (
      await runAudited({ db, actor: { id: null, name: 'bench', agency: null } }, async (tx, audit) => {
        const r = await computeAndStore(tx, { labels: ALL_LABELS }, today, { gaps: false });
        audit.record('recompute', 'readiness', null, { units: r.computations.length });
        return r.computations.length;
      })
    ).value;
  process.stderr.write('readiness bench: warm-up...\n');
  const units = await recompute();
  await aggregatePass(db, today);
  const full: number[] = [];
  const sql: number[] = [];
  const load: number[] = [];
  const pure: number[] = [];
  for (let i = 0; i < 3; i++) {
    full.push((await time(recompute))[1]);
    sql.push((await time(() => aggregatePass(db, today)))[1]);
    const [data, loadMs] = await time(() => loadReadinessData(db, { labels: ALL_LABELS }, today, { itemsForRepair: false }));
    load.push(loadMs);
    const { standard } = await standardInForce(db);
    pure.push((await time(async () => computeReadiness(data, standard, { asOf: today, gaps: false })))[1]);
  }
  const counts = await db.query<{ m: number; e: number; c: number }>(
    'SELECT (SELECT count(*) FROM person)::int AS m, (SELECT count(*) FROM equipment_item)::int AS e, (SELECT count(*) FROM certificate)::int AS c',
  );
  const n = counts.rows[0]!;
  return [
    { name: `whole-country recompute (${units} units; ${n.m} members, ${n.e} equipment, ${n.c} certificates in the tables)`, value: median(full), unit: 'ms' },
    { name: 'of which: set-based loading (3 queries)', value: median(load), unit: 'ms' },
    { name: 'of which: pure computation (@enlace/rules; gap lists on demand per unit)', value: median(pure), unit: 'ms' },
    { name: 'baseline: one SQL aggregate pass over the same tables', value: median(sql), unit: 'ms' },
    { name: 'recompute / aggregate pass', value: median(full) / median(sql), unit: 'ratio' },
  ];
}
