import { useTranslation } from 'react-i18next';
import { FFAA_FORCE_LADDER, FORCE_LEVELS } from '@enlace/rules';
import type { TProtocolForce } from '@enlace/rules';
import { currentLanguage } from '../../i18n/i18n.ts';

/**
 * A DL 1186 force level, named in the protocol's own ladder: the PNP level for a PNP version, the FF.AA. steps
 * (DL 1095) that map onto it for an FF.AA. version; the tooltip gives both.
 */
export function ForceLevel({ level, force }: { level: number; force: TProtocolForce }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const pnp = FORCE_LEVELS.find((l) => l.level === level)?.name[lang] ?? String(level);
  const ffaa = FFAA_FORCE_LADDER.filter((s) => s.pnpLevel === level).map((s) => s.name[lang]).join(', ');
  return (
    <span className={`force-level force-level-${level}`} title={t('protocols.level', { level, pnp, ffaa: ffaa || '—' })}>
      <span className="force-level-number">{level}</span> {force === 'FFAA' && ffaa ? ffaa : pnp}
    </span>
  );
}
