/** The popup's code after its first screen (later.ts), loaded once, on first use. */
export const later = () => import('./later');
