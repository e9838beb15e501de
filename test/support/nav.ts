import type { Locator, Page } from 'playwright-core';

/**
 * A link of the main navigation, made visible: the sections are grouped under disclosure buttons, so this opens the
 * group that holds the link (unless it is already open, or the phone menu shows every group) and returns the link.
 */
export async function navLink(page: Page, name: string, navName = 'Navegación principal'): Promise<Locator> {
  const nav = page.getByRole('navigation', { name: navName });
  const link = nav.getByRole('link', { name, exact: true });
  // `has` is matched inside each group, and the link of a closed group is hidden: a relative locator that sees it.
  const group = nav.locator('li.nav-group').filter({ has: page.getByRole('link', { name, exact: true, includeHidden: true }) });
  await group.waitFor();
  if (!(await link.isVisible())) await group.locator('button.nav-group-button').click();
  await link.waitFor();
  return link;
}
