import { Link } from '../../app/router.tsx';
import { useResource } from '../../app/use-resource.ts';
import { getUnit } from './units-api.ts';

/** A link to a unit labelled with its name once loaded (the id until then, or when it may not be read). */
export function UnitNameLink({ id }: { id: string }) {
  const unit = useResource(`unit:${id}`, (signal) => getUnit(id, signal));
  return <Link to={`/units/${id}`}>{unit.data ? `${unit.data.name} (${unit.data.shortName})` : id}</Link>;
}
