// `npm run local:trigger -- <rule>`: fires a scheduled rule of the running local stack now.
// Without an argument it lists the scheduled rules.
const consoleUrl = process.env.RESTOCK_CONSOLE_URL ?? `http://127.0.0.1:${process.env.RESTOCK_CONSOLE_PORT ?? 4000}`;
const rule = process.argv[2];
const state = (await (await fetch(`${consoleUrl}/_local/state`)).json()) as { schedules: { rule: string; expression: string; nextRun: string }[] };
if (!rule) {
  for (const s of state.schedules) console.log(`${s.rule}\t${s.expression}\tnext ${s.nextRun}`);
  process.exit(0);
}
const match = state.schedules.find((s) => s.rule === rule || s.rule.startsWith(rule));
if (!match) {
  console.error(`No scheduled rule "${rule}". Known: ${state.schedules.map((s) => s.rule).join(', ') || '(none)'}`);
  process.exit(1);
}
const res = await fetch(`${consoleUrl}/_local/schedules/${encodeURIComponent(match.rule)}/run`, { method: 'POST' });
console.log(res.status === 202 ? `Fired ${match.rule}: ${JSON.stringify(await res.json())}` : `Failed: ${res.status} ${await res.text()}`);
export {};
