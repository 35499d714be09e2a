// The course process's memory over a walk (bench/course-walk.ts): VmRSS and VmHWM from
// /proc/PID/status, sampled while the walk waits for the screen and recorded at the end of each
// step, so the report can say at which step the high-water mark was set and what the RSS was per
// lesson. At the highest RSS seen it keeps /proc/PID/smaps_rollup (anonymous against file-backed
// pages) and, with BENCH_SMAPS=1, the whole smaps, summed by mapping.
import { readFileSync } from 'node:fs';

interface StepMemory {
  readonly here: string;
  readonly id: string;
  readonly kind: string;
  /** VmRSS at the step's end, kB. */
  readonly rss: number;
  /** VmHWM at the step's end, kB. */
  readonly hwm: number;
  /** The highest VmRSS sampled during the step, kB. */
  readonly highest: number;
}

const kB = (text: string, field: string): number => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(text)?.[1] ?? NaN);
const mib = (kb: number): string => (kb / 1024).toFixed(1);

/** Resident kB by mapping name in a smaps text ("[anon]" for a mapping without a name). */
export function residentByMapping(smaps: string): Map<string, number> {
  const sums = new Map<string, number>();
  let name = '[anon]';
  for (const line of smaps.split('\n')) {
    const header = /^[0-9a-f]+-[0-9a-f]+ \S+ \S+ \S+ \S+\s*(.*)$/.exec(line);
    if (header) {
      name = header[1] === '' ? '[anon]' : (header[1] ?? '[anon]');
      continue;
    }
    const rss = /^Rss:\s+(\d+) kB/.exec(line);
    if (rss) sums.set(name, (sums.get(name) ?? 0) + Number(rss[1]));
  }
  return sums;
}

export class MemoryRecord {
  private readonly steps: StepMemory[] = [];
  private where = 'start';
  private stepHighest = 0;
  private highest = 0;
  private highestWhere = '';
  private rollup = '';
  private smaps = '';

  /** The step the walk is in, for samples taken from now on. */
  at(here: string): void {
    this.where = here;
    this.stepHighest = 0;
  }

  /** Reads the process's status; keeps smaps_rollup (and smaps) when the RSS is the highest yet. */
  sample(pid: string): { rss: number; hwm: number } {
    let status: string;
    try {
      status = readFileSync(`/proc/${pid}/status`, 'utf8');
    } catch {
      return { rss: NaN, hwm: NaN };
    }
    const rss = kB(status, 'VmRSS');
    const hwm = kB(status, 'VmHWM');
    if (rss > this.stepHighest) this.stepHighest = rss;
    if (rss > this.highest) {
      this.highest = rss;
      this.highestWhere = this.where;
      try {
        this.rollup = readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8');
        if (process.env.BENCH_SMAPS) this.smaps = readFileSync(`/proc/${pid}/smaps`, 'utf8');
      } catch {
        // the process ended
      }
    }
    return { rss, hwm };
  }

  /** The end of a step. */
  record(pid: string, here: string, id: string, kind: string): void {
    const { rss, hwm } = this.sample(pid);
    this.steps.push({ here, id, kind, rss, hwm, highest: this.stepHighest });
  }

  report(): string {
    if (this.steps.length === 0) return 'no steps recorded';
    const out: string[] = [];
    const last = this.steps[this.steps.length - 1];
    const peak = last?.hwm ?? NaN;
    const setBy = this.steps.find((s) => s.hwm === peak);
    out.push(`high-water mark ${mib(peak)} MiB set during step ${setBy?.here} ${setBy?.id} (${setBy?.kind})`);
    let before = 0;
    const rises = this.steps.map((s) => {
      const rise = s.hwm - before;
      before = s.hwm;
      return { s, rise };
    });
    const top = rises
      .filter((r) => r.rise > 0)
      .sort((a, b) => b.rise - a.rise)
      .slice(0, 8);
    out.push(`largest rises of VmHWM: ${top.map((r) => `${r.s.here} ${r.s.id} +${mib(r.rise)}`).join(', ')}`);
    out.push('lesson | steps | RSS at end | highest RSS sampled (step) | VmHWM at end');
    const lessons = new Map<string, StepMemory[]>();
    for (const s of this.steps) {
      const lesson = s.here.split(':')[0] ?? '?';
      lessons.set(lesson, [...(lessons.get(lesson) ?? []), s]);
    }
    for (const [lesson, steps] of lessons) {
      const end = steps[steps.length - 1];
      let top = steps[0];
      for (const s of steps) if (top === undefined || s.highest > top.highest) top = s;
      out.push(`${lesson} | ${steps.length} | ${mib(end?.rss ?? NaN)} | ${mib(top?.highest ?? NaN)} (${top?.here}) | ${mib(end?.hwm ?? NaN)}`);
    }
    if (this.rollup !== '') {
      const fields = ['Rss', 'Pss_Anon', 'Pss_File', 'Anonymous', 'Shared_Clean', 'Private_Clean', 'Private_Dirty'];
      out.push(
        `at the highest RSS sampled (${mib(this.highest)} MiB, step ${this.highestWhere}), smaps_rollup: ${fields.map((f) => `${f} ${mib(kB(this.rollup, f))}`).join(', ')} MiB`,
      );
    }
    if (this.smaps !== '') {
      const sums = [...residentByMapping(this.smaps)].sort((a, b) => b[1] - a[1]).slice(0, 10);
      out.push(`resident by mapping there: ${sums.map(([name, kb]) => `${name} ${mib(kb)}`).join(', ')} MiB`);
    }
    if (process.env.BENCH_LOG) {
      out.push('step | id | kind | RSS | highest | VmHWM (MiB)');
      for (const s of this.steps) out.push(`${s.here} | ${s.id} | ${s.kind} | ${mib(s.rss)} | ${mib(s.highest)} | ${mib(s.hwm)}`);
    }
    return out.join('\n');
  }
}
