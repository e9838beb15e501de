import type { TCopDrawing, TTracksHistory } from '@enlace/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeUser, uniq } from '../../../../../test/support/factories.ts';
import type { TestUser } from '../../../../../test/support/factories.ts';
import { testApp } from '../../../../../test/support/test-app.ts';
import type { TestApp } from '../../../../../test/support/test-app.ts';
import { backends } from '../../../../../test/support/test-db.ts';
import type { Backend } from '../../../../../test/support/test-db.ts';

const at = (msAgo: number): string => new Date(Date.now() - msAgo).toISOString();
const limaDay = (offsetDays: number): string => new Date(Date.now() - 5 * 3600_000 + offsetDays * 86_400_000).toISOString().slice(0, 10);

describe.each(backends().map((b) => [b.name, b] as [string, Backend]))('replay history and legal areas on %s', (_n, backend) => {
  let t: TestApp;
  let pnpCommander: TestUser;
  let epCommander: TestUser;

  const history = async (u: TestUser, query: string): Promise<TTracksHistory> => {
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/tracks/history${query}`, headers: u.auth });
    expect(res.statusCode, res.body).toBe(200);
    return res.json<TTracksHistory>();
  };

  beforeAll(async () => {
    const db = await backend.db();
    t = await testApp(db, { config: { trackFlushMs: 5 } });
    pnpCommander = await makeUser(db, { role: 'commander', agency: 'PNP' });
    epCommander = await makeUser(db, { role: 'commander', agency: 'EP' });
  });
  /** Instruments this file wrote: removed at the end, so later files (and browser tests) on the shared database never see them. */
  const inserted: string[] = [];
  afterAll(async () => {
    if (inserted.length > 0) await t?.ctx.db.query('DELETE FROM legal_instrument WHERE id = ANY($1::text[])', [inserted]);
    await t?.close();
  });

  it('answers the positions of every track in a window and box in one request, each by what the caller may read', async () => {
    const [a, b, secret, far] = ['A', 'B', 'S', 'F'].map((p) => `${p}-${uniq()}`) as [string, string, string, string];
    const report = (uid: string, msAgo: number, lon: number, classification = 'PUBLICO') =>
      ({ uid, callsign: `CS-${uid}`, type: 'a-f-G-U-C', lat: -12.05, lon, time: at(msAgo), force: 'PNP', classification });
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/positions',
      headers: pnpCommander.auth,
      payload: {
        reports: [
          report(a, 3_000_000, -77.05), report(a, 2_000_000, -77.04), report(a, 1_000_000, -77.03),
          report(b, 1_500_000, -77.02), report(b, 500_000, -77.01),
          report(secret, 1_000_000, -77.03, 'CONFIDENCIAL'),
          report(far, 1_000_000, -70.0),
          report(a, 5 * 3600_000, -77.06), // before the window
        ],
      },
    });
    expect(res.statusCode, res.body).toBe(200);
    const box = '-77.2,-12.2,-76.9,-11.9';
    const since = at(3600_000);
    const mine = await history(pnpCommander, `?since=${encodeURIComponent(since)}&bbox=${box}`);
    const byUid = new Map(mine.tracks.map((s) => [s.uid, s]));
    expect(byUid.get(a)?.points.map((p) => p.lon)).toEqual([-77.05, -77.04, -77.03]);
    expect(byUid.get(a)).toMatchObject({ callsign: `CS-${a}`, type: 'a-f-G-U-C', force: 'PNP', source: 'api' });
    expect(byUid.get(b)?.points).toHaveLength(2);
    expect(byUid.has(secret)).toBe(true);
    expect(byUid.has(far), 'outside the box').toBe(false);
    expect(mine.truncated).toBe(false);

    // Another force sees the public tracks and not the confidential one.
    const theirs = await history(epCommander, `?since=${encodeURIComponent(since)}&bbox=${box}`);
    expect(theirs.tracks.map((s) => s.uid)).toEqual(expect.arrayContaining([a, b]));
    expect(theirs.tracks.some((s) => s.uid === secret)).toBe(false);

    // Bounded: a limit cuts the latest positions and says so.
    const cut = await history(pnpCommander, `?since=${encodeURIComponent(since)}&bbox=${box}&limit=2`);
    expect(cut.points).toBe(2);
    expect(cut.truncated).toBe(true);
  });

  it('refuses a window longer than 24 hours or ending before it starts', async () => {
    for (const q of [`?since=${encodeURIComponent(at(30 * 3600_000))}`, `?since=${encodeURIComponent(at(0))}&until=${encodeURIComponent(at(3600_000))}`]) {
      const res = await t.app.inject({ method: 'GET', url: `/api/v1/tracks/history${q}`, headers: pnpCommander.auth });
      expect(res.statusCode).toBe(400);
      expect(res.json<{ error: { code: string } }>().error.code).toBe('TRACK_HISTORY_WINDOW');
    }
  });

  it('lists the legal areas in force the caller may read, as outlined drawings', async () => {
    const insert = async (agency: string, classification: string, from: number, to: number): Promise<string> => {
      const id = `DS-${uniq()}-PCM`;
      inserted.push(id);
      await t.ctx.db.query(
        `INSERT INTO legal_instrument (id, kind, number, scenario, area_ubigeo, valid_from, valid_to, agency, classification)
         VALUES ($1, 'DS_ESTADO_EMERGENCIA', $2, 'FFAA_CONTROL_OSV', '{150101}', $3, $4, $5, $6)`,
        [id, id.slice(3), limaDay(from), limaDay(to), agency, classification],
      );
      return id;
    };
    const open = await insert('CCFFAA', 'PUBLICO', -3, 10);
    const closed = await insert('CCFFAA', 'RESERVADO', -3, 10);
    const past = await insert('CCFFAA', 'PUBLICO', -20, -10);
    const get = async (u: TestUser): Promise<TCopDrawing[]> => {
      const res = await t.app.inject({ method: 'GET', url: '/api/v1/legal-areas', headers: u.auth });
      expect(res.statusCode, res.body).toBe(200);
      return res.json<{ items: TCopDrawing[] }>().items;
    };
    const pnp = await get(pnpCommander);
    const area = pnp.find((d) => d.uid === `ENLACE-LEGAL-${open}`);
    expect(area).toMatchObject({ name: open.slice(3), stroke: '#e0822f', permission: 'legal:read' });
    expect(area?.geometry.type).toBe('MultiPolygon');
    expect(pnp.some((d) => d.uid === `ENLACE-LEGAL-${closed}`), 'another agency’s reserved basis').toBe(false);
    expect(pnp.some((d) => d.uid === `ENLACE-LEGAL-${past}`), 'no longer in force').toBe(false);
    const ep = await get(epCommander);
    expect(ep.some((d) => d.uid === `ENLACE-LEGAL-${closed}`), 'the joint command’s reserved basis, seen by a service').toBe(true);
  });
});
