import type { TAgreement, TIncident, TSharedIncident, TSharingRead } from '@enlace/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeUnit, makeUser, uniq } from '../../../../../test/support/factories.ts';
import type { TestUser } from '../../../../../test/support/factories.ts';
import { aDecree, anExtension } from '../../../../../test/support/legal.ts';
import type { InstrumentBody } from '../../../../../test/support/legal.ts';
import { testApp } from '../../../../../test/support/test-app.ts';
import type { TestApp } from '../../../../../test/support/test-app.ts';
import { backends } from '../../../../../test/support/test-db.ts';
import type { Backend } from '../../../../../test/support/test-db.ts';

const SJL = { lon: -76.9779, lat: -11.9491 };
const MIRAFLORES = { lon: -77.0262, lat: -12.1211 };
const limaDay = (offsetDays: number): string => new Date(Date.now() - 5 * 3600_000 + offsetDays * 86_400_000).toISOString().slice(0, 10);

describe.each(backends().map((b) => [b.name, b] as [string, Backend]))('sharing agreements on %s', (_n, backend) => {
  let t: TestApp;
  let pnpCommander: TestUser;
  let pnpOperator: TestUser;
  let pnpLegal: TestUser;
  let epAnalyst: TestUser;
  let mgpAnalyst: TestUser;
  let dp: TestUser;
  let decreeId: string;
  const source = `S${uniq().toUpperCase()}`;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    const db = await backend.db();
    t = await testApp(db);
    pnpCommander = await makeUser(db, { role: 'commander', agency: 'PNP' });
    pnpOperator = await makeUser(db, { role: 'operator', agency: 'PNP' });
    pnpLegal = await makeUser(db, { role: 'legal_officer', agency: 'PNP' });
    epAnalyst = await makeUser(db, { role: 'analyst', agency: 'EP' });
    mgpAnalyst = await makeUser(db, { role: 'analyst', agency: 'MGP' });
    dp = await makeUser(db, { role: 'oversight', agency: 'DP' });
    const year = Number(limaDay(0).slice(0, 4));
    const decree = aDecree(year, { ubigeo: ['150132'] }, { validFrom: limaDay(-10), validTo: limaDay(20), oversight: { defensoriaContact: 'Defensoría Lima', ministerioPublicoContact: 'Fiscalía Lima', reportingSchedule: 'diario', congressNotifiedOn: limaDay(-9) } });
    const reg = await t.app.inject({ method: 'POST', url: '/api/v1/legal/instruments', headers: pnpLegal.auth, payload: decree });
    expect(reg.statusCode, reg.body).toBe(201);
    decreeId = decree.id;
    const at = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();
    const seed = [
      ['in-area', SJL, at(-2), 'RESERVADO'],
      ['other-district', MIRAFLORES, at(-2), 'RESERVADO'],
      ['before-period', SJL, at(-40), 'RESERVADO'],
      ['secret', SJL, at(-1), 'SECRETO'],
    ] as const;
    for (const [ref, location, occurredAt, classification] of seed) {
      const res = await t.app.inject({
        method: 'POST', url: '/api/v1/incidents', headers: pnpCommander.auth,
        payload: { source, sourceRef: ref, crimeType: 'EXTORSION', occurredAt, location, classification, address: `Av. ${ref}`, description: 'cobro de cupos' },
      });
      expect(res.statusCode, res.body).toBe(201);
      ids[ref] = res.json<TIncident>().id;
    }
    const victim = await t.app.inject({ method: 'POST', url: `/api/v1/incidents/${ids['in-area']}/victims`, headers: pnpOperator.auth, payload: { fullName: 'Rosa Mamani', documentId: '87654321' } });
    expect(victim.statusCode).toBe(201);
  });
  afterAll(async () => t.close());

  const openAgreement = (user: TestUser, body: Record<string, unknown>) =>
    t.app.inject({ method: 'POST', url: '/api/v1/sharing/agreements', headers: user.auth, payload: body });
  const agreementCount = async (): Promise<number> =>
    Number((await t.ctx.db.query<{ n: string }>('SELECT count(*) AS n FROM sharing_agreement')).rows[0]!.n);
  const readShared = (user: TestUser, id: string) =>
    t.app.inject({ method: 'GET', url: `/api/v1/sharing/agreements/${id}/incidents`, headers: user.auth });

  it('an Ejército analyst sees PNP incidents in the emergency area only while the agreement is active, never the victim fields, each read audited', async () => {
    const mine = (res: { json: <T>() => T }) => res.json<{ items: TSharedIncident[] }>().items.filter((i) => Object.values(ids).includes(i.id));
    // Without an agreement: nothing.
    const list = await t.app.inject({ method: 'GET', url: `/api/v1/incidents?source=${source}`, headers: epAnalyst.auth });
    expect(list.json<{ items: unknown[] }>().items).toEqual([]);

    const created = await openAgreement(pnpCommander, {
      title: 'Intercambio SJL', recipientAgency: 'EP', instrumentId: decreeId,
      fields: ['crimeType', 'occurredAt', 'location', 'ubigeo', 'victimCount'],
    });
    expect(created.statusCode, created.body).toBe(201);
    const agreement = created.json<TAgreement>();
    expect(agreement).toMatchObject({ status: 'active', ownerAgency: 'PNP', recipientAgency: 'EP', areaUbigeo: ['150132'], validFrom: limaDay(-10), validTo: limaDay(20) });

    const read = await readShared(epAnalyst, agreement.id);
    expect(read.statusCode, read.body).toBe(200);
    const seen = mine(read);
    expect(seen.map((i) => i.id)).toEqual([ids['in-area']]);
    expect(seen[0]).toMatchObject({ crimeType: 'EXTORSION', ubigeo: '150132', victimCount: 1, address: null, description: null, localCode: null });
    expect(read.body).not.toContain('Rosa Mamani');
    expect(read.body).not.toContain('87654321');
    // Another force, not the recipient, cannot use it.
    expect((await readShared(mgpAnalyst, agreement.id)).statusCode).toBe(404);

    // Each read is in the audit trail and in the oversight list.
    const audit = await t.ctx.db.query<{ actor: string }>("SELECT actor FROM audit_log WHERE action = 'read_shared' AND entity_id = $1", [agreement.id]);
    expect(audit.rows.map((r) => r.actor)).toEqual([epAnalyst.user.username]);
    const reads = await t.app.inject({ method: 'GET', url: `/api/v1/sharing/reads?agreementId=${agreement.id}`, headers: dp.auth });
    expect(reads.statusCode).toBe(200);
    const logged = reads.json<{ items: TSharingRead[] }>().items;
    expect(logged).toMatchObject([{ actor: epAnalyst.user.username, agency: 'EP' }]);
    expect(logged[0]!.incidentIds).toContain(ids['in-area']);
    for (const other of ['other-district', 'before-period', 'secret']) expect(logged[0]!.incidentIds).not.toContain(ids[other]);
    const byIncident = await t.app.inject({ method: 'GET', url: `/api/v1/sharing/reads?incidentId=${ids['in-area']}`, headers: pnpLegal.auth });
    expect(byIncident.json<{ total: number }>().total).toBe(1);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/sharing/reads', headers: epAnalyst.auth })).statusCode).toBe(403);

    // Ending it ends access at once.
    const ended = await t.app.inject({ method: 'POST', url: `/api/v1/sharing/agreements/${agreement.id}/end`, headers: pnpCommander.auth, payload: { reason: 'Fin del apoyo' } });
    expect(ended.statusCode, ended.body).toBe(200);
    // Its access ran up to today, the day it was ended (its period would have run on).
    expect(ended.json<TAgreement>()).toMatchObject({ status: 'ended', endReason: 'Fin del apoyo', validTo: limaDay(20), effectiveValidTo: limaDay(0) });
    const after = await readShared(epAnalyst, agreement.id);
    expect(after.statusCode).toBe(403);
    expect(after.json()).toMatchObject({ error: { code: 'SHARING_NOT_ACTIVE' } });
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/sharing/reads?agreementId=${agreement.id}`, headers: dp.auth })).json<{ total: number }>().total).toBe(1);
  });

  it('refuses victim fields, an agreement beyond the instrument period, an unknown instrument, the recipient ending it, and an exercise tie with the reason', async () => {
    const base = { title: 'X', recipientAgency: 'EP', instrumentId: decreeId, fields: ['crimeType'] };
    expect((await openAgreement(pnpCommander, { ...base, fields: ['victims'] })).statusCode).toBe(400);
    const late = await openAgreement(pnpCommander, { ...base, validTo: limaDay(90) });
    expect(late.json()).toMatchObject({ error: { code: 'SHARING_OUTSIDE_INSTRUMENT_PERIOD' } });
    const unknown = await openAgreement(pnpCommander, { ...base, instrumentId: 'DS-NO-EXISTE' });
    expect(unknown.json()).toMatchObject({ error: { code: 'SHARING_NO_BASIS' } });
    const exercise = await openAgreement(pnpCommander, { title: 'Ejercicio', recipientAgency: 'EP', exerciseId: '00000000-0000-4000-8000-000000000000', fields: ['crimeType'] });
    expect(exercise.json()).toMatchObject({ error: { code: 'SHARING_NO_EXERCISE' } });
    expect((await openAgreement(epAnalyst, base)).statusCode).toBe(403);
    const ok = (await openAgreement(pnpCommander, base)).json<TAgreement>();
    const recipientEnds = await t.app.inject({ method: 'POST', url: `/api/v1/sharing/agreements/${ok.id}/end`, headers: epAnalyst.auth, payload: { reason: 'x' } });
    expect(recipientEnds.statusCode).toBe(403);
    const listed = await t.app.inject({ method: 'GET', url: '/api/v1/sharing/agreements', headers: epAnalyst.auth });
    expect(listed.json<{ items: TAgreement[] }>().items.map((a) => a.id)).toContain(ok.id);
    const mgp = await t.app.inject({ method: 'GET', url: '/api/v1/sharing/agreements', headers: mgpAnalyst.auth });
    expect(mgp.json<{ items: TAgreement[] }>().items.map((a) => a.id)).not.toContain(ok.id);
  });

  describe('when the legal basis is revoked or cut short', () => {
    const OVERSIGHT = { defensoriaContact: 'Defensoría Lima', ministerioPublicoContact: 'Fiscalía Lima', reportingSchedule: 'diario' };
    const register = async (instrument: InstrumentBody): Promise<string> => {
      const res = await t.app.inject({ method: 'POST', url: '/api/v1/legal/instruments', headers: pnpLegal.auth, payload: instrument });
      expect(res.statusCode, res.body).toBe(201);
      return instrument.id;
    };
    const aCurrentDecree = (o: Partial<InstrumentBody> = {}): InstrumentBody =>
      aDecree(Number(limaDay(0).slice(0, 4)), { ubigeo: ['150132'] }, {
        validFrom: limaDay(-10), validTo: limaDay(20), oversight: { ...OVERSIGHT, congressNotifiedOn: limaDay(-9) }, ...o,
      });
    const revoke = (id: string, revokedOn: string) =>
      t.app.inject({
        method: 'POST', url: `/api/v1/legal/instruments/${encodeURIComponent(id)}/revoke`, headers: pnpLegal.auth,
        payload: { revokedOn, reason: 'Cesaron las causas que motivaron la declaratoria', revokingInstrument: `DS ${uniq()}-PCM` },
      });
    const agreementOf = async (user: TestUser, id: string): Promise<TAgreement> => {
      const res = await t.app.inject({ method: 'GET', url: `/api/v1/sharing/agreements/${id}`, headers: user.auth });
      expect(res.statusCode, res.body).toBe(200);
      return res.json<TAgreement>();
    };
    const readsOf = async (id: string): Promise<number> =>
      (await t.ctx.db.query("SELECT 1 FROM audit_log WHERE action = 'read_shared' AND entity_id = $1", [id])).rows.length;
    const fields = ['crimeType', 'occurredAt', 'ubigeo'];

    it('the FF.AA. reader loses access the moment the instrument is revoked, and the agreement shows it ended by that revocation', async () => {
      const decree = await register(aCurrentDecree());
      const created = await openAgreement(pnpCommander, { title: 'Intercambio SJL (derogación)', recipientAgency: 'EP', instrumentId: decree, fields });
      expect(created.statusCode, created.body).toBe(201);
      const agreement = created.json<TAgreement>();
      expect(agreement).toMatchObject({ status: 'active', effectiveValidFrom: limaDay(-10), effectiveValidTo: limaDay(20), basisRevocation: null });
      const before = await readShared(epAnalyst, agreement.id);
      expect(before.statusCode, before.body).toBe(200);
      expect(before.json<{ items: TSharedIncident[] }>().items.map((i) => i.id)).toContain(ids['in-area']);
      expect(await readsOf(agreement.id)).toBe(1);

      const revoked = await revoke(decree, limaDay(0));
      expect(revoked.statusCode, revoked.body).toBe(200);
      const { revokingInstrument } = revoked.json<{ revocation: { revokingInstrument: string } }>().revocation;

      const after = await t.app.inject({ method: 'GET', url: `/api/v1/sharing/agreements/${agreement.id}/incidents`, headers: { ...epAnalyst.auth, 'accept-language': 'es' } });
      expect(after.statusCode).toBe(403);
      const refusal = after.json<{ error: { code: string; message: string; details: { basisRevocation: unknown } } }>().error;
      expect(refusal.code).toBe('SHARING_BASIS_REVOKED');
      expect(refusal.message).toContain(`derogación de ${decree} desde el ${limaDay(0)} por ${revokingInstrument}`);
      expect(refusal.message).toContain('Constitución, art. 137');
      expect(refusal.details.basisRevocation).toEqual({ instrumentId: decree, revokedOn: limaDay(0), revokingInstrument });
      const inEnglish = await t.app.inject({ method: 'GET', url: `/api/v1/sharing/agreements/${agreement.id}/incidents`, headers: { ...epAnalyst.auth, 'accept-language': 'en' } });
      expect(inEnglish.json<{ error: { message: string } }>().error.message).toContain(`ended with the revocation of ${decree}`);
      // A refused read returns nothing, so nothing is recorded as seen.
      expect(await readsOf(agreement.id)).toBe(1);

      // Owner, recipient and oversight all see why access stopped.
      const expected = {
        status: 'basis_revoked', endedAt: null, validTo: limaDay(20), effectiveValidTo: limaDay(-1),
        basisRevocation: { instrumentId: decree, revokedOn: limaDay(0), revokingInstrument },
      };
      for (const user of [pnpCommander, epAnalyst, dp]) expect(await agreementOf(user, agreement.id)).toMatchObject(expected);
      const listed = await t.app.inject({ method: 'GET', url: '/api/v1/sharing/agreements?limit=1000', headers: dp.auth });
      expect(listed.json<{ items: TAgreement[] }>().items.find((a) => a.id === agreement.id)).toMatchObject(expected);

      // The owner may still close it formally; the revocation stays on record.
      const ended = await t.app.inject({ method: 'POST', url: `/api/v1/sharing/agreements/${agreement.id}/end`, headers: pnpCommander.auth, payload: { reason: 'Derogación del decreto' } });
      expect(ended.statusCode, ended.body).toBe(200);
      expect(ended.json<TAgreement>()).toMatchObject({ status: 'ended', basisRevocation: expected.basisRevocation });
    });

    it('refuses an agreement on a revoked instrument, or past the day a recorded revocation takes effect, with the legal reason', async () => {
      const decree = await register(aCurrentDecree());
      expect((await revoke(decree, limaDay(-2))).statusCode).toBe(200);
      for (const lang of ['es', 'en'] as const) {
        const res = await t.app.inject({
          method: 'POST', url: '/api/v1/sharing/agreements', headers: { ...pnpCommander.auth, 'accept-language': lang },
          payload: { title: 'Sobre un decreto derogado', recipientAgency: 'EP', instrumentId: decree, fields, validFrom: limaDay(-10), validTo: limaDay(-3) },
        });
        expect(res.statusCode).toBe(422);
        const { code, message } = res.json<{ error: { code: string; message: string } }>().error;
        expect(code).toBe('SHARING_INSTRUMENT_REVOKED');
        expect(message).toContain(decree);
        expect(message).toContain(lang === 'es' ? 'ya no da base legal' : 'no longer gives a legal basis');
      }

      // Revoked from a later day: an agreement may cover only the days before it, and ends with the basis.
      const later = await register(aCurrentDecree());
      const open = (await openAgreement(pnpCommander, { title: 'Antes de la derogación', recipientAgency: 'EP', instrumentId: later, fields })).json<TAgreement>();
      expect((await revoke(later, limaDay(5))).statusCode).toBe(200);
      expect(await agreementOf(epAnalyst, open.id)).toMatchObject({ status: 'active', effectiveValidTo: limaDay(4), basisRevocation: { instrumentId: later, revokedOn: limaDay(5) } });
      expect((await readShared(epAnalyst, open.id)).statusCode).toBe(200);
      const past = await openAgreement(pnpCommander, { title: 'Más allá', recipientAgency: 'EP', instrumentId: later, fields, validTo: limaDay(5) });
      expect(past.json()).toMatchObject({ error: { code: 'SHARING_INSTRUMENT_REVOKED' } });
      const upTo = await openAgreement(pnpCommander, { title: 'Hasta la víspera', recipientAgency: 'EP', instrumentId: later, fields });
      expect(upTo.statusCode, upTo.body).toBe(201);
      expect(upTo.json<TAgreement>()).toMatchObject({ status: 'active', validTo: limaDay(4), effectiveValidTo: limaDay(4) });
    });

    it('an agreement on an extension ends when the decree it extends is revoked, and one whose instrument was cut short expires', async () => {
      const decree = aCurrentDecree({ validFrom: limaDay(-40), validTo: limaDay(-11), oversight: { ...OVERSIGHT, congressNotifiedOn: limaDay(-39) } });
      await register(decree);
      const extension = await register(anExtension(decree, { area: { ubigeo: ['150132'] }, validFrom: limaDay(-10), validTo: limaDay(20), oversight: { congressNotifiedOn: limaDay(-10) } }));
      const onExtension = (await openAgreement(pnpCommander, { title: 'Sobre la prórroga', recipientAgency: 'EP', instrumentId: extension, fields })).json<TAgreement>();
      expect(onExtension.status).toBe('active');
      expect((await revoke(decree.id, limaDay(-20))).statusCode).toBe(200);
      expect(await agreementOf(dp, onExtension.id)).toMatchObject({ status: 'basis_revoked', effectiveValidTo: null, basisRevocation: { instrumentId: decree.id, revokedOn: limaDay(-20) } });
      expect((await readShared(epAnalyst, onExtension.id)).json()).toMatchObject({ error: { code: 'SHARING_BASIS_REVOKED' } });
      expect((await openAgreement(pnpCommander, { title: 'Otra', recipientAgency: 'EP', instrumentId: extension, fields })).json()).toMatchObject({
        error: { code: 'SHARING_INSTRUMENT_REVOKED' },
      });

      // An edit that ends the instrument early (yesterday) ends the agreement's access with it.
      const shortened = aCurrentDecree();
      await register(shortened);
      const agreement = (await openAgreement(pnpCommander, { title: 'Decreto acortado', recipientAgency: 'EP', instrumentId: shortened.id, fields })).json<TAgreement>();
      const edit = await t.app.inject({ method: 'PUT', url: `/api/v1/legal/instruments/${shortened.id}`, headers: pnpLegal.auth, payload: { ...shortened, validTo: limaDay(-1) } });
      expect(edit.statusCode, edit.body).toBe(200);
      expect(await agreementOf(epAnalyst, agreement.id)).toMatchObject({ status: 'expired', validTo: limaDay(20), effectiveValidTo: limaDay(-1), basisRevocation: null });
      expect((await readShared(epAnalyst, agreement.id)).json()).toMatchObject({ error: { code: 'SHARING_NOT_ACTIVE' } });
    });
  });

  describe('when the instrument states its area', () => {
    const register = async (instrument: InstrumentBody): Promise<void> => {
      const res = await t.app.inject({ method: 'POST', url: '/api/v1/legal/instruments', headers: pnpLegal.auth, payload: instrument });
      expect(res.statusCode, res.body).toBe(201);
    };
    const decreeOver = (ubigeo: string[], from: number, to: number): InstrumentBody =>
      aDecree(Number(limaDay(0).slice(0, 4)), { ubigeo }, {
        validFrom: limaDay(from), validTo: limaDay(to),
        oversight: { defensoriaContact: 'Defensoría Lima', ministerioPublicoContact: 'Fiscalía Lima', reportingSchedule: 'diario', congressNotifiedOn: limaDay(from + 1) },
      });
    const fields = ['crimeType', 'occurredAt', 'ubigeo'];
    const sharedIds = async (agreementId: string): Promise<string[]> => {
      const res = await readShared(epAnalyst, agreementId);
      expect(res.statusCode, res.body).toBe(200);
      return res.json<{ items: TSharedIncident[] }>().items.map((i) => i.id);
    };
    const areaOf = async (agreementId: string): Promise<string[]> =>
      (await t.app.inject({ method: 'GET', url: `/api/v1/sharing/agreements/${agreementId}`, headers: epAnalyst.auth })).json<TAgreement>().areaUbigeo;

    it('shares the area the instrument states now: an edit that widens or narrows it moves the agreement with it', async () => {
      const decree = decreeOver(['150132'], -10, 20);
      await register(decree);
      const created = await openAgreement(pnpCommander, { title: 'Área que sigue al decreto', recipientAgency: 'EP', instrumentId: decree.id, fields });
      expect(created.statusCode, created.body).toBe(201);
      const { id } = created.json<TAgreement>();
      expect(await sharedIds(id)).toContain(ids['in-area']);
      expect(await sharedIds(id)).not.toContain(ids['other-district']);

      const edit = (ubigeo: string[]) =>
        t.app.inject({ method: 'PUT', url: `/api/v1/legal/instruments/${decree.id}`, headers: pnpLegal.auth, payload: { ...decree, area: { ubigeo } } });
      const widened = await edit(['150132', '150122']);
      expect(widened.statusCode, widened.body).toBe(200);
      expect(await areaOf(id)).toEqual(['150132', '150122']);
      expect(await sharedIds(id)).toEqual(expect.arrayContaining([ids['in-area'], ids['other-district']]));

      // Narrowed to Miraflores alone: San Juan de Lurigancho's incidents are no longer shared.
      const narrowed = await edit(['150122']);
      expect(narrowed.statusCode, narrowed.body).toBe(200);
      expect(await areaOf(id)).toEqual(['150122']);
      const now = await sharedIds(id);
      expect(now).toContain(ids['other-district']);
      expect(now).not.toContain(ids['in-area']);
    });

    it('an extension that states no area shares the area of the decree it extends', async () => {
      const decree = decreeOver(['150132'], -40, -11);
      await register(decree);
      const extension = anExtension(decree, { validFrom: limaDay(-10), validTo: limaDay(20), oversight: { congressNotifiedOn: limaDay(-10) } });
      await register(extension);
      const created = await openAgreement(pnpCommander, { title: 'Sobre una prórroga sin área propia', recipientAgency: 'EP', instrumentId: extension.id, fields });
      expect(created.statusCode, created.body).toBe(201);
      expect(created.json<TAgreement>()).toMatchObject({ status: 'active', areaUbigeo: ['150132'] });
      const shared = await sharedIds(created.json<TAgreement>().id);
      expect(shared).toContain(ids['in-area']);
      expect(shared).not.toContain(ids['other-district']);
    });
  });

  it('ties an agreement to a joint exercise of both forces: only exercise data of its district and days is shared', async () => {
    const pnpUnit = await makeUnit(t.ctx.db, { agency: 'PNP', classification: 'PUBLICO' });
    const epUnit = await makeUnit(t.ctx.db, { agency: 'EP', classification: 'PUBLICO' });
    const created = await t.app.inject({
      method: 'POST', url: '/api/v1/training/exercises', headers: pnpCommander.auth,
      payload: { name: 'Ejercicio conjunto SJL', scenario: 'Control de disturbios', startsOn: limaDay(-3), endsOn: limaDay(3), ubigeo: '150132', units: [{ unitId: pnpUnit.id, role: 'apoyado' }, { unitId: epUnit.id, role: 'apoyo' }] },
    });
    expect(created.statusCode, created.body).toBe(201);
    const exerciseId = created.json<{ id: string }>().id;
    const drill = await t.app.inject({
      method: 'POST', url: '/api/v1/incidents', headers: pnpCommander.auth,
      payload: { source, sourceRef: 'drill', crimeType: 'ROBO', occurredAt: new Date().toISOString(), location: SJL, classification: 'RESERVADO', exercise: true },
    });
    expect(drill.statusCode, drill.body).toBe(201);
    const res = await openAgreement(pnpCommander, { title: 'Datos del ejercicio', recipientAgency: 'EP', exerciseId, fields: ['crimeType', 'location'] });
    expect(res.statusCode, res.body).toBe(201);
    const agreement = res.json<TAgreement>();
    expect(agreement).toMatchObject({ basisKind: 'exercise', exerciseId, areaUbigeo: ['150132'], exercise: true });
    const read = await readShared(epAnalyst, agreement.id);
    const seen = read.json<{ items: TSharedIncident[] }>().items.map((i) => i.id);
    expect(seen).toContain(drill.json<TIncident>().id);
    expect(seen).not.toContain(ids['in-area']);
    const notJoint = await openAgreement(pnpCommander, { title: 'Marina', recipientAgency: 'MGP', exerciseId, fields: ['crimeType'] });
    expect(notJoint.json()).toMatchObject({ error: { code: 'SHARING_EXERCISE_NOT_JOINT' } });
  });

  it('never shares the place or the words that identify a victim of family or sexual violence, and says why', async () => {
    const exact = { lon: -76.97912, lat: -11.94987 };
    const vf = await t.app.inject({
      method: 'POST', url: '/api/v1/incidents', headers: pnpCommander.auth,
      payload: { source, sourceRef: 'vf-1', crimeType: 'VIOLENCIA_FAMILIAR', occurredAt: new Date(Date.now() - 86_400_000).toISOString(), location: exact, classification: 'RESERVADO', address: 'Mz. B Lt. 4, casa de Rosa Mamani', description: 'Rosa Mamani denuncia agresión de su pareja' },
    });
    expect(vf.statusCode, vf.body).toBe(201);
    const opened = await openAgreement(pnpCommander, { title: 'Con dirección y relato', recipientAgency: 'EP', instrumentId: decreeId, fields: ['crimeType', 'location', 'address', 'description'] });
    expect(opened.statusCode, opened.body).toBe(201);
    const read = await readShared(epAnalyst, opened.json<TAgreement>().id);
    expect(read.statusCode, read.body).toBe(200);
    expect(read.body).not.toContain('Rosa Mamani');
    expect(read.body).not.toContain('Mz. B Lt. 4');
    const items = read.json<{ items: TSharedIncident[] }>().items;
    const protectedOne = items.find((i) => i.id === vf.json<TIncident>().id)!;
    expect(protectedOne).toMatchObject({ crimeType: 'VIOLENCIA_FAMILIAR', address: null, description: null });
    expect(protectedOne.victimProtection).toContain('Ley 30364');
    expect(protectedOne.location).not.toEqual(exact);
    expect(Math.abs(protectedOne.location!.lon - exact.lon)).toBeLessThanOrEqual(0.0025);
    expect(Math.abs(protectedOne.location!.lat - exact.lat)).toBeLessThanOrEqual(0.0025);
    // Another type keeps the fields the agreement lists.
    expect(items.find((i) => i.id === ids['in-area'])).toMatchObject({ address: 'Av. in-area', description: 'cobro de cupos', location: SJL, victimProtection: null });
  });

  it('refuses an agreement that would give no day of access: over an exercise that has ended, or one ending before today', async () => {
    const pnpUnit = await makeUnit(t.ctx.db, { agency: 'PNP', classification: 'PUBLICO' });
    const epUnit = await makeUnit(t.ctx.db, { agency: 'EP', classification: 'PUBLICO' });
    const exercise = async (startsOn: string, endsOn: string): Promise<string> => {
      const res = await t.app.inject({
        method: 'POST', url: '/api/v1/training/exercises', headers: pnpCommander.auth,
        payload: { name: `Ejercicio ${startsOn}`, scenario: 'Control de disturbios', startsOn, endsOn, ubigeo: '150132', units: [{ unitId: pnpUnit.id, role: 'apoyado' }, { unitId: epUnit.id, role: 'apoyo' }] },
      });
      expect(res.statusCode, res.body).toBe(201);
      return res.json<{ id: string }>().id;
    };
    const before = await agreementCount();
    const over = await openAgreement(pnpCommander, { title: 'Ejercicio pasado', recipientAgency: 'EP', exerciseId: await exercise(limaDay(-10), limaDay(-1)), fields: ['crimeType'] });
    expect(over.statusCode).toBe(422);
    expect(over.json()).toMatchObject({ error: { code: 'SHARING_PERIOD_OVER', details: { to: limaDay(-1), today: limaDay(0), basisTo: limaDay(-1) } } });
    expect(over.json<{ error: { message: string } }>().error.message).toContain('DL 1095');

    // Over an exercise under way, an agreement that the caller ends yesterday is refused too; one ending today is not.
    const running = await exercise(limaDay(-3), limaDay(3));
    const yesterday = await openAgreement(pnpCommander, { title: 'Hasta ayer', recipientAgency: 'EP', exerciseId: running, fields: ['crimeType'], validFrom: limaDay(-3), validTo: limaDay(-1) });
    expect(yesterday.json()).toMatchObject({ error: { code: 'SHARING_PERIOD_OVER', details: { basisTo: limaDay(3) } } });
    expect(await agreementCount()).toBe(before);
    const today = await openAgreement(pnpCommander, { title: 'Hasta hoy', recipientAgency: 'EP', exerciseId: running, fields: ['crimeType'], validFrom: limaDay(-3), validTo: limaDay(0) });
    expect(today.statusCode, today.body).toBe(201);
    expect(today.json<TAgreement>()).toMatchObject({ status: 'active', validTo: limaDay(0) });
  });
});
