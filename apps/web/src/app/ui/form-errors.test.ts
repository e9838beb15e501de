import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { ZUserCreate } from '@enlace/contracts';
import es from '../../i18n/es.json';
import { fieldErrorsFromDetails, fieldErrorsFromIssues } from './form-errors.ts';

beforeAll(async () => {
  await i18next.init({ lng: 'es', resources: { es: { translation: es } } });
});

describe('fieldErrorsFromIssues', () => {
  it('gives one Spanish message per field, using the field-specific message for pattern failures', () => {
    const parsed = ZUserCreate.safeParse({
      username: 'Bad User',
      displayName: '',
      password: 'short',
      agency: 'PNP',
      role: 'operator',
    });
    expect(parsed.success).toBe(false);
    const errors = fieldErrorsFromIssues(parsed.error?.issues ?? [], { username: 'formato de usuario' });
    expect(errors).toEqual({
      username: 'formato de usuario',
      displayName: 'Campo obligatorio.',
      password: 'Debe tener al menos 10 caracteres.',
    });
  });
});

describe('fieldErrorsFromDetails', () => {
  it('reads the server issue list and drops the request-part prefix', () => {
    const details = [
      { field: 'body.name', message: 'ya existe' },
      { field: 'body.home.lon', message: 'fuera de rango' },
    ];
    expect(fieldErrorsFromDetails(details)).toEqual({ name: 'ya existe', 'home.lon': 'fuera de rango' });
  });

  it('accepts path arrays under `issues` and ignores anything else', () => {
    expect(fieldErrorsFromDetails({ issues: [{ path: ['shortName'], message: 'x' }] })).toEqual({ shortName: 'x' });
    expect(fieldErrorsFromDetails('oops')).toEqual({});
    expect(fieldErrorsFromDetails([{ nothing: true }])).toEqual({});
  });
});
