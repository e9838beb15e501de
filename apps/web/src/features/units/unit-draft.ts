import i18next from 'i18next';
import {
  FORCES,
  ZUnitCreate,
  type TAgencyCode,
  type TClassification,
  type TForce,
  type TUnitCreate,
} from '@enlace/contracts';
import { fieldErrorsFromIssues, type FieldErrors } from '../../app/ui/form-errors.ts';

/** The create-unit form as typed: every input is a string except the enums and the exercise flag. */
export interface UnitDraft {
  name: string;
  shortName: string;
  force: TForce;
  echelon: TUnitCreate['echelon'];
  agency: TAgencyCode;
  classification: TClassification;
  exercise: boolean;
  parentId: string;
  homeUbigeo: string;
  lon: string;
  lat: string;
  /** Billets P is measured against; empty: the roster. */
  authorizedStrength: string;
}

/** An empty draft owned by the user's agency (and its force, when the agency is a force). */
export function emptyUnitDraft(agency: TAgencyCode): UnitDraft {
  return {
    name: '',
    shortName: '',
    force: FORCES.find((f) => f === agency) ?? 'PNP',
    echelon: 'comisaria',
    agency,
    classification: 'CONFIDENCIAL',
    exercise: false,
    parentId: '',
    homeUbigeo: '',
    lon: '',
    lat: '',
    authorizedStrength: '',
  };
}

/** Result of checking a draft against the shared `ZUnitCreate` schema. */
export type DraftCheck = { ok: true; value: TUnitCreate } | { ok: false; errors: FieldErrors };

/** Validates the draft with the contract schema; empty optional inputs become null. */
export function checkUnitDraft(draft: UnitDraft): DraftCheck {
  const lon = draft.lon.trim();
  const lat = draft.lat.trim();
  const halfCoordinates = Boolean(lon) !== Boolean(lat);
  const parsed = ZUnitCreate.safeParse({
    name: draft.name,
    shortName: draft.shortName,
    force: draft.force,
    echelon: draft.echelon,
    agency: draft.agency,
    classification: draft.classification,
    exercise: draft.exercise,
    parentId: draft.parentId || null,
    homeUbigeo: draft.homeUbigeo.trim() || null,
    home: lon && lat ? { lon: Number(lon), lat: Number(lat) } : null,
    authorizedStrength: draft.authorizedStrength.trim() ? Number(draft.authorizedStrength.trim()) : null,
  });
  const errors = parsed.success
    ? {}
    : fieldErrorsFromIssues(parsed.error.issues, { homeUbigeo: i18next.t('validation.ubigeo') });
  if (halfCoordinates) errors[lon ? 'home.lat' : 'home.lon'] = i18next.t('validation.coordinates');
  if (parsed.success && !halfCoordinates) return { ok: true, value: parsed.data };
  return { ok: false, errors };
}
