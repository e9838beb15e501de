import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import es from '../../i18n/es.json';
import { checkUnitDraft, emptyUnitDraft } from './unit-draft.ts';

beforeAll(async () => {
  await i18next.init({ lng: 'es', resources: { es: { translation: es } } });
});

const valid = { ...emptyUnitDraft('EP'), name: 'Batallón 33', shortName: 'BIM 33' };

describe('checkUnitDraft', () => {
  it('defaults the force to the agency when the agency is a force', () => {
    expect(emptyUnitDraft('EP').force).toBe('EP');
    expect(emptyUnitDraft('MININTER').force).toBe('PNP');
  });

  it('turns empty optional inputs into null and coordinates into numbers', () => {
    const checked = checkUnitDraft({ ...valid, lon: ' -77.03 ', lat: '-12.05' });
    expect(checked.ok).toBe(true);
    const value = checked.ok ? checked.value : null;
    expect(value).toMatchObject({ parentId: null, homeUbigeo: null, home: { lon: -77.03, lat: -12.05 } });
  });

  it('reports every problem at once, each on its field', () => {
    const checked = checkUnitDraft({ ...valid, name: ' ', homeUbigeo: '12', lon: '-77' });
    expect(checked).toEqual({
      ok: false,
      errors: {
        name: 'Campo obligatorio.',
        homeUbigeo: 'Debe ser un UBIGEO de distrito de 6 dígitos.',
        'home.lat': 'Indique longitud y latitud, o deje ambas vacías.',
      },
    });
  });

  it('sends the authorized strength as a number, empty as null (the roster), and refuses a non-positive one', () => {
    const withStrength = checkUnitDraft({ ...valid, authorizedStrength: ' 120 ' });
    expect(withStrength.ok && withStrength.value.authorizedStrength).toBe(120);
    const none = checkUnitDraft(valid);
    expect(none.ok && none.value.authorizedStrength).toBeNull();
    const zero = checkUnitDraft({ ...valid, authorizedStrength: '0' });
    expect(zero.ok).toBe(false);
    expect(zero.ok ? {} : Object.keys(zero.errors)).toEqual(['authorizedStrength']);
  });

  it('rejects coordinates out of range', () => {
    const checked = checkUnitDraft({ ...valid, lon: '-200', lat: 'x' });
    expect(checked.ok).toBe(false);
    expect(checked.ok ? {} : checked.errors).toEqual({
      'home.lon': 'Debe ser mayor o igual a -180.',
      'home.lat': 'Debe ser un número.',
    });
  });
});
