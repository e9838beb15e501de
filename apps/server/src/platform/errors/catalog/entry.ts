/** One error: its HTTP status and its message in Spanish and English, with `{name}` placeholders. */
export interface CatalogEntry {
  status: number;
  es: string;
  en: string;
}
