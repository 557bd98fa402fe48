/**
 * Injected before a second capture, and only on a page whose JSON-LD did not parse even leniently (comments,
 * stray quotes or escapes, a brace too many: JSON as some sites write it, which search engines and extractors such
 * as extruct still read). It hands jsonrepair to the capture script through the extension's own isolated world,
 * so the capture bundle stays small on the pages that do not need it. It reads and changes nothing in the page.
 */
import { jsonrepair } from 'jsonrepair';
import { JSON_REPAIR_GLOBAL } from './repair-hook';

(globalThis as Record<string, unknown>)[JSON_REPAIR_GLOBAL] = jsonrepair;
