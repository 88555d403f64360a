// Calendar arithmetic shared by the layers above.

/** Milliseconds in a day (UTC dates have no daylight-saving change). */
export const DAY_MS = 86_400_000;
