import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FORCES_EQUIPMENT_CATEGORIES, SERIAL_ONLY_CATEGORIES, type TEquipment, type TForcesEquipmentCategory } from '@enlace/contracts';
import { errorMessage } from '../../app/api.ts';
import { useResource } from '../../app/use-resource.ts';
import { Alert } from '../../app/ui/alert.tsx';
import { Loading } from '../../app/ui/loading.tsx';
import { SelectField } from '../../app/ui/select-field.tsx';
import { listMembersPage, listUnitEquipment } from '../secondments/secondments-api.ts';
import { equipmentDetail, type EquipmentDetail } from './unit-equipment-view.ts';
import { UnitsPager } from './units-pager.tsx';

const PAGE = 50;

/**
 * A unit's equipment item by item (lots and serial items): category, serial, quantity, condition, the member a lethal
 * weapon is assigned to, and a radio's modes and talkgroups, a drone's model, camera and video link, a vehicle's plate.
 * Filterable by category and paged; only the records the user may read (the API filters and audits them).
 */
export function UnitEquipmentList({ unitId }: { unitId: string }) {
  const { t } = useTranslation();
  const [category, setCategory] = useState<TForcesEquipmentCategory | ''>('');
  const [offset, setOffset] = useState(0);
  const page = useResource(`unit-equipment:${unitId}:${category}:${offset}`, (signal) =>
    listUnitEquipment(unitId, category || undefined, offset, PAGE, signal),
  );
  const holders = page.data?.items.some((e) => e.assignedTo) ?? false;
  const roster = useResource(`unit-equipment-holders:${unitId}:${String(holders)}`, (signal) =>
    holders ? listMembersPage(unitId, 0, 1000, signal) : Promise.resolve({ items: [], total: 0 }),
  );
  const names = new Map((roster.data?.items ?? []).map((m) => [m.id, `${m.rank} ${m.familyNames}, ${m.givenNames}`]));

  return (
    <section aria-labelledby="unit-equipment-title" className="card">
      <h2 id="unit-equipment-title">{t('unitEquipment.title', { count: page.data?.total ?? 0 })}</h2>
      <SelectField
        label={t('unitEquipment.category')}
        value={category}
        options={[{ value: '', label: t('common.all') }, ...FORCES_EQUIPMENT_CATEGORIES.map((c) => ({ value: c, label: t(`forces.category.${c}`) }))]}
        onValueChange={(v) => { setCategory(v as TForcesEquipmentCategory | ''); setOffset(0); }}
      />
      {page.loading && !page.data && <Loading />}
      {page.error !== null && <Alert kind="error">{errorMessage(page.error)}</Alert>}
      {page.data && page.data.items.length === 0 && <p className="empty">{t('unitEquipment.empty')}</p>}
      {page.data && page.data.items.length > 0 && (
        <>
          <EquipmentItems items={page.data.items} names={names} />
          <UnitsPager offset={offset} pageSize={PAGE} shown={page.data.items.length} total={page.data.total} onPage={setOffset} />
        </>
      )}
    </section>
  );
}

function EquipmentItems({ items, names }: { items: readonly TEquipment[]; names: ReadonlyMap<string, string> }) {
  const { t } = useTranslation();
  const none = t('common.none');
  return (
    <table className="data-table">
      <caption className="visually-hidden">{t('unitEquipment.caption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('unitEquipment.item')}</th>
          <th scope="col">{t('unitEquipment.category')}</th>
          <th scope="col">{t('unitEquipment.serial')}</th>
          <th scope="col" className="numeric">{t('unitEquipment.quantity')}</th>
          <th scope="col">{t('unitEquipment.condition')}</th>
          <th scope="col">{t('unitEquipment.assignedTo')}</th>
          <th scope="col">{t('unitEquipment.details')}</th>
        </tr>
      </thead>
      <tbody>
        {items.map((e) => (
          <tr key={e.id}>
            <th scope="row" data-label={t('unitEquipment.item')}>{e.item}</th>
            <td data-label={t('unitEquipment.category')}>{t(`forces.category.${e.category}`)}</td>
            <td data-label={t('unitEquipment.serial')}>{e.serial ?? none}</td>
            <td className="numeric" data-label={t('unitEquipment.quantity')}>{e.quantity}</td>
            <td data-label={t('unitEquipment.condition')}>{t(`forces.condition.${e.condition}`)}</td>
            <td data-label={t('unitEquipment.assignedTo')}>
              {e.assignedTo ? (names.get(e.assignedTo) ?? e.assignedTo) : SERIAL_ONLY_CATEGORIES.includes(e.category) ? t('unitEquipment.unassigned') : none}
            </td>
            <td data-label={t('unitEquipment.details')}><DetailText detail={equipmentDetail(e)} /></td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function DetailText({ detail }: { detail: EquipmentDetail | null }) {
  const { t } = useTranslation();
  if (!detail) return <>{t('common.none')}</>;
  switch (detail.kind) {
    case 'radio':
      return <>{t('unitEquipment.radioText', { modes: detail.modes, talkgroups: detail.talkgroups })}</>;
    case 'drone':
      return <>{t('unitEquipment.droneText', { model: detail.model, camera: detail.camera, videoLink: detail.videoLink })}</>;
    case 'vehicle':
      return <>{t('unitEquipment.vehicleText', { plate: detail.plate, kind: detail.kind2, radio: t(detail.radio ? 'common.yes' : 'common.no') })}</>;
  }
}
