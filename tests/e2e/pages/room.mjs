// The base of every page object: one tab (or the shell) of the app, and the test-id scheme of
// its elements. Specs call these methods, never `getByTestId` themselves, so a change of
// markup changes one page object.

export class Room {
  constructor(page) { this.page = page; }

  /** The element with test id `id`, inside `within` (a locator or another page; this page by default). */
  t(id, within = this.page) { return within.getByTestId(id); }
}
