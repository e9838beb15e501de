import 'i18next';
import type { catalogueEs } from './catalogue.ts';

// Translation keys are checked at compile time against the Spanish catalogue (the reference language).
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof catalogueEs };
  }
}
