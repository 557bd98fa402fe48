import { useState } from 'preact/hooks';
import type { ColumnRole, CsvLayout } from '../interchange';
import { NAME_ROLES } from '../interchange/csv-fields';
import { columnCount } from '../interchange/csv-layout';
import { type MessageKey, t } from '../platform/i18n';
import { ErrorLine } from '../ui/StatusLine';

/**
 * Every role a column can hold, in the order the menu offers them. A record of them all: a role the reader knows
 * but the menu did not offer would be turned into "Ignore" by a user who only checked the columns, and its values
 * (a Google file's labels, a list's birthdays) lost.
 */
const ROLE_LABELS: Record<ColumnRole, MessageKey> = {
  name: 'roleName',
  familyFirst: 'roleFamilyFirst',
  first: 'roleFirst',
  middle: 'roleMiddle',
  last: 'roleLast',
  prefix: 'rolePrefix',
  suffix: 'roleSuffix',
  email: 'roleEmail',
  phone: 'rolePhone',
  company: 'roleCompany',
  role: 'roleRole',
  url: 'roleUrl',
  town: 'roleTown',
  address: 'roleAddress',
  birthday: 'roleBirthday',
  birthYear: 'roleBirthYear',
  birthMonth: 'roleBirthMonth',
  birthDay: 'roleBirthDayOfMonth',
  labels: 'roleLabels',
  notes: 'roleNotes',
  photo: 'rolePhoto',
  lastContact: 'roleLastContact',
  followUp: 'followUpOn',
  followUpNote: 'sheetFollowUpAbout',
  metVia: 'fieldMetVia',
  introducedBy: 'fieldIntroducedBy',
  cadence: 'fieldCadence',
  ignore: 'roleIgnore',
};
const ROLES = Object.entries(ROLE_LABELS) as [ColumnRole, MessageKey][];

/**
 * Each column of a CSV file with its first values and what it holds, for the user to check or say: shown where
 * the columns could not be told apart for certain, and on request.
 */
export function ColumnMapping({
  layout,
  onUse,
  onCancel,
}: {
  layout: CsvLayout;
  onUse: (roles: ColumnRole[]) => void;
  onCancel: () => void;
}) {
  const width = columnCount(layout);
  const [roles, setRoles] = useState<ColumnRole[]>(() =>
    Array.from({ length: width }, (_, i) => layout.roles[i] ?? 'ignore'),
  );
  const [error, setError] = useState('');
  const examples = (i: number) =>
    layout.rows
      .map((r) => (r[i] ?? '').trim())
      .filter(Boolean)
      .slice(0, 3)
      .join(' · ');
  return (
    <section class="preview columns" aria-labelledby="columns-heading">
      <h3 id="columns-heading" tabIndex={-1}>
        {t('importColumnsHeading')}
      </h3>
      <p class="hint">{t('importColumnsHint')}</p>
      <ul class="columns__list">
        {roles.map((role, i) => {
          const id = `column-${i}`;
          const name = layout.header?.[i]?.trim() || t('importColumn', i + 1);
          return (
            <li key={i}>
              <label for={id}>{name}</label>
              <select
                id={id}
                value={role}
                onChange={(e) => {
                  const next = [...roles];
                  next[i] = e.currentTarget.value as ColumnRole;
                  setRoles(next);
                  setError('');
                }}
              >
                {ROLES.map(([r, label]) => (
                  <option key={r} value={r}>
                    {t(label)}
                  </option>
                ))}
              </select>
              <span class="hint">{examples(i) && t('importColumnExample', examples(i))}</span>
            </li>
          );
        })}
      </ul>
      <ErrorLine text={error} />
      <div class="row-actions">
        <button
          type="button"
          class="primary"
          onClick={() => (roles.some((r) => NAME_ROLES.includes(r)) ? onUse(roles) : setError(t('importNoNameColumn')))}
        >
          {t('importUseColumns')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('cancel')}
        </button>
      </div>
    </section>
  );
}
