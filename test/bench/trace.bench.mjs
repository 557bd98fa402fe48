// Where a fresh open's time goes (issue 16: "find where the time goes first"): the popup at 1,000 people opened in a
// fresh extension process, as a popup opened a few times a day opens, beside the least any list popup does and the
// static page, each traced (Chromium's trace, as DevTools' Performance panel records it) from its navigation start to
// its first rows painted. The page's main thread is taken apart by what it did: its own script, compiling script,
// style, layout and paint, parsing HTML and CSS, starting the page and its script context, the rest of its tasks
// (messages from the browser, fetches), and waiting (the thread idle: the database, the browser, the other threads).
// Tracing slows a page down (each open here is 15–40% later than untraced): the figures are for comparing the pages
// of one run, not with the other benches.
import { seeded } from './popup.bench.mjs';
import { freshOpens, median, openTimed } from './support.mjs';

const RUNS = Number(process.env.BENCH_TRACE_RUNS ?? 7);
const PEOPLE = 1000;
const PAGES = ['floor.html', 'least.html', 'popup.html'];

/**
 * What the main thread did, by the names of the trace's events (each event's own time, less the events inside it).
 * Names not matched are "other tasks".
 */
const GROUPS = [
  [
    'compiling script',
    /^(V8\.(Parse|Compile|PreParse|Deserialize(?!Context))|v8\.compile|V8\.StreamingFinal|v8\.produce)/,
  ],
  [
    'script',
    /^(FunctionCall|RunMicrotasks|v8\.evaluateModule|v8\.callFunction|V8\.BytecodeBudget|AsyncTask|EventDispatch|TimerFire|FireAnimationFrame|V8\.GC|MinorGC|MajorGC|v8\.run|V8\.StackGuard|V8\.Maglev)/,
  ],
  [
    'style, layout and paint',
    /^(Document::(recalcStyle|UpdateStyle)|UpdateLayoutTree|LocalFrameView|Layout|Paint|PrePaint|InlineNode|Commit|Layerize|RuleSet|StyleEngine|Blink\.|Font)/,
  ],
  [
    'parsing HTML and CSS',
    /^(ParseHTML|HTMLDocumentParser|CSSParser|ParseAuthorStyleSheet|DecodedData|HTMLParserScriptRunner)/,
  ],
  [
    'starting the page and its script context',
    /^(V8PerIsolateData|V8\.DeserializeContext|LocalWindowProxy|ContextCreatedNotification|DocumentLoader|Document::|LocalFrame|WindowProxy|NavigationBodyLoader)/,
  ],
];
const OTHER = 'other tasks (the browser’s messages, fetches)';
const WAITING = 'waiting (the thread idle)';
const CATEGORIES = [
  'toplevel',
  'blink',
  'blink.user_timing',
  'loading',
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'v8',
  'v8.execute',
  'disabled-by-default-v8.compile',
];

export async function run() {
  const h = await seeded(PEOPLE);
  try {
    // Where the trace's clock meets the page's: a mark at the page's start, before its own code.
    await h.context.addInitScript(() => {
      if (location.protocol === 'chrome-extension:') performance.mark('bench:trace');
    });
    // The trace is asked for through a page outside the extension, which lives in a process of its own.
    const tracer = await h.context.newCDPSession(await h.context.newPage());
    const [floor, least, popup] = await freshOpens(h, RUNS, PAGES, (file) => traced(h, tracer, file));
    const ms = (opens, key) => median(opens.map((o) => o[key] ?? 0));
    const keys = [...GROUPS.map(([name]) => name), OTHER, WAITING];
    return [
      {
        name: `trace, popup ${PEOPLE / 1000}k in a fresh process: open to first rows painted, traced (${RUNS} opens)`,
        unit: 'ms',
        value: ms(popup, 'painted'),
        peer: `the least list popup (the static page: ${ms(floor, 'painted').toFixed(1)} ms)`,
        peerValue: ms(least, 'painted'),
        ratio: ms(popup, 'painted') / ms(least, 'painted'),
      },
      ...keys.map((key) => ({
        name: `trace, … its main thread: ${key}`,
        unit: 'ms',
        value: ms(popup, key),
        peer: `the least list popup (the static page: ${ms(floor, key).toFixed(1)} ms)`,
        peerValue: ms(least, key),
        ratio: ms(least, key) ? ms(popup, key) / ms(least, key) : undefined,
      })),
    ];
  } finally {
    await h.close();
  }
}

/** Opens `file` traced; its painted time and its main thread's time by group, in ms from its navigation start. */
async function traced(h, tracer, file) {
  const events = [];
  const collect = (e) => events.push(...e.value);
  tracer.on('Tracing.dataCollected', collect);
  await tracer.send('Tracing.start', { categories: CATEGORIES.join(','), transferMode: 'ReportEvents' });
  const page = await h.context.newPage();
  let painted;
  let markedAt;
  try {
    await page.setViewportSize({ width: 400, height: 600 });
    await openTimed(page, `chrome-extension://${h.extensionId}/${file}`, 'rowsPainted');
    [painted, markedAt] = await page.evaluate(() => [
      globalThis.rowsPainted,
      performance.getEntriesByName('bench:trace')[0].startTime,
    ]);
  } finally {
    const complete = new Promise((resolve) => tracer.once('Tracing.tracingComplete', resolve));
    await tracer.send('Tracing.end');
    await complete;
    tracer.off('Tracing.dataCollected', collect);
    await page.close();
  }
  return { painted, ...mainThread(events, painted, markedAt) };
}

/** The page's main thread (where the mark was made) from its navigation start to `painted`, by group. */
function mainThread(events, painted, markedAt) {
  const mark = events.find((e) => e.name === 'bench:trace');
  if (!mark) throw new Error('bench: the trace has no mark of the page’s start');
  const start = mark.ts - markedAt * 1000;
  const end = start + painted * 1000;
  const own = events
    .filter((e) => e.pid === mark.pid && e.tid === mark.tid && e.ph === 'X' && e.ts >= start && e.ts + e.dur <= end)
    .sort((a, b) => a.ts - b.ts || b.dur - a.dur);
  const groups = {};
  const add = (name, us) => {
    const group = GROUPS.find(([, pattern]) => pattern.test(name))?.[0] ?? OTHER;
    groups[group] = (groups[group] ?? 0) + us / 1000;
  };
  // Each event's own time: its duration less that of the events directly inside it.
  const open = [];
  let busy = 0;
  for (const e of own) {
    while (open.length && open.at(-1).ts + open.at(-1).dur <= e.ts) open.pop();
    if (open.length) add(open.at(-1).name, -e.dur);
    else busy += e.dur;
    add(e.name, e.dur);
    open.push(e);
  }
  groups[WAITING] = painted - busy / 1000;
  return groups;
}
