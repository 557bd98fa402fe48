/**
 * The list's geometry, for the rows (Rows.tsx) and for what an early search reads first (early-search.ts). The
 * list box's height is also in popup.css (.rows).
 */
export const ROW_HEIGHT = 56;
export const LIST_HEIGHT = 300;
/** Rows drawn beyond those in view, above and below. */
export const OVERSCAN = 6;
/** The rows the list draws at first: those in its height, and the ones beyond. */
export const FIRST_DRAWN = Math.ceil(LIST_HEIGHT / ROW_HEIGHT) + OVERSCAN;

/**
 * The row that is the list's one Tab stop (the others are a key away: arrows, Home, End): the row last focused while
 * it is drawn, else the first drawn; none while none is drawn.
 */
export const tabStop = (drawn: readonly { index: number }[], last: number): number | undefined =>
  drawn.some((i) => i.index === last) ? last : drawn[0]?.index;
