import type { Contact } from '../contacts/types';
import { t } from '../platform/i18n';
import { Avatar } from '../ui/Avatar';
import type { PopupState } from './state';

function subtitle(c: Contact): string {
  if (c.role && c.company) return t('roleAtCompany', c.role, c.company);
  return c.role ?? c.company ?? '';
}

export function ContactList({ state }: { state: PopupState }) {
  const contacts = state.contacts.value;
  return (
    <section class="list" aria-labelledby="list-heading">
      <h2 id="list-heading">{t('listHeading')}</h2>
      {contacts.length === 0 ? (
        <div class="empty">
          <h3>{t('emptyTitle')}</h3>
          <p>{t('emptyBody')}</p>
        </div>
      ) : (
        <ul class="rows">
          {contacts.map((c) => (
            <li key={c.id} class="row">
              <Avatar name={c.name} photoUrl={c.photoUrl} size={32} load={state.settings.value.loadPhotos} />
              <span class="row__text">
                <span class="row__name">{c.name}</span>
                <span class="row__sub">{subtitle(c)}</span>
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
