import type { TAgreement, TAgreementCreate } from '@enlace/contracts';
import type { Actor } from '../../platform/auth/actor.ts';
import type { AuditedOptions } from '../../platform/audit/run-audited.ts';
import { runAudited } from '../../platform/audit/run-audited.ts';
import type { AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import { dayBefore } from '../legal/effective-registry.ts';
import { getInstrument } from '../legal/get-instrument.ts';
import { getJointExercise } from '../training/get-joint-exercise.ts';
import { assertIncidentAccess } from '../incidents/incident-access.ts';
import { limaToday } from '../forces/forces-access.ts';
import type { AgreementValues, InstrumentRevocation } from './sharing.repository.ts';
import { insertAgreement, instrumentArea, instrumentRevocation } from './sharing.repository.ts';

interface Basis {
  basis: AgreementValues['basis'];
  areaUbigeo: string[];
  areaGeometry: string | null;
  validFrom: string;
  validTo: string;
  exercise: boolean;
  /** A revocation recorded for a later day: the basis ends the day before it. */
  revocation?: InstrumentRevocation;
}

const revokedError = (r: InstrumentRevocation): AppError =>
  new AppError('SHARING_INSTRUMENT_REVOKED', { instrument: r.instrumentId, revokedOn: r.revokedOn, by: r.revokingInstrument, lastDay: dayBefore(r.revokedOn) });

/**
 * The legal instrument as the legal module gives it to the actor: its area and validity bound the agreement (both
 * are read again from the registry at every use of the agreement, so later edits of the instrument apply). A revoked
 * instrument (or an extension of a revoked decree) is refused once the revocation has come or leaves it no day in
 * force; a revocation recorded for a later day ends the basis the day before it, as in the legal registry.
 */
async function instrumentBasis(ctx: AppContext, actor: Actor, id: string): Promise<Basis> {
  const instrument = await getInstrument({ ctx, actor, id }).catch((err: unknown) => {
    if (err instanceof AppError && err.code === 'NOT_FOUND') throw new AppError('SHARING_NO_BASIS', { id });
    throw err;
  });
  // An extension that states no area keeps the area of the decree it extends.
  const area = await instrumentArea(ctx.db, instrument.id);
  if (!area) throw new AppError('SHARING_INSTRUMENT_WITHOUT_AREA', { id });
  const revocation = await instrumentRevocation(ctx.db, instrument.id);
  const lastDay = revocation ? dayBefore(revocation.revokedOn) : instrument.validTo;
  if (revocation && (revocation.revokedOn <= revocation.today || lastDay < instrument.validFrom)) throw revokedError(revocation);
  return {
    basis: { kind: 'instrument', instrumentId: instrument.id },
    areaUbigeo: area.ubigeo,
    areaGeometry: area.geometry,
    validFrom: instrument.validFrom,
    validTo: lastDay < instrument.validTo ? lastDay : instrument.validTo,
    exercise: instrument.exercise,
    ...(revocation && lastDay < instrument.validTo ? { revocation } : {}),
  };
}

/**
 * A joint exercise as the training module gives it to the actor: it must involve a unit of the data owner and one of
 * the recipient's force, and name its district; only exercise-flagged incidents are then shared (training data never
 * mixes with real data).
 */
async function exerciseBasis(ctx: AppContext, actor: Actor, id: string, recipient: string): Promise<Basis> {
  const exercise = await getJointExercise({ ctx, actor, id }).catch((err: unknown) => {
    if (err instanceof AppError && err.code === 'NOT_FOUND') throw new AppError('SHARING_NO_EXERCISE', { id });
    throw err;
  });
  const forces = new Set(exercise.units.map((u) => u.force));
  if (!forces.has(actor.agency) || !forces.has(recipient)) throw new AppError('SHARING_EXERCISE_NOT_JOINT', { owner: actor.agency, recipient });
  if (!exercise.ubigeo) throw new AppError('SHARING_INSTRUMENT_WITHOUT_AREA', { id });
  return {
    basis: { kind: 'exercise', exerciseId: exercise.id },
    areaUbigeo: [exercise.ubigeo],
    areaGeometry: null,
    validFrom: exercise.startsOn,
    validTo: exercise.endsOn,
    exercise: true,
  };
}

/**
 * Opens a sharing agreement: the actor's agency (the data owner) lets a recipient agency read its incidents in the
 * area and period of a legal instrument (read through the legal module) or of a joint exercise (read through the
 * training module), with the fields listed; the agreement's period must lie within the basis's.
 */
export async function createAgreement({
  ctx,
  actor,
  draft,
  audited,
}: {
  ctx: AppContext;
  actor: Actor;
  draft: TAgreementCreate;
  audited: AuditedOptions;
}): Promise<TAgreement> {
  if (draft.recipientAgency === actor.agency) throw new AppError('SHARING_SAME_AGENCY');
  assertIncidentAccess(actor, 'sharing:write', { agency: actor.agency, classification: draft.classification }, { existing: false });
  const b = draft.instrumentId
    ? await instrumentBasis(ctx, actor, draft.instrumentId)
    : await exerciseBasis(ctx, actor, draft.exerciseId!, draft.recipientAgency);
  const validFrom = draft.validFrom ?? b.validFrom;
  const validTo = draft.validTo ?? b.validTo;
  const dataFrom = draft.dataFrom ?? validFrom;
  if (b.revocation && validTo > b.validTo) throw revokedError(b.revocation);
  if (validFrom < b.validFrom || validTo > b.validTo || validTo < validFrom || dataFrom > validTo) {
    throw new AppError('SHARING_OUTSIDE_INSTRUMENT_PERIOD', { from: validFrom, to: validTo, validFrom: b.validFrom, validTo: b.validTo });
  }
  // An agreement that would end before today gives no day of access: it is refused, not stored as expired at once.
  const today = limaToday();
  if (validTo < today) {
    const over = { to: validTo, today, basisTo: b.validTo };
    throw new AppError('SHARING_PERIOD_OVER', over, over);
  }
  const { value } = await runAudited(audited, async (tx, audit) => {
    const agreement = await insertAgreement(tx, {
      title: draft.title,
      ownerAgency: actor.agency,
      recipientAgency: draft.recipientAgency,
      recipientUnitId: draft.recipientUnitId ?? null,
      basis: b.basis,
      areaUbigeo: b.areaUbigeo,
      areaGeometry: b.areaGeometry,
      validFrom,
      validTo,
      dataFrom,
      fields: [...new Set(draft.fields)],
      crimeTypes: [...new Set(draft.crimeTypes ?? [])],
      maxClassification: draft.maxClassification,
      classification: draft.classification,
      exercise: b.exercise,
      createdBy: actor.username,
    });
    audit.record('create', 'sharing_agreement', agreement.id, agreement);
    return agreement;
  });
  return value;
}
