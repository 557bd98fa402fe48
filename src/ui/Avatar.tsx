import { useState } from 'preact/hooks';
import { nameWords } from '../contacts/normalize';
import { safeHttpUrl } from '../contacts/profile-url';

/**
 * Up to two letters for a name: the first letter of its first and last words (titles before it, "Dr.", left out; a
 * word without a letter, "-" or an emoji, skipped), each with its accents, whatever comes before it in the word
 * ("(Anna)", "„Hannes“").
 */
export function initials(name: string): string {
  const letters = nameWords(name).flatMap((word) => word.match(/\p{L}\p{M}*/u) ?? []);
  const first = letters[0] ?? '?';
  const last = letters.length > 1 ? (letters[letters.length - 1] ?? '') : '';
  return (first + last).toUpperCase();
}

/** A contact's photo, loaded without a referrer, or their initials when there is none, it fails, or photos are off. */
export function Avatar({
  name,
  photoUrl,
  size = 40,
  load,
}: {
  name: string;
  photoUrl?: string | undefined;
  size?: number;
  /** Whether photos may be loaded at all (Settings → Load contact photos): every caller must say. */
  load: boolean;
}) {
  const [failed, setFailed] = useState(false);
  const src = load && photoUrl && !failed ? safeHttpUrl(photoUrl)?.href : undefined;
  const style = { width: `${size}px`, height: `${size}px`, fontSize: `${Math.round(size * 0.4)}px` };
  if (src)
    return (
      <img
        class="avatar"
        src={src}
        alt=""
        width={size}
        height={size}
        style={style}
        referrerpolicy="no-referrer"
        loading="lazy"
        onError={() => setFailed(true)}
      />
    );
  return (
    <span class="avatar avatar--initials" style={style} aria-hidden="true">
      {initials(name)}
    </span>
  );
}
