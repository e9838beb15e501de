import { useResource } from '../../app/use-resource.ts';
import { currentLanguage } from '../../i18n/i18n.ts';
import { getCrimeTypes } from './incidents-api.ts';

/** The crime types' names in the interface language, from the server's catalogue (the code until it arrives). */
export function useCrimeTypeNames(): (code: string) => string {
  const catalogue = useResource('crime-types', (signal) => getCrimeTypes(signal));
  const es = currentLanguage() === 'es';
  return (code) => {
    const type = catalogue.data?.types.find((x) => x.code === code);
    return type ? (es ? type.nameEs : type.nameEn) : code;
  };
}
