/**
 * A small stand-in for webextension-polyfill in unit tests: i18n reads the real messages.json of the chosen
 * language, and the calls the code makes are recorded so tests can assert on them.
 */
import de from '../../../src/_locales/de/messages.json';
import en from '../../../src/_locales/en/messages.json';

type Messages = Record<string, { message: string }>;
const catalogs: Record<string, Messages> = { en, de };
let language = 'en';

export function setLanguage(lang: 'en' | 'de') {
  language = lang;
}

export const calls: { method: string; args: unknown[] }[] = [];
const record =
  (method: string, result?: unknown) =>
  async (...args: unknown[]) => {
    calls.push({ method, args });
    return result;
  };

const browser = {
  i18n: {
    getMessage(key: string, subs: string[] = []) {
      const entry = catalogs[language]?.[key];
      if (!entry) return '';
      return entry.message.replace(/\$(\d)/g, (_, n: string) => subs[Number(n) - 1] ?? '');
    },
    getUILanguage: () => language,
  },
  action: {
    setBadgeText: record('action.setBadgeText'),
    setBadgeBackgroundColor: record('action.setBadgeBackgroundColor'),
    setTitle: record('action.setTitle'),
  },
  runtime: {
    openOptionsPage: record('runtime.openOptionsPage'),
    getURL: (p: string) => `chrome-extension://test/${p}`,
  },
  tabs: { create: record('tabs.create'), query: record('tabs.query', []), get: record('tabs.get', {}) },
};

export default browser;
