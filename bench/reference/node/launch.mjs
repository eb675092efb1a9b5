// Runs handler.mjs once in a fresh process, or in a warm loop, and prints what the benchmark reads as key=value
// lines, with the same keys as the Java functions' launcher.
// Arguments: event file, mode (cold or warm), warm-up calls, measured calls, time budget in seconds for each loop.
import { readFileSync } from "node:fs";

const epochMicros = () => Math.round((performance.timeOrigin + performance.now()) * 1000);
const mainEntered = epochMicros();
const mainStart = process.hrtime.bigint();
const [eventFile, mode = "cold", warmupText = "0", measuredText = "0", budgetText] = process.argv.slice(2);
const event = JSON.parse(readFileSync(eventFile, "utf8"));
const budgetNanos = budgetText ? BigInt(budgetText) * 1_000_000_000n : BigInt(Number.MAX_SAFE_INTEGER);

const { handler } = await import("./handler.mjs");
const initialized = process.hrtime.bigint();
const first = await handler(event);
const firstDone = process.hrtime.bigint();
const firstResponse = epochMicros();

const lines = [];
const line = (key, value) => lines.push(`${key}=${value}`);
const cpu = process.cpuUsage();
line("main_entered_us", mainEntered);
line("init_ns", initialized - mainStart);
line("first_invocation_ns", firstDone - initialized);
line("first_response_us", firstResponse);
line("first_status", first.statusCode);
const firstPage = JSON.parse(first.body);
line("first_job_ids", firstPage.jobs.map((job) => job.job_id).join(","));
line("first_total_count", firstPage.total_count);
line("cpu_ms", Math.round((cpu.user + cpu.system) / 1000));
line("vm_hwm_kb", process.resourceUsage().maxRSS);

if (mode === "warm") {
  const warmupCalls = Number(warmupText);
  const measuredCalls = Number(measuredText);
  const warmupStart = process.hrtime.bigint();
  for (let i = 0; i < warmupCalls && process.hrtime.bigint() - warmupStart < budgetNanos; i++) {
    await handler(event);
  }
  const samples = [];
  let lastStatus = first.statusCode;
  const loopStart = process.hrtime.bigint();
  while (samples.length < measuredCalls && (samples.length < 10 || process.hrtime.bigint() - loopStart < budgetNanos)) {
    const start = process.hrtime.bigint();
    lastStatus = (await handler(event)).statusCode;
    samples.push(process.hrtime.bigint() - start);
  }
  line("loop_ns", process.hrtime.bigint() - loopStart);
  line("loop_calls", samples.length);
  line("loop_status", lastStatus);
  line("samples_ns", samples.join(","));
}
process.stdout.write(lines.join("\n") + "\n");
