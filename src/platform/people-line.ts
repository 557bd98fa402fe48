import { t, tn } from './i18n';

/**
 * People named in a sentence, one rule for the weekly reminder and the Sync tab: "Anna", "Anna and Ben", "Anna, Ben
 * and Cem"; fewer names than people (`count`): "Anna, Ben and 3 more". A module of its own: in i18n.ts it would be
 * in the options page's first screen, which names nobody.
 */
export function peopleLine(names: readonly string[], count = names.length): string {
  if (count > names.length && names.length) return tn('listMore', count - names.length, names.join(', '));
  if (names.length < 2) return names[0] ?? '';
  return t('listAnd', names.slice(0, -1).join(', '), names.at(-1) ?? '');
}
