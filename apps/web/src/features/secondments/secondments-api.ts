import { z } from 'zod';
import {
  ZEquipment,
  ZPerson,
  ZSecondment,
  type TForcesEquipmentCategory,
  type TSecondment,
  type TSecondmentCreate,
  type TSecondmentDecision,
} from '@enlace/contracts';
import { apiRequest } from '../../app/api.ts';

/**
 * The API calls of the secondment screens and of the unit page's roster and equipment sections (`forces` module of the
 * server): every answer checked against the shared contract.
 */

const enc = encodeURIComponent;

const ZSecondmentList = z.object({ items: z.array(ZSecondment) });

/** `GET /secondments`: a unit's (lent out or received) or every readable one, optionally of one status. */
export const listSecondments = (filter: { unitId?: string; status?: TSecondment['status'] }, signal?: AbortSignal) =>
  apiRequest('/secondments', ZSecondmentList, { query: { ...filter, limit: 1000 }, signal });

/** `POST /secondments`: asks to lend a member; effective once another commander approves. */
export const requestSecondment = (draft: TSecondmentCreate) => apiRequest('/secondments', ZSecondment, { method: 'POST', body: draft });

/** `POST /secondments/:id/decision`: approve, reject or cancel, with an optional remark. */
export const decideSecondment = (id: string, decision: TSecondmentDecision) =>
  apiRequest(`/secondments/${enc(id)}/decision`, ZSecondment, { method: 'POST', body: decision });

const ZPersonPage = z.object({ items: z.array(ZPerson), total: z.number() });

/** `GET /personnel?unitId`: one page of a unit's roster (home members and members seconded in today). */
export const listMembersPage = (unitId: string, offset: number, limit: number, signal?: AbortSignal) =>
  apiRequest('/personnel', ZPersonPage, { query: { unitId, limit, offset }, signal });

const ZEquipmentPage = z.object({ items: z.array(ZEquipment), total: z.number() });

/** `GET /equipment?unitId`: one page of a unit's equipment records, optionally of one category. */
export const listUnitEquipment = (
  unitId: string,
  category: TForcesEquipmentCategory | undefined,
  offset: number,
  limit: number,
  signal?: AbortSignal,
) => apiRequest('/equipment', ZEquipmentPage, { query: { unitId, category, limit, offset }, signal });
