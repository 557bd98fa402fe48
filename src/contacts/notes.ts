/**
 * Two notes of one person as one, line by line (node-diff3's three-way merge, as version control merges files) —
 * the one rule wherever notes meet: sync's merge of a note both sides changed, sync's first link, the merge of two
 * saved records, a backup restored into a record, and an import's note for someone saved here.
 *
 * Against `base`, the note as both sides last agreed on: a line either side took out goes, what either added or
 * changed stays, each once. Without one, the base is the lines both notes have: each of those once, and every line
 * of either side's own kept. Lines both changed in one place are both kept there (one that holds the other is
 * enough); a line changed on one side and taken out on the other stays; a line taken out on one side stays out
 * beside one the other side added next to it.
 *
 * node-diff3 is the one package src/contacts/ uses: a pure function (no I/O), allowed to this file alone by the
 * dependency rules (.dependency-cruiser.cjs).
 */
import { diff3Merge, diffComm } from 'node-diff3';

/** Two texts as one where they cannot be merged line by line: one that holds the other is enough, else both. */
function bothNotes(a = '', b = ''): string {
  return a.includes(b) ? a : b.includes(a) ? b : `${a}\n\n${b}`;
}

/**
 * A note with its lines parted by LF alone, however they came (a file written on Windows parts them with CR LF, an
 * old Mac file with CR): what a draft's note is saved as, and how a note kept so by an earlier version is read.
 */
export const withLineFeeds = (text: string) => text.replace(/\r\n?/g, '\n');

/** A note's lines. */
const lines = (text: string) => (text ? withLineFeeds(text).split('\n') : []);

/** `mine` and `theirs` as one note, against `base` where they have one. */
export function joinNotes(mine = '', theirs = '', base?: string): string {
  if (mine === theirs) return mine;
  const [a, b] = [lines(mine), lines(theirs)];
  const o = base ? lines(base) : diffComm(a, b).flatMap((block) => block.common ?? []);
  return diff3Merge(a, o, b, { excludeFalseConflicts: true })
    .flatMap((block) => {
      if (!block.conflict) return block.ok ?? [];
      // Both changed this place. A line of the base one side took out (or changed) is out of the other's version
      // too, as anywhere else (a line taken out here beside one added there); what each side wrote there stays.
      const { a: mineHere, o: was, b: theirsHere } = block.conflict;
      const without = (side: string[], other: string[]) =>
        side.filter((line) => !was.includes(line) || other.includes(line));
      return [bothNotes(without(mineHere, theirsHere).join('\n'), without(theirsHere, mineHere).join('\n'))];
    })
    .join('\n');
}
