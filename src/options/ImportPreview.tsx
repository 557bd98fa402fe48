/**
 * The import's preview: what confirming would do (new, merged, not importable, with reasons) before anything is
 * written, and the words for what a file or an entry could not give.
 */
import type { Contact } from '../contacts/types';
import { type ImportError, type NameListProblem, type ParseResult, unreadColumns } from '../interchange';
import type { LegacyEncoding } from '../interchange/decode';
import type { UnreadKind } from '../interchange/vcard-unread';
import { type MessageKey, t, tn } from '../platform/i18n';
import type { ImportPlan } from '../storage/import';
import type { RestorePlan } from '../storage/restore';

/** A file read and planned, waiting for the user's confirmation. */
export interface Preview {
  step: 'preview';
  fileName: string;
  parsed: ParseResult;
  /** What confirming writes: the file's people planned against the book, or a backup's people put back. */
  apply:
    | { kind: 'import'; plan: ImportPlan }
    | { kind: 'restore'; contacts: Contact[]; settings: unknown; distinct: string[]; restore: RestorePlan };
  /** Planned again: the people in the book changed while the preview was shown. */
  replanned?: boolean;
}

/** Whether a backup holds settings to put back (a backup edited by hand may have none). */
export const hasSettings = (settings: unknown) => typeof settings === 'object' && settings !== null;

/** What a list's lines that cannot become people lack: the first said in full, how many more there are. */
export function nameListProblemText([first, ...more]: NameListProblem[]): string {
  if (!first) return '';
  const said =
    first.kind === 'noName'
      ? t('nameListNoName', first.line, first.address)
      : first.kind === 'badAddress'
        ? t('nameListBadAddress', first.line, first.address)
        : t(first.kind === 'columns' ? 'nameListColumns' : 'nameListUnclear', first.line);
  return more.length ? `${said} ${tn('nameListMoreProblems', more.length)}` : said;
}

/** An entry's value not read (or read shortened): said with the entry's number and the value as written. */
const VALUE_NOT_READ: Partial<Record<ImportError['code'], MessageKey>> = {
  unreadBirthday: 'importUnreadBirthday',
  unreadLastContact: 'importUnreadLastContact',
  unreadFollowUp: 'importUnreadFollowUp',
  unreadCadence: 'importUnreadCadence',
  unreadEmail: 'importUnreadEmail',
  unreadUrl: 'importUnreadUrl',
  unreadPhone: 'importUnreadPhone',
  shortenedPhone: 'importShortenedPhone',
};

/** What a file or an entry could not give, in words. */
export function importErrorText(e: ImportError): string {
  const valueNotRead = VALUE_NOT_READ[e.code];
  if (valueNotRead) return t(valueNotRead, e.record ?? 0, e.detail ?? '');
  switch (e.code) {
    case 'empty':
      return t('importEmpty');
    case 'tooLarge':
      return t('importTooLarge', e.detail ?? '');
    case 'binary':
      return t('importBinary');
    case 'damaged':
      return t('importDamaged');
    case 'spreadsheet':
      return t('importSpreadsheet');
    case 'badBackup':
      return t('importBadBackup');
    case 'newerBackup':
      return t('importNewerBackup');
    case 'noName':
      return t('importNoName', e.record ?? 0);
    case 'badRecord':
      return t('importBadRecord', e.record ?? 0);
    case 'unclosedQuote':
      return t('importUnclosedQuote', e.line ?? 0);
    case 'unclosedCard':
      return t('importUnclosedCard', e.record ?? 0, e.line ?? 0);
    case 'outsideCard':
      return t('importOutsideCard', e.line ?? 0);
    case 'blocklist':
      return t('importBlocklist', e.detail ?? '');
    case 'mendedPhone':
      return mendedPhonesText([e]);
    default:
      return t('importUnknownFormat');
  }
}

/** Phone numbers a spreadsheet cut short and the import mended, said once for the file with one of them. */
function mendedPhonesText(mended: readonly ImportError[]): string {
  const [first] = mended;
  return tn('importMendedPhones', mended.length, first?.detail ?? '', first?.read ?? '');
}

/** The entries' notes the folded details list; the rest are counted. */
const PROBLEMS_SHOWN = 50;

/** Parts of a file that could not be read at all (not an entry's value): the preview says them outright. */
const UNREAD: readonly ImportError['code'][] = ['unclosedQuote', 'outsideCard', 'blocklist'];

/** What vCards hold that the import does not keep, as the preview names it. */
const UNREAD_NAME: Record<UnreadKind, MessageKey> = {
  photo: 'unreadPhoto',
  fax: 'unreadFax',
  street: 'unreadStreet',
  nickname: 'unreadNickname',
  anniversary: 'unreadAnniversary',
  messenger: 'unreadMessenger',
  social: 'unreadSocial',
  related: 'unreadRelated',
};

/** The legacy code pages a file may be read in by evidence, as the preview names them (each one named). */
const ENCODING_NAME: Record<string, MessageKey> = {
  'windows-1252': 'encodingWestern',
  macintosh: 'encodingMac',
  'windows-1250': 'encodingCentral1250',
  'iso-8859-2': 'encodingCentral88592',
} satisfies Record<LegacyEncoding, MessageKey>;

/** What confirming would do: new, merged, not importable (with reasons), before anything is written. */
export function ImportPreview({
  stage,
  busy,
  withSettings,
  onWithSettings,
  onConfirm,
  onCancel,
  onColumns,
}: {
  stage: Preview;
  busy: boolean;
  /** A backup's settings put back too (ticked unless the user unticks it). */
  withSettings: boolean;
  onWithSettings: (on: boolean) => void;
  onConfirm: () => void;
  onCancel: () => void;
  /** For a CSV file: say again what its columns hold. */
  onColumns?: () => void;
}) {
  const { parsed, apply } = stage;
  // A file of which nothing can be written (every entry without a name, say) offers no Import: the details say why.
  const nothing =
    (apply.kind === 'restore' ? apply.contacts.length : apply.plan.add.length + apply.plan.merge.length) === 0;
  const unread = parsed.errors.filter((e) => UNREAD.includes(e.code));
  const mended = parsed.errors.filter((e) => e.code === 'mendedPhone');
  const problems = parsed.errors.filter((e) => !UNREAD.includes(e.code) && e.code !== 'mendedPhone');
  return (
    <section class="preview" aria-label={t('importPreview')}>
      <h3 tabIndex={-1}>{stage.fileName}</h3>
      {stage.replanned && (
        <p class="hint" role="status" data-testid="import-replanned">
          {t('importReplanned')}
        </p>
      )}
      {apply.kind === 'restore' ? (
        <>
          <p>{tn('restorePreview', apply.contacts.length)}</p>
          {apply.restore.back + apply.restore.older + apply.restore.merged > 0 && (
            <ul>
              {apply.restore.back > 0 && <li data-testid="restore-back">{tn('restoreBack', apply.restore.back)}</li>}
              {apply.restore.older > 0 && (
                <li class="warn" data-testid="restore-older">
                  {tn('restoreOlder', apply.restore.older)}
                </li>
              )}
              {apply.restore.merged > 0 && (
                <li data-testid="restore-merged">{tn('restoreMerged', apply.restore.merged)}</li>
              )}
            </ul>
          )}
          {hasSettings(apply.settings) && (
            <label class="check">
              <input type="checkbox" checked={withSettings} onChange={(e) => onWithSettings(e.currentTarget.checked)} />
              {t('restoreSettings')}
            </label>
          )}
        </>
      ) : (
        <ul>
          <li data-testid="import-new">{tn('importNew', apply.plan.add.length)}</li>
          <li data-testid="import-merge">{tn('importMerge', apply.plan.merge.length)}</li>
          <li data-testid="import-invalid">
            {tn(
              'importInvalid',
              apply.plan.invalid.length + parsed.errors.filter((e) => e.code === 'badRecord').length,
            )}
          </li>
          {!!apply.plan.circles?.length && (
            <li data-testid="import-circles">{t('importCircles', apply.plan.circles.join(', '))}</li>
          )}
          {!!parsed.groups?.length && (
            <li data-testid="import-groups">
              {t('importGroups', parsed.groups.map((g) => `${g.name} (${g.members})`).join(', '))}
            </li>
          )}
        </ul>
      )}
      {parsed.encodingGuessed && (
        <p class="hint warn" data-testid="import-encoding">
          {t(
            'importEncodingGuessed',
            t(ENCODING_NAME[parsed.encoding ?? ''] ?? 'encodingWestern'),
            parsed.contacts
              .slice(0, 3)
              .map((c) => c.name)
              .join(', '),
          )}
        </p>
      )}
      {/* A CSV's columns left out that hold something, and what vCards hold that no field keeps: named, so
          nothing is dropped without a word. */}
      {parsed.csv && <UnreadColumns layout={parsed.csv} />}
      {!!parsed.cardsUnread?.length && (
        <p class="hint" data-testid="import-cards-unread">
          {t('importCardsUnread', parsed.cardsUnread.map((u) => `${t(UNREAD_NAME[u.kind])} (${u.cards})`).join(', '))}
        </p>
      )}
      {mended.length > 0 && (
        <p class="hint" data-testid="import-phones-mended">
          {mendedPhonesText(mended)}
        </p>
      )}
      {/* What could not be read at all is said outright, not in the folded details. */}
      {unread.map((e) => (
        <p class="hint warn" data-testid="import-unread" key={`${e.code}-${e.line}`}>
          {importErrorText(e)}
        </p>
      ))}
      {nothing && (
        <p class="hint warn" data-testid="import-nothing">
          {t('importNothingToImport')}
        </p>
      )}
      {problems.length > 0 && (
        <details open={nothing}>
          <summary>{tn('importProblems', problems.length)}</summary>
          <ul>
            {problems.slice(0, PROBLEMS_SHOWN).map((e) => (
              <li key={`${e.code}-${e.record}`}>{importErrorText(e)}</li>
            ))}
            {problems.length > PROBLEMS_SHOWN && <li>{tn('importProblemsMore', problems.length - PROBLEMS_SHOWN)}</li>}
          </ul>
        </details>
      )}
      <div class="row-actions">
        {!nothing && (
          <button type="button" class="primary" disabled={busy} onClick={onConfirm}>
            {t('importConfirm')}
          </button>
        )}
        {onColumns && (
          <button type="button" onClick={onColumns}>
            {t('importChangeColumns')}
          </button>
        )}
        <button type="button" onClick={onCancel}>
          {t('cancel')}
        </button>
      </div>
    </section>
  );
}

/** The columns of a CSV file its reading leaves out, by their headers (or their places), with the way to read them. */
function UnreadColumns({ layout }: { layout: NonNullable<ParseResult['csv']> }) {
  const columns = unreadColumns(layout).map((i) => layout.header?.[i]?.trim() || t('importColumn', i + 1));
  return columns.length ? (
    <p class="hint" data-testid="import-columns-unread">
      {t('importColumnsUnread', columns.join(', '))}
    </p>
  ) : null;
}
