// describe.go's PrefixWriter over a tabwriter (minwidth 0, tabwidth 8, padding 2).
// A flush aligns what came before it on its own, as the events table does.

import { humanDuration } from './duration.js';
import { DESCRIBE, formatTabbed } from './tabwriter.js';
import { aggregateEvents, type ClusterEvent, type Labels } from '../cluster/index.js';

export class DescribeWriter {
  private done = '';
  private pending = '';

  write(level: number, text: string): void {
    this.pending += '  '.repeat(level) + text;
  }

  line(text: string): void {
    this.pending += `${text}\n`;
  }

  flush(): void {
    this.done += formatTabbed(this.pending, DESCRIBE);
    this.pending = '';
  }

  toString(): string {
    this.flush();
    return this.done;
  }

  /** printLabelsMultiline: one `key=value` per line, sorted, or <none>. */
  labels(title: string, labels: Labels | undefined): void {
    this.write(0, `${title}:\t`);
    const keys = Object.keys(labels ?? {}).sort();
    if (keys.length === 0) {
      this.line('<none>');
      return;
    }
    keys.forEach((key, i) => {
      if (i > 0) this.write(0, '\t');
      this.write(0, `${key}=${labels?.[key] ?? ''}\n`);
    });
  }

  /** printAnnotationsMultiline: `key: value`, skipping the last-applied annotation. */
  annotations(title: string, annotations: Labels): void {
    this.write(0, `${title}:\t`);
    const keys = Object.keys(annotations)
      .filter((k) => k !== 'kubectl.kubernetes.io/last-applied-configuration')
      .sort();
    if (keys.length === 0) {
      this.line('<none>');
      return;
    }
    keys.forEach((key, i) => {
      if (i > 0) this.write(0, '\t');
      const value = (annotations[key] ?? '').replace(/\n$/, '');
      if (value.length + key.length + 2 > 140 || value.includes('\n')) {
        this.write(0, `${key}:\n`);
        for (const s of value.split('\n')) this.write(0, `\t  ${s.length > 138 ? `${s.slice(0, 135)}...` : s}\n`);
      } else this.write(0, `${key}: ${value}\n`);
    });
  }

  /** DescribeEvents: identical events counted, `AGE (xN over FIRST)` (describe.go). */
  events(events: readonly ClusterEvent[], now: number): void {
    if (events.length === 0) {
      this.write(0, 'Events:\t<none>\n');
      return;
    }
    this.flush();
    this.write(0, 'Events:\n  Type\tReason\tAge\tFrom\tMessage\n');
    this.write(1, '----\t------\t----\t----\t-------\n');
    const since = (at: number): string => humanDuration(now - Math.floor(at / 1000) * 1000);
    for (const a of aggregateEvents(events)) {
      const e = a.event;
      const source = e.source.split('/')[0] ?? e.source;
      const interval = a.count > 1 ? `${since(a.lastAt)} (x${a.count} over ${since(a.firstAt)})` : since(a.firstAt);
      this.write(1, `${e.type}\t${e.reason}\t${interval}\t${source}\t${e.message.trim()}\n`);
    }
  }
}
