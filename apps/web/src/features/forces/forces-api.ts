import { z } from 'zod';
import {
  ZAreaGeometry,
  ZCertificate,
  ZCourse,
  ZDepartment,
  ZEquipmentSummaryRow,
  ZJointExercise,
  ZNationalReadiness,
  ZPerson,
  ZReadinessRecomputeSummary,
  ZTrainingPlan,
  ZTrainingSession,
  ZUnit,
  ZUnitHierarchy,
  ZUnitReadiness,
  type TCLevel,
  type TForce,
  type TUnitReadiness,
  type TUnitUpdate,
} from '@enlace/contracts';
import { ZStandardVersion, ZStandardVersionInfo } from '@enlace/rules';
import type { TReadinessStandard } from '@enlace/rules';
import { ApiError, apiRequest } from '../../app/api.ts';

/**
 * The API calls of the forces, training and readiness screens (issue 4). Every answer is checked against the shared
 * contract; the readiness and training routes are the server's `readiness` and `training` modules.
 */

const enc = encodeURIComponent;

export const getUnit = (id: string, signal?: AbortSignal) => apiRequest(`/units/${enc(id)}`, ZUnit, { signal });

export const getHierarchy = (id: string, signal?: AbortSignal) => apiRequest(`/units/${enc(id)}/hierarchy`, ZUnitHierarchy, { signal });

const ZPersonPage = z.object({ items: z.array(ZPerson), total: z.number() });
export const listMembers = (unitId: string, signal?: AbortSignal) =>
  apiRequest('/personnel', ZPersonPage, { query: { unitId, limit: 1000 }, signal });

const ZSummary = z.object({ items: z.array(ZEquipmentSummaryRow) });
export const getEquipmentSummary = (unitId: string, signal?: AbortSignal) =>
  apiRequest(`/units/${enc(unitId)}/equipment-summary`, ZSummary, { signal });

/** The unit's stored readiness; null when it was never computed (404 READINESS_NOT_COMPUTED). */
export async function getReadiness(unitId: string, signal?: AbortSignal): Promise<TUnitReadiness | null> {
  try {
    return await apiRequest(`/readiness/units/${enc(unitId)}`, ZUnitReadiness, { signal });
  } catch (error) {
    if (error instanceof ApiError && error.code === 'READINESS_NOT_COMPUTED') return null;
    throw error;
  }
}

const ZReadinessList = z.object({ items: z.array(ZUnitReadiness) });
/** Stored readiness of the readable units, optionally of one department and force. */
export const listUnitReadiness = (department: string | undefined, force: TForce | undefined, signal?: AbortSignal) =>
  apiRequest('/readiness/units', ZReadinessList, { query: { department, force, limit: 5000 }, signal });

export const computeReadiness = (unitId: string) =>
  apiRequest(`/readiness/units/${enc(unitId)}/compute`, ZUnitReadiness, { method: 'POST', body: {} });

export const overrideReadiness = (unitId: string, level: TCLevel, remark: string) =>
  apiRequest(`/readiness/units/${enc(unitId)}/override`, ZUnitReadiness, { method: 'POST', body: { level, remark } });

export const withdrawOverride = (unitId: string) =>
  apiRequest(`/readiness/units/${enc(unitId)}/override`, ZUnitReadiness, { method: 'DELETE' });

const ZCertificatePage = z.object({ items: z.array(ZCertificate) }).loose();
export const listUnitCertificates = (unitId: string, signal?: AbortSignal) =>
  apiRequest('/certificates', ZCertificatePage, { query: { unitId, limit: 1000 }, signal });

export const getCertificate = (id: string, signal?: AbortSignal) => apiRequest(`/certificates/${enc(id)}`, ZCertificate, { signal });

/** The QR code (SVG) of a certificate's public verification URL, drawn by the server. */
export const certificateQrUrl = (id: string): string => `/api/v1/certificates/${enc(id)}/qr.svg`;

const ZSessionPage = z.object({ items: z.array(ZTrainingSession) }).loose();
export const listSessions = (from: string, to: string, unitId: string | undefined, signal?: AbortSignal) =>
  apiRequest('/training/sessions', ZSessionPage, { query: { from, to, unitId, limit: 1000 }, signal });

const ZCoursePage = z.object({ items: z.array(ZCourse) }).loose();
export const listCourses = (signal?: AbortSignal) => apiRequest('/training/courses', ZCoursePage, { signal });

const ZExercisePage = z.object({ items: z.array(ZJointExercise) }).loose();
/** `GET /training/exercises`: the joint exercises the user may read. */
export const listJointExercises = async (signal?: AbortSignal) => (await apiRequest('/training/exercises', ZExercisePage, { signal })).items;

/** `GET /training/exercises/:id`: one joint exercise, not found when the user may not read it. */
export const getJointExercise = (id: string, signal?: AbortSignal) => apiRequest(`/training/exercises/${enc(id)}`, ZJointExercise, { signal });

export const getNational = (force: TForce | undefined, signal?: AbortSignal) =>
  apiRequest('/readiness/national', ZNationalReadiness, { query: { force }, signal });

export const getTrainingPlan = (department: string, force: TForce | undefined, targetLevel: 1 | 2 | 3, signal?: AbortSignal) =>
  apiRequest('/readiness/training-plan', ZTrainingPlan, { query: { department, force, targetLevel }, signal });

const ZDepartments = z.object({ items: z.array(ZDepartment) });
export const listDepartments = (signal?: AbortSignal) => apiRequest('/geo/departments', ZDepartments, { signal });

/** A department's boundary, simplified for a national map (about 1 km). */
export const getDepartmentGeometry = (ubigeo: string, signal?: AbortSignal) =>
  apiRequest(`/geo/areas/${enc(ubigeo)}/geometry`, ZAreaGeometry, { query: { tolerance: 0.01 }, signal });

/** The readiness standard in force, with its version record and references. */
export const getStandard = (signal?: AbortSignal) => apiRequest('/readiness/standard', ZStandardVersion, { signal });

const ZStandardVersions = z.object({ items: z.array(ZStandardVersionInfo) });
/** Every version of the standard, newest first; the last is the seed. */
export const listStandardVersions = (signal?: AbortSignal) => apiRequest('/readiness/standard/versions', ZStandardVersions, { signal });

/** One version of the standard with its content. */
export const getStandardVersion = (version: string, signal?: AbortSignal) =>
  apiRequest(`/readiness/standard/versions/${enc(version)}`, ZStandardVersion, { signal });

/** Puts a new version of the standard in force (admins). */
export const createStandardVersion = (standard: TReadinessStandard, remark: string) =>
  apiRequest('/readiness/standard/versions', ZStandardVersion, { method: 'POST', body: { standard, ...(remark.trim() ? { remark: remark.trim() } : {}) } });

/** Changes what a unit's readiness is judged against (authorized strength, task types, directed resource action). */
export const updateUnitBasis = (id: string, body: TUnitUpdate) => apiRequest(`/units/${enc(id)}`, ZUnit, { method: 'PATCH', body });

/** Recomputes the readiness of every unit the user may compute (the whole country for national users). */
export const recomputeCountry = () => apiRequest('/readiness/recompute', ZReadinessRecomputeSummary, { method: 'POST', body: {} });

/** Valid certificates whose last day falls within `days` days, soonest first, with their holders' names. */
export const listExpiringCertificates = (
  f: { days: number; force?: TForce | undefined; department?: string | undefined },
  signal?: AbortSignal,
) => apiRequest('/certificates', ZCertificatePage, { query: { expiringWithinDays: f.days, force: f.force, department: f.department, limit: 500 }, signal });
