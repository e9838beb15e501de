import type { AppContext } from '../../platform/context.ts';
import { ensureDemoRoom } from '../messaging/ensure-demo-room.ts';
import { listGeofenceRows } from './cop.repository.ts';
import { createGeofence } from './save-geofence.ts';
import { systemActor } from './track-access.ts';

export const DEMO_GEOFENCE_NAME = 'Área autorizada Callao — MGP (demostración)';

/**
 * Demo mode: a geofence around central Callao for the Marina's simulated patrols (one of them leaves it along
 * Av. Venezuela, so the alert panel shows a real "left the authorised area" alert) and a joint chat room.
 */
export async function ensureDemoFixtures(ctx: AppContext): Promise<void> {
  const existing = await listGeofenceRows(ctx.db, {});
  if (!existing.some((g) => g.name === DEMO_GEOFENCE_NAME)) {
    await createGeofence(
      ctx,
      systemActor('MGP', 'demo'),
      {
        name: DEMO_GEOFENCE_NAME,
        description: 'Área de demostración; no corresponde a ningún instrumento legal real.',
        geometry: { type: 'Polygon', coordinates: [[[-77.17, -12.08], [-77.06, -12.08], [-77.06, -12.035], [-77.17, -12.035], [-77.17, -12.08]]] },
        trigger: 'exit',
        forces: ['MGP'],
        unitIds: [],
        active: true,
        classification: 'PUBLICO',
        exercise: true,
      },
      { db: ctx.db, actor: { id: null, name: 'demo', agency: 'MGP' }, afterAudit: ctx.afterAudit },
    );
  }
  await ensureDemoRoom(ctx);
}
