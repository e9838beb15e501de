import type { TCertificate, TCertificateVerification, TCourse, TJointExercise, TPerson, TTrainingRecord, TTrainingSession, TUnit } from '@enlace/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeUnit, makeUser, uniq } from '../../../../../test/support/factories.ts';
import type { TestUser } from '../../../../../test/support/factories.ts';
import { testApp } from '../../../../../test/support/test-app.ts';
import type { TestApp } from '../../../../../test/support/test-app.ts';
import { backends } from '../../../../../test/support/test-db.ts';
import type { Backend } from '../../../../../test/support/test-db.ts';
import { newCertificateCode, normalizeCertificateCode, validUntilOf } from './certificate-code.ts';
import { VERIFY_RATE_LIMIT } from './certificate-verification.routes.ts';

const dni = (): string => String(10_000_000 + Math.floor(Math.random() * 89_999_999));
let address = 0;
/** A fresh client address, so each check starts with a full rate-limit budget. */
const nextAddress = (): string => `10.9.${Math.floor(++address / 250)}.${(address % 250) + 1}`;

describe('certificate codes', () => {
  it('are 26 base32 characters (130 random bits), never repeated, and normalised as typed', () => {
    const codes = new Set(Array.from({ length: 2000 }, newCertificateCode));
    expect(codes.size).toBe(2000);
    for (const c of codes) expect(c).toMatch(/^[A-Z2-7]{26}$/);
    const code = [...codes][0]!;
    expect(normalizeCertificateCode(`${code.slice(0, 5).toLowerCase()}-${code.slice(5)}`)).toBe(code);
    expect(normalizeCertificateCode('1234')).toBeNull();
    expect(normalizeCertificateCode("' OR 1=1 --")).toBeNull();
  });

  it('are valid through the day before the anniversary', () => {
    expect(validUntilOf('2026-01-15', 12)).toBe('2027-01-14');
    expect(validUntilOf('2024-02-29', 12)).toBe('2025-02-27');
    expect(validUntilOf('2026-01-31', 1)).toBe('2026-02-27');
  });
});

describe.each(backends().map((b) => [b.name, b] as [string, Backend]))('training and certificates on %s', (_n, backend) => {
  let t: TestApp;
  const u: Record<string, TestUser> = {};
  let epUnit: TUnit;
  let pnpUnit: TUnit;
  const people: TPerson[] = [];
  let session: TTrainingSession;
  let certs: TCertificate[] = [];

  const req = async <T>(who: string | null, method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown, remoteAddress?: string) => {
    const res = await t.app.inject({
      method,
      url,
      headers: who ? u[who]!.auth : {},
      ...(payload === undefined ? {} : { payload: payload as object }),
      ...(remoteAddress ? { remoteAddress } : {}),
    });
    return { status: res.statusCode, body: String(res.headers['content-type'] ?? '').includes('json') ? res.json<T>() : (res.body as T), headers: res.headers };
  };

  beforeAll(async () => {
    const db = await backend.db();
    t = await testApp(db);
    epUnit = await makeUnit(db, { agency: 'EP', classification: 'CONFIDENCIAL' });
    pnpUnit = await makeUnit(db, { agency: 'PNP', classification: 'PUBLICO' });
    for (const [key, role, agency] of [
      ['epTrainer', 'trainer', 'EP'],
      ['epCmd', 'commander', 'EP'],
      ['pnpTrainer', 'trainer', 'PNP'],
      ['epField', 'field', 'EP'],
    ] as const) u[key] = await makeUser(db, { role, agency });
    for (const name of ['Ana', 'Beto', 'Carla']) {
      const res = await req<TPerson>('epCmd', 'POST', '/api/v1/personnel', {
        unitId: epUnit.id, givenNames: name, familyNames: `Huamán ${uniq()}`, rank: 'Cabo', documentType: 'DNI', documentNumber: dni(),
        birthDate: '1999-09-09',
      });
      people.push(res.body);
    }
  });
  afterAll(async () => t.close());

  it('has the course catalogue as data, with recertification periods', async () => {
    const res = await req<{ items: TCourse[] }>('epField', 'GET', '/api/v1/training/courses');
    const codes = res.body.items.map((c) => c.code);
    for (const code of ['CONTROL_MULTITUDES', 'PERSUASION_NEGOCIACION', 'INTELIGENCIA_POLICIAL', 'NORMAS_LEGALES', 'DERECHOS_HUMANOS',
      'ANALISIS_CRISIS_ORDEN_PUBLICO', 'PLANEAMIENTO_MILITAR_POLICIAL', 'PROCEDIMIENTOS_DETENCION', 'SEGURIDAD_DE_LA_FUERZA',
      'ANALISIS_LEGAL_OPERACIONES', 'DL1095_RUF', 'PRIMEROS_AUXILIOS']) expect(codes).toContain(code);
    expect(res.body.items.find((c) => c.code === 'DL1095_RUF')).toMatchObject({ area: 'MARCO_LEGAL_USO_FUERZA', validityMonths: 12 });
  });

  it('runs a session: attendance and results, certificates for those who passed', async () => {
    const created = await req<TTrainingSession>('epTrainer', 'POST', '/api/v1/training/sessions', {
      courseCode: 'DERECHOS_HUMANOS', unitId: epUnit.id, startsOn: '2026-03-02', endsOn: '2026-03-06', location: 'Cuartel Rímac',
      ubigeo: '150128', trainers: ['My. EP Ricardo Chávez Poma', 'Abg. Defensoría'], capacity: 3,
    });
    expect(created.status).toBe(201);
    session = created.body;
    const noShow = await req<{ error: { code: string } }>('epTrainer', 'PUT', `/api/v1/training/sessions/${session.id}/records`, {
      records: [{ personId: people[0]!.id, attended: false, result: 'passed' }],
    });
    expect(noShow.body.error.code).toBe('TRAINING_PASSED_WITHOUT_ATTENDANCE');
    const pnp = await req('pnpTrainer', 'PUT', `/api/v1/training/sessions/${session.id}/records`, {
      records: [{ personId: people[0]!.id, attended: true, result: 'passed' }],
    });
    // The calendar is PUBLICO: the PNP trainer sees the session but may not record results in another agency's.
    expect(pnp.status).toBe(403);

    const ok = await req<{ records: TTrainingRecord[] }>('epTrainer', 'PUT', `/api/v1/training/sessions/${session.id}/records`, {
      records: [
        { personId: people[0]!.id, attended: true, result: 'passed', score: 88 },
        { personId: people[1]!.id, attended: true, result: 'passed', score: 75 },
        { personId: people[2]!.id, attended: true, result: 'failed', score: 40, remarks: 'Repetir' },
      ],
      complete: true,
    });
    expect(ok.status).toBe(200);
    expect(ok.body.records.filter((r) => r.certificateId !== null)).toHaveLength(2);
    // Sending the same results again issues nothing new.
    await req('epTrainer', 'PUT', `/api/v1/training/sessions/${session.id}/records`, {
      records: [{ personId: people[0]!.id, attended: true, result: 'passed', score: 88 }],
    });
    const list = await req<{ items: TCertificate[] }>('epCmd', 'GET', `/api/v1/certificates?unitId=${epUnit.id}`);
    certs = list.body.items;
    expect(certs).toHaveLength(2);
    for (const c of certs) {
      expect(c).toMatchObject({ courseCode: 'DERECHOS_HUMANOS', issuedOn: '2026-03-06', validUntil: '2028-03-05', sessionId: session.id });
      expect(c.code).toMatch(/^[A-Z2-7]{26}$/);
      expect(c.verifyPath).toBe(`/verify/${c.code}`);
    }
    const full = await req<{ error: { code: string } }>('epTrainer', 'PUT', `/api/v1/training/sessions/${session.id}/records`, {
      records: [{ personId: (await extraMember()).id, attended: true }],
    });
    expect(full.body.error.code).toBe('SESSION_FULL');
    const calendar = await req<{ items: TTrainingSession[] }>('epField', 'GET', `/api/v1/training/sessions?unitId=${epUnit.id}&from=2026-03-01&to=2026-03-31`);
    expect(calendar.body.items.map((s) => s.id)).toEqual([session.id]);
    expect(calendar.body.items[0]).toMatchObject({ status: 'completed', enrolled: 3, passed: 2 });
  });

  const extraMember = async (): Promise<TPerson> =>
    (await req<TPerson>('epCmd', 'POST', '/api/v1/personnel', {
      unitId: epUnit.id, givenNames: 'Extra', familyNames: uniq(), rank: 'Sldo.', documentType: 'DNI', documentNumber: dni(),
    })).body;

  it('verifies a valid certificate without login, showing only holder, course and validity', async () => {
    const cert = certs[0]!;
    const res = await req<TCertificateVerification>(null, 'GET', `/api/v1/certificates/verify/${cert.code}`, undefined, nextAddress());
    expect(res.status).toBe(200);
    const holder = people.find((p) => p.id === cert.personId)!;
    expect(res.body).toEqual({
      status: 'valid',
      holderName: `${holder.givenNames} ${holder.familyNames}`,
      course: { code: 'DERECHOS_HUMANOS', nameEs: 'Derechos humanos aplicados a la función', nameEn: 'Human rights in operations' },
      issuedOn: '2026-03-06',
      validUntil: '2028-03-05',
    });
    expect(res.headers['cache-control']).toBe('no-store');
    const text = JSON.stringify(res.body);
    for (const leak of [holder.id, holder.personal?.documentNumber ?? 'x', '1999-09-09', 'Cabo', epUnit.id, session.id, cert.id]) {
      expect(text).not.toContain(leak);
    }
    const html = await req<string>(null, 'GET', `/verify/${cert.code.toLowerCase()}`, undefined, nextAddress());
    expect(html.status).toBe(200);
    expect(html.headers['content-type']).toContain('text/html');
    expect(html.body).toContain(holder.familyNames);
    expect(html.body).toContain('Certificado válido');
    expect(html.body).toContain('2028-03-05');
    for (const leak of [holder.id, holder.personal?.documentNumber ?? 'x', '1999-09-09', epUnit.name, session.id, cert.id]) {
      expect(html.body).not.toContain(leak);
    }
    const en = await req<string>(null, 'GET', `/verify/${cert.code}?lang=en`, undefined, nextAddress());
    expect(en.body).toContain('Valid certificate');
    expect(en.body).toContain('Human rights in operations');
  });

  it('says unknown for an unknown or malformed code, revoked for a revoked one, expired after the last day', async () => {
    const unknown = await req<TCertificateVerification>(null, 'GET', `/api/v1/certificates/verify/${newCertificateCode()}`, undefined, nextAddress());
    expect(unknown.body).toEqual({ status: 'unknown' });
    const hostile = await req<TCertificateVerification>(null, 'GET', `/api/v1/certificates/verify/${encodeURIComponent("x' OR '1'='1")}`, undefined, nextAddress());
    expect(hostile.body).toEqual({ status: 'unknown' });
    const page = await req<string>(null, 'GET', `/verify/${encodeURIComponent('<script>alert(1)</script>')}`, undefined, nextAddress());
    expect(page.body).toContain('Código desconocido');
    expect(page.body).not.toContain('<script>alert');

    const target = certs[1]!;
    const field = await req('epField', 'POST', `/api/v1/certificates/${target.id}/revoke`, { reason: 'Sin permiso' });
    expect(field.status).toBe(403);
    const pnp = await req('pnpTrainer', 'POST', `/api/v1/certificates/${target.id}/revoke`, { reason: 'Ajeno' });
    expect(pnp.status).toBe(404);
    const revoked = await req<TCertificate>('epTrainer', 'POST', `/api/v1/certificates/${target.id}/revoke`, { reason: 'Evaluación anulada por irregularidad' });
    expect(revoked.body).toMatchObject({ status: 'revoked', revokedReason: 'Evaluación anulada por irregularidad' });
    const again = await req<{ error: { code: string } }>('epTrainer', 'POST', `/api/v1/certificates/${target.id}/revoke`, { reason: 'Otra vez' });
    expect(again.body.error.code).toBe('CERTIFICATE_ALREADY_REVOKED');
    const check = await req<TCertificateVerification>(null, 'GET', `/api/v1/certificates/verify/${target.code}`, undefined, nextAddress());
    expect(check.body).toEqual({ status: 'revoked' });
    const html = await req<string>(null, 'GET', `/verify/${target.code}`, undefined, nextAddress());
    expect(html.body).toContain('Certificado revocado');
    expect(html.body).not.toContain(people.find((p) => p.id === target.personId)!.familyNames);

    const old = await req<TCertificate>('epTrainer', 'POST', '/api/v1/certificates', {
      personId: people[2]!.id, courseCode: 'PRIMEROS_AUXILIOS', issuedOn: '2020-05-01', validUntil: '2022-04-30',
    });
    expect(old.body.status).toBe('expired');
    const expired = await req<TCertificateVerification>(null, 'GET', `/api/v1/certificates/verify/${old.body.code}`, undefined, nextAddress());
    expect(expired.body).toMatchObject({ status: 'expired', validUntil: '2022-04-30' });
  });

  it('rate-limits verification per address (page and JSON together); other addresses are unaffected', async () => {
    const addr = nextAddress();
    const code = certs[0]!.code;
    for (let i = 0; i < VERIFY_RATE_LIMIT.max; i++) {
      const url = i % 2 === 0 ? `/api/v1/certificates/verify/${newCertificateCode()}` : `/verify/${newCertificateCode()}`;
      expect((await req(null, 'GET', url, undefined, addr)).status).toBe(200);
    }
    const json = await req<{ error: { code: string } }>(null, 'GET', `/api/v1/certificates/verify/${code}`, undefined, addr);
    expect(json.status).toBe(429);
    expect(json.body.error.code).toBe('VERIFY_RATE_LIMITED');
    expect(Number(json.headers['retry-after'])).toBeGreaterThan(0);
    const html = await req<string>(null, 'GET', `/verify/${code}`, undefined, addr);
    expect(html.status).toBe(429);
    expect(html.body).toContain('Demasiadas verificaciones');
    expect(html.body).not.toContain(people[0]!.familyNames);
    expect((await req(null, 'GET', `/api/v1/certificates/verify/${code}`, undefined, nextAddress())).status).toBe(200);
  });

  it('gives a QR code of the verification URL to readers of the certificate', async () => {
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/certificates/${certs[0]!.id}/qr.svg`, headers: u.epCmd!.auth });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('image/svg+xml');
    expect(res.body).toContain('<svg');
    const anonymous = await t.app.inject({ method: 'GET', url: `/api/v1/certificates/${certs[0]!.id}/qr.svg` });
    expect(anonymous.statusCode).toBe(401);
  });

  it('plans joint exercises only with units of both forces, and records evaluation and lessons', async () => {
    const epOnly = await req<{ error: { code: string } }>('epTrainer', 'POST', '/api/v1/training/exercises', {
      name: 'Solo EP', scenario: 'x', startsOn: '2026-04-01', endsOn: '2026-04-01',
      units: [{ unitId: epUnit.id, role: 'A' }, { unitId: (await makeUnit(t.ctx.db, { agency: 'EP', classification: 'PUBLICO' })).id, role: 'B' }],
    });
    expect(epOnly.body.error.code).toBe('JOINT_EXERCISE_NEEDS_BOTH_FORCES');
    const ok = await req<TJointExercise>('epTrainer', 'POST', '/api/v1/training/exercises', {
      name: 'Ejercicio conjunto Lima Norte', scenario: 'Protesta con bloqueo de vía en la Panamericana Norte',
      startsOn: '2026-04-10', endsOn: '2026-04-11', ubigeo: '150110',
      units: [{ unitId: epUnit.id, role: 'Seguridad perimétrica' }, { unitId: pnpUnit.id, role: 'Control de multitudes (conduce)' }],
    });
    expect(ok.status).toBe(201);
    expect(ok.body.units.map((x) => x.force).sort()).toEqual(['EP', 'PNP']);
    expect(ok.body.exercise).toBe(true);
    const evaluated = await req<TJointExercise>('epTrainer', 'PUT', `/api/v1/training/exercises/${ok.body.id}/evaluation`, {
      evaluation: { rating: 'needs_improvement', summary: 'Comunicaciones no interoperables', evaluator: 'CCFFAA' },
      lessons: [{ observation: 'Radios EP analógicas, PNP en P25', recommendation: 'Plan de comunicaciones con pasarela', responsible: 'CCFFAA' }],
    });
    expect(evaluated.body.evaluation?.rating).toBe('needs_improvement');
    expect(evaluated.body.lessons).toHaveLength(1);
  });
});
