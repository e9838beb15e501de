import { z } from 'zod';
import {
  ZCertificate,
  ZJointExercise,
  ZTrainingRecord,
  ZTrainingSession,
  type TJointExerciseCreate,
  type TJointExerciseEvaluate,
  type TTrainingRecordsBody,
  type TTrainingSessionCreate,
} from '@enlace/contracts';
import { apiRequest } from '../../app/api.ts';

/**
 * The writing calls of the training screens (the server's `training` module); the reading ones shared with the
 * readiness screens are in `forces/forces-api.ts`. Every answer is checked against the shared contract.
 */

const enc = encodeURIComponent;

/** `POST /training/exercises`: plans a joint exercise; refused without units of both forces. */
export const createJointExercise = (draft: TJointExerciseCreate) =>
  apiRequest('/training/exercises', ZJointExercise, { method: 'POST', body: draft });

/** `PUT /training/exercises/:id/evaluation`: records (replaces) the evaluation and the lessons learned. */
export const evaluateJointExercise = (id: string, body: TJointExerciseEvaluate) =>
  apiRequest(`/training/exercises/${enc(id)}/evaluation`, ZJointExercise, { method: 'PUT', body });

/** `POST /training/sessions`: schedules a session of a course. */
export const createSession = (draft: TTrainingSessionCreate) =>
  apiRequest('/training/sessions', ZTrainingSession, { method: 'POST', body: draft });

const ZSessionWithRecords = z.object({ session: ZTrainingSession, records: z.array(ZTrainingRecord) });
/** `GET /training/sessions/:id`: the session with its attendance and results. */
export const getSession = (id: string, signal?: AbortSignal) => apiRequest(`/training/sessions/${enc(id)}`, ZSessionWithRecords, { signal });

const ZRecords = z.object({ records: z.array(ZTrainingRecord) });
/** `PUT /training/sessions/:id/records`: attendance and results, all or none; certificates for those who passed. */
export const recordResults = (id: string, body: TTrainingRecordsBody) =>
  apiRequest(`/training/sessions/${enc(id)}/records`, ZRecords, { method: 'PUT', body });

/** `POST /certificates/:id/revoke`: revokes a certificate for good, with the reason on record. */
export const revokeCertificate = (id: string, reason: string) =>
  apiRequest(`/certificates/${enc(id)}/revoke`, ZCertificate, { method: 'POST', body: { reason } });
