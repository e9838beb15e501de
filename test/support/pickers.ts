import type { Locator, Page } from 'playwright-core';

/**
 * Chooses a unit in a unit picker (a searchable combobox): types `typed` into the field labelled `label`, waits for
 * the server's answer and clicks the option whose name contains `option`; returns once the list has closed.
 */
export async function pickUnit(scope: Page | Locator, label: string, typed: string, option: string): Promise<void> {
  const box = scope.getByRole('combobox', { name: label, exact: true });
  await box.fill(typed);
  const list = scope.getByRole('listbox', { name: label, exact: true });
  await list.getByRole('option', { name: option }).click();
  await list.waitFor({ state: 'hidden' });
}
