/**
 * A small stand-in for webextension-polyfill in unit tests: i18n reads the real messages.json of the chosen
 * language, and the calls the code makes are recorded so tests can assert on them.
 */
import de from '../../../src/_locales/de/messages.json';
import en from '../../../src/_locales/en/messages.json';

type Messages = Record<string, { message: string }>;
const catalogs: Record<string, Messages> = { en, de };
let language = 'en';

/** What getUILanguage says when it is not the messages' language (Chromium's service worker can say en-US). */
let uiLanguage: string | undefined;

export function setLanguage(lang: 'en' | 'de', ui?: string) {
  language = lang;
  uiLanguage = ui;
}

export const calls: { method: string; args: unknown[] }[] = [];
const record =
  (method: string, result?: unknown) =>
  async (...args: unknown[]) => {
    calls.push({ method, args });
    return result;
  };

/** In-memory alarms and notifications with the shape of the real APIs. */
export const alarms = new Map<string, { name: string; scheduledTime: number; periodInMinutes?: number }>();
export const notifications = new Map<string, Record<string, unknown>>();
export let firefox = false;
/** The operating system runtime.getPlatformInfo names. */
let os = 'linux';
/** Host permissions the browser grants right now (as match patterns). */
export const granted = new Set<string>();
/** The extension's pages open in tabs, as runtime.getContexts gives them; `null`: a browser without that API. */
export let pageContexts: { documentUrl: string; tabId: number; windowId: number }[] | null = [];
export function setPageContexts(pages: typeof pageContexts) {
  pageContexts = pages;
}
/** The keys that open the popup, as commands.getAll gives them ('': none set). */
let popupKeys = 'Alt+Shift+K';
export function setPopupKeys(keys: string) {
  popupKeys = keys;
}
export function reset(options: { firefox?: boolean; os?: string } = {}) {
  popupKeys = 'Alt+Shift+K';
  alarms.clear();
  notifications.clear();
  granted.clear();
  pageContexts = [];
  calls.length = 0;
  firefox = !!options.firefox;
  os = options.os ?? 'linux';
}

const browser = {
  i18n: {
    getMessage(key: string, subs: string[] = []) {
      const entry = catalogs[language]?.[key];
      if (!entry) return '';
      return entry.message.replace(/\$(\d)/g, (_, n: string) => subs[Number(n) - 1] ?? '');
    },
    getUILanguage: () => uiLanguage ?? language,
  },
  action: {
    setBadgeText: record('action.setBadgeText'),
    setBadgeBackgroundColor: record('action.setBadgeBackgroundColor'),
    setTitle: record('action.setTitle'),
  },
  runtime: {
    openOptionsPage: record('runtime.openOptionsPage'),
    getURL: (p: string) => `chrome-extension://test/${p}`,
    getPlatformInfo: async () => ({ os }),
    get getContexts() {
      const pages = pageContexts;
      return pages
        ? async (filter: { contextTypes: string[] }) => (filter.contextTypes.includes('TAB') ? pages : [])
        : undefined;
    },
    get getBrowserInfo() {
      return firefox ? async () => ({ name: 'Firefox' }) : undefined;
    },
  },
  alarms: {
    async get(name: string) {
      return alarms.get(name);
    },
    async create(name: string, info: { when?: number; periodInMinutes?: number }) {
      calls.push({ method: 'alarms.create', args: [name, info] });
      alarms.set(name, {
        name,
        scheduledTime: info.when ?? Date.now(),
        ...(info.periodInMinutes ? { periodInMinutes: info.periodInMinutes } : {}),
      });
    },
    async clear(name: string) {
      return alarms.delete(name);
    },
  },
  notifications: {
    async create(id: string, options: Record<string, unknown>) {
      if (firefox && ('buttons' in options || options.type === 'list')) throw new Error('Firefox: unsupported options');
      notifications.set(id, options);
      return id;
    },
    async clear(id: string) {
      return notifications.delete(id);
    },
  },
  tabs: {
    create: record('tabs.create'),
    update: record('tabs.update'),
    query: record('tabs.query', []),
    get: record('tabs.get', {}),
  },
  windows: { update: record('windows.update') },
  commands: {
    getAll: async () => [{ name: '_execute_action', shortcut: popupKeys, description: '' }],
  },
  permissions: {
    async contains({ origins = [] }: { origins?: string[] }) {
      return origins.every((o) => granted.has(o));
    },
    async remove({ origins = [] }: { origins?: string[] }) {
      calls.push({ method: 'permissions.remove', args: [origins] });
      for (const o of origins) granted.delete(o);
      return true;
    },
  },
};

export default browser;
