/**
 * The engine behind `extractToolCalls` and `ToolCallStream`: it scans text for a
 * format's markers, holds back what could still be one, runs the format's
 * parser over each call, and turns the outcome into events. The same engine
 * serves both: whole-text extraction is one push and the end, with calls kept
 * until they are complete (`live: false`); a stream announces them as soon as
 * they are known (`live: true`).
 */
import type { ToolCallFormat, WholeReplySink } from './format';
import { Parser, Status } from './grammar';

/** What the engine emits: content text, a call's start, an arguments fragment, a call's end. */
export type ToolEvent =
  | { kind: 'content'; text: string }
  | { kind: 'begin'; name: string }
  | { kind: 'args'; text: string }
  | { kind: 'finish' };

class BlockSink implements WholeReplySink {
  readonly events: ToolEvent[] = [];
  announced = false;
  open = false;
  constructor(
    private readonly machine: Machine,
    private deferred: boolean,
  ) {}
  get live(): boolean {
    return this.machine.live && !this.deferred;
  }
  goLive(): void {
    this.deferred = false;
  }
  begin(name: string): void {
    this.open = true;
    this.put({ kind: 'begin', name });
  }
  args(text: string): void {
    this.put({ kind: 'args', text });
  }
  finish(): void {
    this.open = false;
    this.put({ kind: 'finish' });
  }
  private put(e: ToolEvent): void {
    if (this.live) {
      this.announced = true;
      this.machine.emit(e);
    } else this.events.push(e);
  }
}

function escapeClass(ch: string): string {
  return /[\\\]^-]/.test(ch) ? `\\${ch}` : ch;
}

/** How much failed-call text may be scanned again: this many code units, plus `RESCAN_FACTOR` per code unit of input. */
const RESCAN_BASE = 1 << 16;
const RESCAN_FACTOR = 8;

/** Scans one reply; see the module comment. */
export class Machine {
  private out: ToolEvent[] = [];
  private pending = '';
  private block: Parser | null = null;
  private sink: BlockSink | null = null;
  private raw: string[] = [];
  private skip = 1;
  private isWhole = false;
  private included = false;
  private budget = RESCAN_BASE;
  private readonly longest: number;
  private plain = false;
  private started = false;
  private readonly markers: readonly string[];
  private readonly firsts: RegExp;

  /** An engine for `format`; `live` streams calls as soon as they are known. */
  constructor(
    private readonly format: ToolCallFormat,
    readonly live: boolean,
  ) {
    this.markers = [...format.markers, ...(format.valueMarkers ?? [])];
    this.longest = Math.max(1, ...this.markers.map((m) => m.length));
    const chars = [...new Set(this.markers.map((m) => m[0]))].map(escapeClass).join('');
    this.firsts = chars ? new RegExp(`[${chars}]`, 'g') : /$^/g;
  }

  /** Adds a call event (used by the block sink). */
  emit(e: ToolEvent): void {
    if (e.kind === 'content') {
      if (!e.text) return;
      const last = this.out[this.out.length - 1];
      if (last && last.kind === 'content') {
        last.text += e.text;
        return;
      }
    }
    this.out.push(e);
  }

  /** Takes the events emitted so far. */
  take(): ToolEvent[] {
    const out = this.out;
    this.out = [];
    return out;
  }

  /** Scans the next piece of text. */
  push(text: string): void {
    if (!this.started) this.start();
    this.budget += RESCAN_FACTOR * text.length;
    this.process(text);
  }

  /** The text ended: open calls are completed or released as content. */
  end(): void {
    if (!this.started) this.start();
    for (;;) {
      if (this.block) {
        this.block.end();
        if (this.block.status === Status.Done) this.flush();
        else {
          const included = this.included;
          const again = this.fail();
          if (again) {
            this.process(again, included ? again.length : 0);
            continue;
          }
        }
        continue;
      }
      if (this.pending) {
        this.content(this.pending);
        this.pending = '';
      }
      return;
    }
  }

  private start(): void {
    this.started = true;
    if (this.format.whole) {
      this.sink = new BlockSink(this, true);
      this.block = this.format.whole(this.sink);
      this.isWhole = true;
      this.raw = [];
    }
  }

  private content(text: string): void {
    this.emit({ kind: 'content', text });
  }

  /**
   * Scans `text`. A failed call's text is scanned again (without its marker)
   * before the rest, kept as separate segments so that nothing is copied but
   * the failed text itself. Value markers (`{`) are ignored below a segment's
   * `quiet` index: that is the inside of a JSON value that just failed, whose
   * nested values are not calls of their own (scanning them again would make
   * nested input quadratic).
   */
  private process(text: string, quietEnd = 0): void {
    const rest: Array<[string, number, number]> = [];
    let s = text;
    let i = 0;
    let quiet = quietEnd;
    if (this.pending) {
      rest.push([s, 0, quiet]);
      s = this.pending;
      this.pending = '';
      quiet = 0;
    }
    for (;;) {
      if (i >= s.length) {
        const next = rest.pop();
        if (!next) return;
        if (this.pending && !this.block) {
          // Held text meets the next segment: join it with that segment's head (markers are short).
          const [ns, nj, nq] = next;
          const take = Math.min(this.longest, ns.length - nj);
          s = this.pending + ns.slice(nj, nj + take);
          this.pending = '';
          i = 0;
          quiet = nq > nj ? s.length : 0;
          if (nj + take < ns.length) rest.push([ns, nj + take, nq]);
          continue;
        }
        [s, i, quiet] = next;
        continue;
      }
      if (this.block) {
        const j = this.block.feed(s, i);
        if (!this.sink!.announced) this.raw.push(s.slice(i, j));
        const st = this.block.status;
        if (st === Status.Done) this.flush();
        if (st !== Status.Failed) {
          i = j;
          continue;
        }
        const included = this.included;
        const inQuiet = quiet > 0;
        const again = this.fail();
        if (j < s.length) rest.push([s, j, quiet]);
        s = again;
        i = 0;
        quiet = included || inQuiet ? again.length : 0;
        continue;
      }
      if (this.plain) {
        this.content(s.slice(i));
        i = s.length;
        continue;
      }
      i = this.scanContent(s, i, quiet);
    }
  }

  /** Content up to the next marker (opening its call) or held-back marker start; returns where it stopped. */
  private scanContent(s: string, i: number, quiet: number): number {
    const re = this.firsts;
    re.lastIndex = i;
    for (let m = re.exec(s); m; m = re.exec(s)) {
      const at = m.index;
      for (const marker of this.markers) {
        if (!s.startsWith(marker, at)) continue;
        const included = this.format.valueMarkers?.includes(marker) ?? false;
        if (included && at < quiet) continue;
        this.content(s.slice(i, at));
        this.included = included;
        this.sink = new BlockSink(this, false);
        this.block = this.format.open!(marker, this.sink);
        this.isWhole = false;
        this.raw = included ? [] : [marker];
        this.skip = included ? 1 : marker.length;
        return included ? at : at + marker.length;
      }
      if (this.markers.some((marker) => s.length - at < marker.length && marker.startsWith(s.slice(at)))) {
        this.content(s.slice(i, at));
        this.pending = s.slice(at);
        return s.length;
      }
      re.lastIndex = at + 1;
    }
    this.content(s.slice(i));
    return s.length;
  }

  private flush(): void {
    for (const e of this.sink!.events) this.emit(e);
    this.block = null;
    this.sink = null;
    this.raw = [];
  }

  /** The block failed: closes an announced call, or releases the block's text. Returns text to scan again. */
  private fail(): string {
    const sink = this.sink!;
    this.block = null;
    this.sink = null;
    if (this.isWhole) this.plain = true;
    if (sink.announced) {
      if (sink.open) this.emit({ kind: 'finish' });
      this.raw = [];
      return '';
    }
    const text = this.raw.join('');
    this.raw = [];
    if (this.isWhole) return text;
    if (text.length > this.budget) {
      // Scanning failed calls again is bounded (by a multiple of the input): past that, their text is content as is.
      this.content(text);
      return '';
    }
    this.budget -= text.length;
    this.content(text.slice(0, this.skip));
    return text.slice(this.skip);
  }
}
