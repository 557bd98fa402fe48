/** @tanstack/virtual-core in a chunk of its own: loaded after the list's first screen (useVirtualizer.ts). */
export { elementScroll, observeElementOffset, observeElementRect, Virtualizer } from '@tanstack/virtual-core';
